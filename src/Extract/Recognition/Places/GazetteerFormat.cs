namespace Extract.Recognition.Places;

/// <summary>
/// The binary layout of the compiled division gazetteer (models/divisions/divisions.bin), shared by the
/// compiler in Extract.Training and the loader. Header (uncompressed): magic "EXDV", format version (int32),
/// entry count (int32), name count (int32); then a Brotli stream of: entries (code, name, level byte, parent int32),
/// then names (surface, entry int32, form byte). Strings are BinaryWriter UTF-8 length-prefixed.
/// </summary>
internal static class GazetteerFormat
{
    public const string ResourceName = "Extract.Models.divisions.bin";

    public const int Version = 1;

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
