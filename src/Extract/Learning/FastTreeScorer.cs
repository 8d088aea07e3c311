using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Extract.Resources;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace Extract.Learning;

/// <summary>
/// A loaded FastTree binary model (Platt-calibrated, numerical splits only) read out into flat arrays and scored
/// directly, a batch of rows at a time: the sum of the trees' weighted leaf values plus the bias, through the
/// calibrator. It gives the probabilities of ML.NET's prediction engine for the same features without the engine's
/// per-row plumbing. Each tree is walked for eight rows in lock step with a branch-free step (a leaf is a node that
/// leads to itself, so every walk takes the tree's depth in steps), which keeps the processor busy on eight
/// independent paths instead of stalling on one mispredicted branch after another.
/// </summary>
internal sealed class FastTreeScorer
{
    // Nodes of every tree in one array, each node one 12-byte entry read in one load: the feature it splits on, its
    // threshold and the first of its two children, which sit side by side (a tree's nodes are numbered breadth-first,
    // so both children of a node are allocated together). A row goes to the second child when its value is not ≤ the
    // threshold, as ML.NET does. A leaf splits at NaN (every value goes to the second child) with itself as the second
    // child, and has its weighted value in _value.
    private readonly Node[] _nodes;
    private readonly double[] _value;
    private readonly int[] _roots;
    private readonly int[] _depths;
    private readonly double _bias;
    private readonly double _slope;
    private readonly double _offset;

    private FastTreeScorer(Node[] nodes, double[] value, int[] roots, int[] depths, double bias, double slope, double offset)
    {
        _nodes = nodes;
        _value = value;
        _roots = roots;
        _depths = depths;
        _bias = bias;
        _slope = slope;
        _offset = offset;
        FeaturesRead = nodes.Length == 0 ? 0 : nodes.Max(n => n.Feature) + 1;
    }

