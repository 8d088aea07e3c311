using System.Text;
using System.Text.RegularExpressions;

namespace Extract.Decoding;

/// <summary>Stage 1: bytes or strings → <see cref="DecodedDocument"/>. Charset from BOM, valid UTF-8, declared charset, then GB18030.</summary>
internal sealed partial class DocumentDecoder
{
    private static readonly Encoding Utf8Strict = new UTF8Encoding(false, throwOnInvalidBytes: true);

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
                    throw new ExtractionException($"input too large: {content.Length} characters (limit {options.MaxInputLength})");
                }

                if (LooksBinary(content.AsSpan()))
                {
                    throw new ExtractionException("input looks binary (many control characters), not text or HTML");
                }

                return new DecodedDocument(content, source.Kind == SourceKind.Html, null);
            default:
                return DecodeBytes(source, options);
        }
    }

    private static DecodedDocument DecodeBytes(ArticleSource source, ExtractorOptions options)
    {
        var bytes = source.Bytes.Span;
        if (bytes.Length > options.MaxInputLength)
        {
            throw new ExtractionException($"input too large: {bytes.Length} bytes (limit {options.MaxInputLength})");
        }

        var (encoding, bomLength) = DetectEncoding(bytes, source.DeclaredCharset);
        var text = encoding.GetString(bytes[bomLength..]);
        if (LooksBinary(text.AsSpan()))
        {
            throw new ExtractionException("input looks binary (many control characters), not text or HTML");
        }

        var isHtml = source.BytesAreHtml ?? LooksLikeHtml(text);
        return new DecodedDocument(text, isHtml, encoding.WebName);
    }

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

        // Valid UTF-8 wins over any declaration: sites often declare gb2312 and serve UTF-8.
        if (IsValidUtf8(bytes))
        {
            return (Encoding.UTF8, 0);
        }

        declared ??= FindDeclaredCharset(bytes);
        var fromDeclaration = declared is null ? null : EncodingByName(declared);
        if (fromDeclaration is not null && fromDeclaration.CodePage != Encoding.UTF8.CodePage)
        {
            return (fromDeclaration, 0);
        }

        return (EncodingByName("gb18030")!, 0);
    }

    internal static Encoding? EncodingByName(string name)
    {
        var normalized = name.Trim().Trim('"', '\'').ToLowerInvariant();
        normalized = normalized switch
        {
            "gb2312" or "gbk" or "gb_2312-80" or "x-gbk" or "cp936" or "euc-cn" => "gb18030",
            "big5-hkscs" or "x-x-big5" => "big5",
            _ => normalized,
        };
        try
        {
            return System.Text.CodePagesEncodingProvider.Instance.GetEncoding(normalized) ?? Encoding.GetEncoding(normalized);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Utf8Strict.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            // Truncated pages end mid-character: accept when only the last three bytes fail.
            if (bytes.Length > 4)
            {
                try
                {
                    var cut = bytes.Length - 1;
                    while (cut > bytes.Length - 4 && (bytes[cut] & 0xC0) == 0x80)
                    {
                        cut--;
                    }

                    Utf8Strict.GetCharCount(bytes[..cut]);
                    return true;
                }
                catch (DecoderFallbackException)
                {
                    return false;
                }
            }

            return false;
        }
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

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CharsetRegex();
}
