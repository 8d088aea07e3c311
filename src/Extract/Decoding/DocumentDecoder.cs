using System.Text;
using System.Text.RegularExpressions;

namespace Extract.Decoding;

/// <summary>
/// Stage 1: bytes or strings → <see cref="DecodedDocument"/>. Charset from BOM, valid UTF-8, UTF-8 with a few broken
/// bytes (declared or not), declared charset, the UTF.Unknown sniffer, then GB18030. Strings keep their text, unpaired
/// surrogates replaced by U+FFFD.
/// </summary>
internal sealed partial class DocumentDecoder
{
    private static readonly Lazy<Encoding> Gb18030 = new(() => EncodingByName("gb18030")!, LazyThreadSafetyMode.ExecutionAndPublication);

    public DecodedDocument Decode(ArticleSource source, ExtractorOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (source.Kind)
        {
            case SourceKind.Text:
            case SourceKind.Html:
                var content = source.Content!;
                if (content.Length > options.MaxInputLength)
                {
                    throw new ExtractionException(ExtractionErrorKind.TooLarge, $"input too large: {content.Length} characters (limit {options.MaxInputLength})");
                }

                if (LooksBinary(content.AsSpan()))
                {
                    throw new ExtractionException(ExtractionErrorKind.Binary, "input looks binary (many control characters), not text or HTML");
                }

                return new DecodedDocument(ReplaceLoneSurrogates(content), source.Kind == SourceKind.Html, null);
            default:
                return DecodeBytes(source, options);
        }
    }

    private static DecodedDocument DecodeBytes(ArticleSource source, ExtractorOptions options)
    {
        var bytes = source.Bytes.Span;
        if (bytes.Length > options.MaxInputLength)
        {
            throw new ExtractionException(ExtractionErrorKind.TooLarge, $"input too large: {bytes.Length} bytes (limit {options.MaxInputLength})");
        }

        var (encoding, bomLength) = DetectEncoding(bytes, source.DeclaredCharset);
        var text = encoding.GetString(bytes[bomLength..]);
        if (LooksBinary(text.AsSpan()))
        {
            throw new ExtractionException(ExtractionErrorKind.Binary, "input looks binary (many control characters), not text or HTML");
        }

        var isHtml = source.BytesAreHtml ?? LooksLikeHtml(text);
        return new DecodedDocument(text, isHtml, encoding.WebName);
    }