    /// <summary>The scorer's trees and calibration in the layout of <see cref="Read"/> (little-endian): the counts of trees and nodes, bias, slope and offset, then the arrays as the walk reads them.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FlatArrays.RequireLittleEndian("the flat tree layout");
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(_roots.Length);
        writer.Write(_nodes.Length);
        writer.Write(_bias);
        writer.Write(_slope);
        writer.Write(_offset);
        writer.Flush();
        FlatArrays.Write(stream, _roots);
        FlatArrays.Write(stream, _depths);
        FlatArrays.Write(stream, _nodes);
        FlatArrays.Write(stream, _value);
    }

    /// <summary>
    /// Reads what <see cref="Write"/> wrote: the arrays are copied straight from the stream into place (no parsing, no
    /// ML.NET). A node that points outside the array, a root or depth out of range throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static FastTreeScorer Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FlatArrays.RequireLittleEndian("the flat tree layout");
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var trees = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (trees is < 0 or > 1 << 20 || count is < 0 or > 1 << 26 || (trees > 0 && count == 0))
        {
            throw new InvalidDataException($"{trees} trees of {count} nodes");
        }

        var bias = reader.ReadDouble();
        var slope = reader.ReadDouble();
        var offset = reader.ReadDouble();
        var roots = FlatArrays.Read<int>(stream, trees);
        var depths = FlatArrays.Read<int>(stream, trees);
        var nodes = FlatArrays.Read<Node>(stream, count);
        var value = FlatArrays.Read<double>(stream, count);
        for (var i = 0; i < nodes.Length; i++)
        {
            // Both children (First and First + 1) must be nodes; a leaf goes to its second child, itself (so a first leaf has First -1).
            if (nodes[i].First < -1 || nodes[i].First + 1 >= count || nodes[i].Feature < 0)
            {
                throw new InvalidDataException($"node {i} points at {nodes[i].First} (feature {nodes[i].Feature})");
            }
        }

        for (var t = 0; t < trees; t++)
        {
            if ((uint)roots[t] >= (uint)count || depths[t] is < 0 or > 64)
            {
                throw new InvalidDataException($"tree {t}: root {roots[t]}, depth {depths[t]}");
            }
        }

        return new FastTreeScorer(nodes, value, roots, depths, bias, slope, offset);
    }

    /// <summary>True when <paramref name="other"/> holds the same trees and calibration, bit for bit.</summary>
    public bool SameAs(FastTreeScorer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _nodes.AsSpan().SequenceEqual(other._nodes) && MemoryMarshal.AsBytes(_value.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(other._value.AsSpan()))
            && _roots.AsSpan().SequenceEqual(other._roots) && _depths.AsSpan().SequenceEqual(other._depths)
            && BitConverter.DoubleToInt64Bits(_bias) == BitConverter.DoubleToInt64Bits(other._bias)
            && BitConverter.DoubleToInt64Bits(_slope) == BitConverter.DoubleToInt64Bits(other._slope)
            && BitConverter.DoubleToInt64Bits(_offset) == BitConverter.DoubleToInt64Bits(other._offset);
    }

    /// <summary>Every split of the trees as (feature, threshold), leaves left out (for tests that probe each edge).</summary>
    internal IEnumerable<(int Feature, float Threshold)> Splits() =>
        _nodes.Where(n => !float.IsNaN(n.Threshold)).Select(n => (n.Feature, n.Threshold));

    /// <summary>The mean of the trees' depths (steps every walk takes).</summary>
    public double MeanDepth => _depths.Length == 0 ? 0 : _depths.Average();

    /// <summary>The number of features the trees read at most (the largest split index + 1).</summary>
    public int FeaturesRead { get; }

    /// <summary>The scorer of <paramref name="transformer"/>, or null when it is not a Platt-calibrated FastTree binary model with numerical splits only.</summary>
    public static FastTreeScorer? From(ITransformer transformer)
    {
        if (transformer is not ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> prediction)
        {
            return null;
        }

        var ensemble = prediction.Model.SubModel.TrainedTreeEnsemble;
        var nodes = new List<Node>();
        var value = new List<double>();
        var roots = new int[ensemble.Trees.Count];
        var depths = new int[ensemble.Trees.Count];
        for (var t = 0; t < roots.Length; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(c => c))
            {
                return null;
            }

            roots[t] = nodes.Count;
            depths[t] = tree.NumericalSplitFeatureIndexes.Count == 0 ? 0 : Depth(tree.LeftChild, tree.RightChild, 0);
            AddTree(tree.NumericalSplitFeatureIndexes, tree.NumericalSplitThresholds, tree.LeftChild, tree.RightChild, tree.LeafValues, ensemble.TreeWeights[t], nodes, value);
        }

        var calibrator = prediction.Model.Calibrator;
        return new FastTreeScorer([.. nodes], [.. value], roots, depths, ensemble.Bias, calibrator.Slope, calibrator.Offset);
    }

    /// <summary>
    /// Appends one tree's nodes breadth-first from its root (ML.NET's internal node i, leaf j written as ~j; a tree of
    /// one leaf has no internal nodes), so each node's two children take two neighbouring places.
    /// </summary>
    internal static void AddTree(
        IReadOnlyList<int> splitFeature, IReadOnlyList<float> splitThreshold, IReadOnlyList<int> left, IReadOnlyList<int> right,
        IReadOnlyList<double> leafValues, double weight, List<Node> nodes, List<double> value)
    {
        var first = nodes.Count;
        var pending = new Queue<int>();
        pending.Enqueue(splitFeature.Count == 0 ? ~0 : 0);
        nodes.Add(default);
        value.Add(0);
        for (var place = first; pending.Count > 0; place++)
        {
            var node = pending.Dequeue();
            if (node < 0)
            {
                nodes[place] = new Node(0, float.NaN, place - 1);
                value[place] = weight * leafValues[~node];
                continue;
            }

            nodes[place] = new Node(splitFeature[node], splitThreshold[node], nodes.Count);
            foreach (var child in (ReadOnlySpan<int>)[left[node], right[node]])
            {
                pending.Enqueue(child);
                nodes.Add(default);
                value.Add(0);
            }
        }
    }

    /// <summary>
    /// The calibrated probability of the positive class for each of <paramref name="count"/> rows laid out one after
    /// another in <paramref name="rows"/>, <paramref name="stride"/> values each.
    /// </summary>
    /// <remarks>
    /// The rows go through the trees a block at a time, a block small enough (<see cref="BlockBytes"/>) to stay in the
    /// first-level cache while every tree walks it: a whole document's rows (a hundred kilobytes for the entity
    /// decision) would be read from the second-level cache at every step, and each step waits on that read. Each row
    /// still sums its trees in the same order, so the probabilities are the same to the bit.
    /// </remarks>
    public void Probabilities(ReadOnlySpan<float> rows, int count, int stride, Span<float> probabilities)
    {
        if (stride < FeaturesRead || stride <= 0 || rows.Length < count * stride || probabilities.Length < count)
        {
            throw new ArgumentException("rows, stride and probabilities do not fit the model's features");
        }

        var block = Math.Clamp(BlockBytes / (stride * sizeof(float)) & ~7, 8, MaxBlockRows);
        Span<double> scores = stackalloc double[MaxBlockRows];
        for (var first = 0; first < count; first += block)
        {
            var n = Math.Min(block, count - first);
            WalkBlock(rows.Slice(first * stride, n * stride), n, stride, scores[..n]);
            for (var r = 0; r < n; r++)
            {
                // ML.NET's Platt calibrator: 1 / (1 + exp(slope · score + offset)), on the score as a float.
                probabilities[first + r] = (float)(1 / (1 + Math.Exp((_slope * (float)scores[r]) + _offset)));
            }
        }
    }

    /// <summary>The bytes of rows walked through every tree at once: a little under the first-level data cache (48 KiB here, 32 KiB on most x64).</summary>
    internal const int BlockBytes = 24 * 1024;

    private const int MaxBlockRows = 256;

    // The sum of the bias and every tree's leaf for each of the count rows in rows (count ≤ MaxBlockRows).
    private void WalkBlock(ReadOnlySpan<float> rows, int count, int stride, Span<double> scores)
    {
        scores.Fill(_bias);

        // Indices are valid by construction (nodes) and by the check in Probabilities (rows), so the walk reads without bounds checks.
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var row = ref MemoryMarshal.GetReference(rows);
        for (var t = 0; t < _roots.Length; t++)
        {
            var root = _roots[t];
            var depth = _depths[t];
            var r = 0;
            for (; r + 8 <= count; r += 8)
            {
                int n0 = root, n1 = root, n2 = root, n3 = root, n4 = root, n5 = root, n6 = root, n7 = root;
                var o0 = r * stride;
                for (var k = 0; k < depth; k++)
                {
                    var m0 = Step(ref nodes, ref row, o0, n0);
                    var m1 = Step(ref nodes, ref row, o0 + stride, n1);
                    var m2 = Step(ref nodes, ref row, o0 + (2 * stride), n2);
                    var m3 = Step(ref nodes, ref row, o0 + (3 * stride), n3);
                    var m4 = Step(ref nodes, ref row, o0 + (4 * stride), n4);
                    var m5 = Step(ref nodes, ref row, o0 + (5 * stride), n5);
                    var m6 = Step(ref nodes, ref row, o0 + (6 * stride), n6);
                    var m7 = Step(ref nodes, ref row, o0 + (7 * stride), n7);
                    var moved = (m0 ^ n0) | (m1 ^ n1) | (m2 ^ n2) | (m3 ^ n3) | (m4 ^ n4) | (m5 ^ n5) | (m6 ^ n6) | (m7 ^ n7);
                    (n0, n1, n2, n3, n4, n5, n6, n7) = (m0, m1, m2, m3, m4, m5, m6, m7);

                    // A split always leads further on (children come after their parent), and a leaf leads to itself:
                    // when no row moved, all eight stand on leaves and the tree's remaining depth would change nothing.
                    if (moved == 0)
                    {
                        break;
                    }
                }

                scores[r] += _value[n0];
                scores[r + 1] += _value[n1];
                scores[r + 2] += _value[n2];
                scores[r + 3] += _value[n3];
                scores[r + 4] += _value[n4];
                scores[r + 5] += _value[n5];
                scores[r + 6] += _value[n6];
                scores[r + 7] += _value[n7];
            }

            for (; r < count; r++)
            {
                var n = root;
                var o = r * stride;
                for (var k = 0; k < depth; k++)
                {
                    n = Step(ref nodes, ref row, o, n);
                }

                scores[r] += _value[n];
            }
        }
    }

    // One step down a tree for the row at offset o: the second child when the row's value is not ≤ the threshold.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node nodes, ref float row, int o, int node)
    {
        ref var n = ref Unsafe.Add(ref nodes, node);
        return n.First + (Unsafe.Add(ref row, o + n.Feature) <= n.Threshold ? 0 : 1);
    }

    private static int Depth(IReadOnlyList<int> left, IReadOnlyList<int> right, int node)
    {
        var l = left[node] >= 0 ? Depth(left, right, left[node]) : 0;
        var r = right[node] >= 0 ? Depth(left, right, right[node]) : 0;
        return 1 + Math.Max(l, r);
    }

    /// <summary>A node: the feature it splits on, its threshold, and the place of its first child (the second follows it).</summary>
    internal readonly record struct Node(int Feature, float Threshold, int First);
}
