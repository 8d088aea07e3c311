using System.Runtime.InteropServices;

namespace Extract.Resources;

/// <summary>
/// Arrays of unmanaged values stored as the machine holds them (the flat model files: tree ensembles, the gazetteer and
/// its name trie), so a start copies bytes instead of parsing or building. Every machine .NET runs the library on is
/// little-endian; the layouts say so and refuse any other.
/// </summary>
internal static class FlatArrays
{
    /// <summary>Reads <paramref name="count"/> values written by <see cref="Write{T}(Stream, ReadOnlySpan{T})"/>.</summary>
    public static T[] Read<T>(Stream stream, int count)
        where T : unmanaged
    {
        var array = new T[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }

    /// <summary>Writes <paramref name="values"/> as their bytes.</summary>
    public static void Write<T>(Stream stream, T[] values)
        where T : unmanaged => Write(stream, (ReadOnlySpan<T>)values);

    /// <summary>Writes <paramref name="values"/> as their bytes.</summary>
    public static void Write<T>(Stream stream, ReadOnlySpan<T> values)
        where T : unmanaged => stream.Write(MemoryMarshal.AsBytes(values));

    /// <summary>Throws on a big-endian machine, naming the layout that cannot be read there.</summary>
    public static void RequireLittleEndian(string layout)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException($"{layout} is little-endian");
        }
    }
}