    /// <summary>
    /// The charset of <paramref name="bytes"/>: BOM; bytes that are valid UTF-8 (whatever the page declares: sites declare
    /// gb2312 and serve UTF-8), or UTF-8 with a few broken bytes (<see cref="DamagedUtf8"/>; more damage is accepted
    /// when UTF-8 is declared); the charset the transport or the page declares (meta charset, http-equiv, XML
    /// declaration) with GBK/GB2312 read as GB18030; otherwise the
    /// UTF.Unknown sniffer, and GB18030 when it is unsure. Decoding never throws: invalid bytes become U+FFFD.
    /// </summary>
    internal static (Encoding Encoding, int BomLength) DetectEncoding(ReadOnlySpan<byte> bytes, string? declared)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Encoding.UTF8, 3);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode, 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        if (IsValidUtf8(bytes))
        {
            return (Encoding.UTF8, 0);
        }

        declared ??= FindDeclaredCharset(bytes);
        var fromDeclaration = declared is null ? null : EncodingByName(declared);
        if (DamagedUtf8(bytes) || (fromDeclaration?.CodePage == Encoding.UTF8.CodePage && MostlyUtf8(bytes)))
        {
            return (Encoding.UTF8, 0);
        }

        if (fromDeclaration is not null && !IsUnicodeFamily(fromDeclaration) && !IsWesternSingleByte(fromDeclaration))
        {
            return (fromDeclaration, 0);
        }

        return (Sniff(bytes) ?? fromDeclaration ?? Gb18030.Value, 0);
    }

    /// <summary>
    /// UTF-8 with a few broken bytes, whatever (if anything) was declared: at least 20 well-formed multi-byte sequences
    /// per broken one (a stray byte inside a character breaks up to four). Legacy Chinese bytes (GB18030, Big5) read as
    /// UTF-8 break far more often than they form a sequence (about nine broken pairs to one accidental sequence), so
    /// they never pass. One pass, no allocation.
    /// </summary>
    internal static bool DamagedUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, broken = 0;
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else if (status == System.Buffers.OperationStatus.InvalidData)
            {
                broken++;
            }

            bytes = bytes[Math.Max(1, consumed)..];
        }

        return broken > 0 && valid >= 20L * broken;
    }

    /// <summary>The text with every unpaired surrogate replaced by U+FFFD (as invalid bytes are), or itself when it has none.</summary>
    internal static string ReplaceLoneSurrogates(string text)
    {
        var span = text.AsSpan();
        var first = -1;
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (target, state) =>
        {
            state.text.AsSpan().CopyTo(target);
            for (var i = state.first; i < target.Length; i++)
            {
                if (char.IsHighSurrogate(target[i]) && i + 1 < target.Length && char.IsLowSurrogate(target[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(target[i]))
                {
                    target[i] = '\uFFFD';
                }
            }
        });
    }

    /// <summary>UTF.Unknown's guess over the first 64 KiB, when it is confident and names a legacy multi-byte or single-byte charset we can decode.</summary>
    private static Encoding? Sniff(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)].ToArray();
        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(sample).Detected;
        if (detected is null || detected.Confidence < 0.5f || string.IsNullOrEmpty(detected.EncodingName))
        {
            return null;
        }

        var encoding = EncodingByName(detected.EncodingName);
        return encoding is null || IsUnicodeFamily(encoding) || encoding.CodePage == 20127 ? null : encoding;
    }

    private static bool IsUnicodeFamily(Encoding encoding) => encoding.CodePage is 65001 or 1200 or 1201 or 12000 or 12001 or 65000;

    /// <summary>ISO-8859-1 / windows-1252 / ASCII: old Chinese pages often declare these over GBK bytes.</summary>
    private static bool IsWesternSingleByte(Encoding encoding) => encoding.CodePage is 28591 or 1252 or 20127;

    /// <summary>Fewer than one broken sequence per thousand characters: a UTF-8 page cut or damaged in places.</summary>
    private static bool MostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var broken = text.AsSpan().Count('\uFFFD');
        return broken * 1000 < text.Length;
    }

    internal static Encoding? EncodingByName(string name)
    {
        var normalized = name.Trim().Trim('"', '\'').ToLowerInvariant();
        normalized = normalized switch
        {
            "gb2312" or "gbk" or "gb_2312-80" or "gb_2312" or "x-gbk" or "cp936" or "windows-936" or "euc-cn" or "csgb2312" or "hz-gb-2312" => "gb18030",
            "big5-hkscs" or "x-x-big5" or "big-5" or "cn-big5" or "csbig5" => "big5",
            "utf8" => "utf-8",
            _ => normalized,
        };
        try
        {
            // Code-page encodings replace bad bytes with '?' by default; U+FFFD marks the damage honestly.
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding(normalized) ?? Encoding.GetEncoding(normalized);
            return CodePagesEncodingProvider.Instance.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD")) ?? encoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Valid UTF-8, allowing a page cut mid-character in its last three bytes.</summary>
    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return true;
        }

        var cut = bytes.Length - 1;
        while (cut > 0 && cut > bytes.Length - 4 && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut > 0 && bytes.Length - cut <= 3 && (bytes[cut] & 0xC0) == 0xC0 && System.Text.Unicode.Utf8.IsValid(bytes[..cut]);
    }

    private static string? FindDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = CharsetRegex().Match(head);
        return !match.Success ? null : match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    internal static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048));
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<div", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<p>", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<meta", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when more than 10 % of the first 4096 characters are control characters other than whitespace, or NULs.</summary>
    internal static bool LooksBinary(ReadOnlySpan<char> text)
    {
        var sample = text[..Math.Min(text.Length, 4096)];
        if (sample.IsEmpty)
        {
            return false;
        }

        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0' || (c < 0x20 && c is not ('\n' or '\r' or '\t' or '\f')))
            {
                control++;
            }
        }

        return control * 10 > sample.Length;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CharsetRegex();
}
