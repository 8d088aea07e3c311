namespace Extract.Recognition.Places;

/// <summary>
/// The binary layout of the compiled division gazetteer (models/divisions/divisions.bin), written by the compiler in
/// Extract.Training (<see cref="Gazetteer.Write"/>) and copied in place at start, nothing built (little-endian,
/// uncompressed): magic "EXDV", format version (int32), entry count (int32), text length (int32); the entries' codes
/// and names one after another (UTF-16), each entry's code length, name length and level (a byte each) and parent
/// (int32); then the surface forms as the name trie lays them out (<see cref="NameTrie.Write"/>: nodes breadth-first
/// with sorted contiguous children, each node's divisions ordered by form, then division). Version 1 stored the
/// entries and the surface forms Brotli-compressed, and every start sorted the forms and built the trie again.
/// </summary>
internal static class GazetteerFormat
{
    public const string ResourceName = "Extract.Models.divisions.bin";

    public const int Version = 2;

    public static ReadOnlySpan<byte> Magic => "EXDV"u8;
}

/// <summary>How a surface form names a division.</summary>
internal enum NameForm : byte
{
    /// <summary>The full official name (零陵区, 内蒙古自治区).</summary>
    Full = 0,

    /// <summary>A common short form (零陵, 内蒙古).</summary>
    Short = 1,

    /// <summary>A former name that today's unit replaced (襄樊市 → 襄阳市).</summary>
    Former = 2,
}
