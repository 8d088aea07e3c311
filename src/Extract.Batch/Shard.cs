using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Extract.Batch;

/// <summary>
/// One shard of <see cref="Count"/>: the documents whose id hash falls in it. The hash is stable across machines,
/// runs and .NET versions: the first 8 bytes of SHA-256 over the id's UTF-8 bytes, read big-endian as an unsigned
/// 64-bit number, modulo <see cref="Count"/>. Shards 0 … Count−1 partition any set of ids.
/// </summary>
/// <param name="Index">The shard taken, 0-based (0 ≤ Index &lt; Count).</param>
/// <param name="Count">The number of shards (≥ 1).</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>Parses <c>i/n</c> (0-based i, 0 ≤ i &lt; n), as given to <c>--shard</c>.</summary>
    /// <exception cref="FormatException">The text is not <c>i/n</c> with 0 ≤ i &lt; n.</exception>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"shard '{text}' is not i/n (for example 0/4)");
        }

        if (count < 1 || index >= count)
        {
            throw new FormatException($"shard '{text}': the index is 0-based and must be below the count (0/{Math.Max(count, 1)} … {Math.Max(count, 1) - 1}/{Math.Max(count, 1)})");
        }

        return new Shard(index, count);
    }

    /// <summary>The shard, 0 … <paramref name="count"/>−1, that <paramref name="id"/> falls in.</summary>
    public static int Of(string id, int count)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var bytes = Encoding.UTF8.GetBytes(id);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>True when <paramref name="id"/> falls in this shard.</summary>
    public bool Contains(string id) => Of(id, Count) == Index;

    /// <summary><c>i/n</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
