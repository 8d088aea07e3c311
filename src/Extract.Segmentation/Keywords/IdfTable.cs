using Extract.Segmentation.Dictionary;

namespace Extract.Segmentation.Keywords;

/// <summary>
/// Jieba's IDF table (<c>analyse/idf.txt</c>) as sorted words in one character array with offsets,
/// looked up by binary search; immutable. The embedded copy is loaded lazily once.
/// </summary>
internal sealed class IdfTable
{
    private static readonly Lazy<IdfTable> EmbeddedTable = new(() => Resources.ResourceLoading.Guard(LoadEmbedded), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly int[] _offsets;
    private readonly char[] _chars;
    private readonly double[] _values;

    private IdfTable(int[] offsets, char[] chars, double[] values, double median)
    {
        _offsets = offsets;
        _chars = chars;
        _values = values;
        Median = median;
    }

    /// <summary>The table embedded in this assembly.</summary>
    public static IdfTable Embedded => EmbeddedTable.Value;

    /// <summary>Jieba's default for unknown words: the median idf.</summary>
    public double Median { get; }

    public int Count => _values.Length;

    /// <summary>The idf of <paramref name="word"/>, or <see cref="Median"/>.</summary>
    public double Get(ReadOnlySpan<char> word)
    {
        int lo = 0, hi = _values.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = _chars.AsSpan(_offsets[mid], _offsets[mid + 1] - _offsets[mid]).SequenceCompareTo(word);
            if (cmp == 0)
            {
                return _values[mid];
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return Median;
    }

    /// <summary>Reads a compiled IDF table.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static IdfTable FromStream(Stream stream, string name = "jieba-idf.bin")
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var s = ModelFormat.OpenRead(stream, ModelFormat.IdfMagic, name);
            var count = ModelFormat.ReadInt32(s);
            var median = ModelFormat.ReadArray<double>(s, 1)[0];
            var offsets = ModelFormat.ReadArray<int>(s, count + 1);
            var chars = ModelFormat.ReadArray<char>(s, ModelFormat.ReadInt32(s));
            var values = ModelFormat.ReadArray<double>(s, count);
            if (ModelFormat.ReadInt32(s) != JiebaModel.EndMarker)
            {
                throw new InvalidDataException($"'{name}' is truncated or corrupt (no end marker).");
            }

            return new IdfTable(offsets, chars, values, median);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"'{name}' is truncated or corrupt: {ex.Message}", ex);
        }
    }

    private static IdfTable LoadEmbedded()
    {
        using var stream = JiebaModel.OpenResource(ModelFormat.IdfResource);
        return FromStream(stream, ModelFormat.IdfResource);
    }
}
