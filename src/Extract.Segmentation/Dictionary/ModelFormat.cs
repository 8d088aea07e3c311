using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace Extract.Segmentation.Dictionary;

/// <summary>
/// Layout of the compiled Jieba model files (<c>models/jieba/jieba.bin</c>, <c>jieba-pos.bin</c>, <c>jieba-idf.bin</c>):
/// an 8-byte magic, a little-endian <see cref="int"/> format version, then a GZip stream holding
/// flat little-endian arrays. Shared by the reader (this library) and the writer (Extract.Training).
/// </summary>
internal static class ModelFormat
{
    /// <summary>Magic of the segmentation model (dictionary trie + both HMMs).</summary>
    public static ReadOnlySpan<byte> ModelMagic => "EXJIEBA\0"u8;

    /// <summary>Magic of the POS HMM.</summary>
    public static ReadOnlySpan<byte> PosMagic => "EXJBPOS\0"u8;

    /// <summary>Magic of the IDF table.</summary>
    public static ReadOnlySpan<byte> IdfMagic => "EXJBIDF\0"u8;

    /// <summary>Current format version of both files.</summary>
    public const int Version = 3;

    /// <summary>Embedded resource name of the segmentation model.</summary>
    public const string ModelResource = "Extract.Segmentation.jieba.bin";

    /// <summary>Embedded resource name of the POS HMM.</summary>
    public const string PosResource = "Extract.Segmentation.jieba-pos.bin";

    /// <summary>Embedded resource name of the IDF table.</summary>
    public const string IdfResource = "Extract.Segmentation.jieba-idf.bin";

    /// <summary>Writes the header and returns a GZip stream for the body.</summary>
    public static Stream OpenWrite(Stream output, ReadOnlySpan<byte> magic)
    {
        output.Write(magic);
        Span<byte> version = stackalloc byte[4];
        BitConverter.TryWriteBytes(version, Version);
        output.Write(version);
        return new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
    }

    /// <summary>Checks the header and returns a decompressing stream for the body.</summary>
    /// <exception cref="InvalidDataException">The header does not match.</exception>
    public static Stream OpenRead(Stream input, ReadOnlySpan<byte> magic, string name)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The Jieba model format is little-endian only.");
        }

        Span<byte> header = stackalloc byte[12];
        if (input.ReadAtLeast(header, 12, throwOnEndOfStream: false) != 12 || !header[..8].SequenceEqual(magic))
        {
            throw new InvalidDataException($"'{name}' is not a compiled Jieba model (bad magic).");
        }

        var version = BitConverter.ToInt32(header[8..]);
        if (version != Version)
        {
            throw new InvalidDataException($"'{name}' has format version {version}; this library reads version {Version}.");
        }

        return new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Writes an array of unmanaged values prefixed by nothing (the caller writes counts).</summary>
    public static void WriteArray<T>(Stream s, ReadOnlySpan<T> values)
        where T : unmanaged => s.Write(MemoryMarshal.AsBytes(values));

    /// <summary>Reads exactly <paramref name="count"/> unmanaged values.</summary>
    public static T[] ReadArray<T>(Stream s, int count)
        where T : unmanaged
    {
        var result = GC.AllocateUninitializedArray<T>(count);
        s.ReadExactly(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    /// <summary>Writes one little-endian 32-bit integer.</summary>
    public static void WriteInt32(Stream s, int value)
    {
        Span<byte> b = stackalloc byte[4];
        BitConverter.TryWriteBytes(b, value);
        s.Write(b);
    }

    /// <summary>Reads one little-endian 32-bit integer.</summary>
    public static int ReadInt32(Stream s)
    {
        Span<byte> b = stackalloc byte[4];
        s.ReadExactly(b);
        return BitConverter.ToInt32(b);
    }

    /// <summary>Writes one 64-bit integer.</summary>
    public static void WriteInt64(Stream s, long value)
    {
        Span<byte> b = stackalloc byte[8];
        BitConverter.TryWriteBytes(b, value);
        s.Write(b);
    }

    /// <summary>Reads one 64-bit integer.</summary>
    public static long ReadInt64(Stream s)
    {
        Span<byte> b = stackalloc byte[8];
        s.ReadExactly(b);
        return BitConverter.ToInt64(b);
    }

    /// <summary>Writes a short ASCII/UTF-8 string with a one-byte length.</summary>
    public static void WriteShortString(Stream s, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > 255)
        {
            throw new ArgumentException("string too long", nameof(value));
        }

        s.WriteByte((byte)bytes.Length);
        s.Write(bytes);
    }

    /// <summary>Reads a string written by <see cref="WriteShortString"/>.</summary>
    public static string ReadShortString(Stream s)
    {
        var length = s.ReadByte();
        if (length < 0)
        {
            throw new EndOfStreamException();
        }

        Span<byte> b = stackalloc byte[length];
        s.ReadExactly(b);
        return Encoding.UTF8.GetString(b);
    }
}
