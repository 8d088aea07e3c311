using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Extract.Recognition.Tagging;

/// <summary>
/// The trained weights of the name tagger: per feature hash, the sparse label weights (quantised to 16 bits on disk),
/// and the label transitions. Read-only once loaded, so one instance serves every thread.
/// </summary>
/// <remarks>
/// File layout (little-endian): magic <c>EXNERPC1</c>; int32 format version; int32 feature-template version; int32 label
/// count; float32 weight scale; int32 feature count; (1 + labels) × labels float32 transitions; then per feature a uint64
/// hash, a byte count and that many (byte label, int16 weight) pairs. Features come in ascending hash order.
/// </remarks>
internal sealed class PerceptronModel
{
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("EXNERPC1");

    private readonly ulong[] _keys;
    private readonly int[] _slots;
    private readonly byte[] _labels;
    private readonly float[] _weights;
    private readonly int _mask;

    private PerceptronModel(ulong[] keys, int[] slots, byte[] labels, float[] weights, float[] transitions)
    {
        _keys = keys;
        _slots = slots;
        _labels = labels;
        _weights = weights;
        _mask = keys.Length - 1;
        Transitions = transitions;
    }

    /// <summary>(1 + labels) × labels transition weights; row 0 is the sentence start.</summary>
    public float[] Transitions { get; }

    public int FeatureCount { get; private init; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one per label).</summary>
    public void AddEmissions(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var key in features)
        {
            var index = (int)(key >> 20) & _mask;
            while (true)
            {
                var found = _keys[index];
                if (found == key)
                {
                    var slot = _slots[index];
                    var start = slot >> 4;
                    var end = start + (slot & 15);
                    for (var j = start; j < end; j++)
                    {
                        scores[_labels[j]] += _weights[j];
                    }

                    break;
                }

                if (found == 0)
                {
                    break;
                }

                index = (index + 1) & _mask;
            }
        }
    }

    /// <summary>Writes a model: <paramref name="weights"/> maps feature hash → dense label weights; zero weights are dropped.</summary>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<ulong, float[]>> weights, ReadOnlySpan<float> transitions)
    {
        var rows = weights.Where(w => w.Value.Any(v => v != 0)).OrderBy(w => w.Key).ToList();
        var max = rows.Count == 0 ? 1f : rows.Max(r => r.Value.Max(Math.Abs));
        var scale = max / short.MaxValue;
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(NameFeatures.Version);
        writer.Write(EntityLabels.Count);
        writer.Write(scale);
        var kept = rows.Select(r => (r.Key, Weights: Quantise(r.Value, scale))).Where(r => r.Weights.Count > 0).ToList();
        writer.Write(kept.Count);
        foreach (var t in transitions)
        {
            writer.Write(t);
        }

        foreach (var (key, quantised) in kept)
        {
            writer.Write(key);
            writer.Write((byte)quantised.Count);
            foreach (var (label, value) in quantised)
            {
                writer.Write(label);
                writer.Write(value);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>; a damaged or foreign file throws naming <paramref name="name"/>.</summary>
    public static PerceptronModel Read(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length < 24 || !data[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"Tagger model '{name}' is not a name-tagger model.");
        }

        var format = BinaryPrimitives.ReadInt32LittleEndian(data[8..]);
        var features = BinaryPrimitives.ReadInt32LittleEndian(data[12..]);
        var labels = BinaryPrimitives.ReadInt32LittleEndian(data[16..]);
        if (format != FormatVersion || features != NameFeatures.Version || labels != EntityLabels.Count)
        {
            throw new InvalidDataException(
                $"Tagger model '{name}' has format {format}, feature templates {features} and {labels} labels; this build reads format {FormatVersion}, templates {NameFeatures.Version}, {EntityLabels.Count} labels.");
        }

        try
        {
            var scale = BinaryPrimitives.ReadSingleLittleEndian(data[20..]);
            var count = BinaryPrimitives.ReadInt32LittleEndian(data[24..]);
            var offset = 28;
            var transitions = new float[(EntityLabels.Count + 1) * EntityLabels.Count];
            for (var i = 0; i < transitions.Length; i++, offset += 4)
            {
                transitions[i] = BinaryPrimitives.ReadSingleLittleEndian(data[offset..]);
            }

            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(count * 2, 16));
            var keys = new ulong[capacity];
            var slots = new int[capacity];
            var pairs = (data.Length - offset - (count * 9)) / 3;
            var labelArray = new byte[pairs];
            var weights = new float[pairs];
            var next = 0;
            for (var f = 0; f < count; f++)
            {
                var key = BinaryPrimitives.ReadUInt64LittleEndian(data[offset..]);
                int n = data[offset + 8];
                offset += 9;
                if (key == 0 || n is 0 or > EntityLabels.Count)
                {
                    throw new InvalidDataException($"Tagger model '{name}' has a damaged feature entry.");
                }

                var index = (int)(key >> 20) & (capacity - 1);
                while (keys[index] != 0)
                {
                    index = (index + 1) & (capacity - 1);
                }

                keys[index] = key;
                slots[index] = (next << 4) | n;
                for (var j = 0; j < n; j++, offset += 3, next++)
                {
                    labelArray[next] = data[offset];
                    weights[next] = BinaryPrimitives.ReadInt16LittleEndian(data[(offset + 1)..]) * scale;
                }
            }

            if (offset != data.Length)
            {
                throw new InvalidDataException($"Tagger model '{name}' has {data.Length - offset} trailing bytes.");
            }

            return new PerceptronModel(keys, slots, labelArray, weights, transitions) { FeatureCount = count };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException($"Tagger model '{name}' is truncated.", e);
        }
        catch (IndexOutOfRangeException e)
        {
            throw new InvalidDataException($"Tagger model '{name}' is truncated.", e);
        }
    }

    private static List<(byte Label, short Value)> Quantise(float[] weights, float scale)
    {
        var list = new List<(byte, short)>();
        for (var label = 0; label < weights.Length; label++)
        {
            var q = (short)Math.Clamp(MathF.Round(weights[label] / scale), short.MinValue, short.MaxValue);
            if (q != 0)
            {
                list.Add(((byte)label, q));
            }
        }

        return list;
    }
}
