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

    // Open addressing, one 64-bit entry per slot so a lookup touches one cache line: the key's high 32 bits (never 0 in
    // a used slot) over the slot's first pair (high 28 bits) and pair count (low 4 bits). A pair packs the quantised
    // weight (high 16 bits, times _scale) over its label (low bits) in 32 bits, so a hit costs one more line at most.
    private readonly ulong[] _entries;
    private readonly uint[] _pairs;
    private readonly float _scale;
    private readonly int _mask;

    private PerceptronModel(ulong[] entries, uint[] pairs, float scale, float[] transitions)
    {
        _entries = entries;
        _pairs = pairs;
        _scale = scale;
        _mask = entries.Length - 1;
        Transitions = transitions;
    }

    /// <summary>(1 + labels) × labels transition weights; row 0 is the sentence start.</summary>
    public float[] Transitions { get; }

    public int FeatureCount { get; private init; }

    /// <summary>
    /// Adds the weights of <paramref name="features"/> (rows of <paramref name="perRow"/> hashes, one row per character)
    /// to <paramref name="scores"/> (rows of one score per label).
    /// </summary>
    /// <remarks>
    /// Lookups are memory-bound, so they go in passes over the whole input: every feature's home slot is read (loads
    /// that do not depend on each other, which the processor overlaps), then each is resolved to its pairs, probing on
    /// only where the home slot holds another key; the pairs are added last.
    /// </remarks>
    public void AddEmissions(ReadOnlySpan<ulong> features, int perRow, Span<float> scores)
    {
        // A batch of a few rows: enough loads in flight to overlap, few enough that the home slots are still cached
        // when the second pass reads them again.
        const int L = EntityLabels.Count;
        var batchRows = Math.Max(1, 128 / perRow);
        Span<uint> slots = stackalloc uint[batchRows * perRow];
        for (var first = 0; first < features.Length; first += slots.Length)
        {
            var batch = features.Slice(first, Math.Min(slots.Length, features.Length - first));
            for (var k = 0; k < batch.Length; k++)
            {
                slots[k] = (uint)_entries[(int)batch[k] & _mask];
            }

            for (var k = 0; k < batch.Length; k++)
            {
                var key = batch[k];
                var fingerprint = Fingerprint(key);
                var index = (int)key & _mask;
                var entry = _entries[index];
                while (entry != 0 && (uint)(entry >> 32) != fingerprint)
                {
                    index = (index + 1) & _mask;
                    entry = _entries[index];
                }

                slots[k] = (uint)entry;
            }

            for (var k = 0; k < batch.Length; k++)
            {
                var slot = slots[k];
                if (slot != 0)
                {
                    var row = scores.Slice((first + k) / perRow * L, L);
                    foreach (var pair in _pairs.AsSpan((int)(slot >> 4), (int)(slot & 15)))
                    {
                        row[(int)(pair & 0xFF)] += (short)(pair >> 16) * _scale;
                    }
                }
            }
        }
    }

    /// <summary>True when the model holds weights for <paramref name="key"/>.</summary>
    public bool Contains(ulong key)
    {
        var fingerprint = Fingerprint(key);
        for (var index = (int)key & _mask; _entries[index] != 0; index = (index + 1) & _mask)
        {
            if ((uint)(_entries[index] >> 32) == fingerprint)
            {
                return true;
            }
        }

        return false;
    }

    private static uint Fingerprint(ulong key) => Math.Max(1u, (uint)(key >> 32));

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

            var pairBytes = data.Length - offset - ((long)count * 9);
            if (count < 0 || pairBytes < 0 || pairBytes % 3 != 0)
            {
                throw new InvalidDataException($"Tagger model '{name}' is truncated or damaged ({data.Length} bytes for {count} features).");
            }

            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(count * 2, 16));
            var entries = new ulong[capacity];
            var pairs = new uint[pairBytes / 3];
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

                var index = (int)key & (capacity - 1);
                while (entries[index] != 0)
                {
                    index = (index + 1) & (capacity - 1);
                }

                entries[index] = ((ulong)Fingerprint(key) << 32) | ((uint)next << 4) | (uint)n;
                for (var j = 0; j < n; j++, offset += 3, next++)
                {
                    var label = data[offset];
                    if (label >= EntityLabels.Count)
                    {
                        throw new InvalidDataException($"Tagger model '{name}' has a damaged feature entry.");
                    }

                    pairs[next] = ((uint)(ushort)BinaryPrimitives.ReadInt16LittleEndian(data[(offset + 1)..]) << 16) | label;
                }
            }

            if (offset != data.Length)
            {
                throw new InvalidDataException($"Tagger model '{name}' has {data.Length - offset} trailing bytes.");
            }

            return new PerceptronModel(entries, pairs, scale, transitions) { FeatureCount = count };
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
