namespace Extract.Segmentation;

/// <summary>The character classes of Jieba's regular expressions, as plain comparisons.</summary>
internal static class CharClasses
{
    /// <summary><c>[\u4E00-\u9FD5]</c>.</summary>
    public static bool IsHan(char c) => c >= '\u4E00' && c <= '\u9FD5';

    /// <summary><c>[a-zA-Z0-9]</c>.</summary>
    public static bool IsAsciiAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary><c>re_han_default</c>: <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%\-]</c>.</summary>
    public static bool IsHanDefault(char c) =>
        IsHan(c) || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '-';

    /// <summary>posseg's <c>re_han_internal</c>: <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._]</c>.</summary>
    public static bool IsHanInternal(char c) =>
        IsHan(c) || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_';

    /// <summary>Python's <c>\s</c> on str (<c>str.isspace</c>).</summary>
    public static bool IsPySpace(char c) => char.IsWhiteSpace(c) || (c >= '\u001C' && c <= '\u001F');

    /// <summary>
    /// Length of the Python <c>re_skip</c> separator <c>(\r\n|\s)</c> at <paramref name="i"/>, or 0.
    /// </summary>
    public static int SkipAt(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
        {
            return 2;
        }

        return IsPySpace(c) ? 1 : 0;
    }

    /// <summary>Length in UTF-16 units of the code point at <paramref name="i"/> (2 for a surrogate pair).</summary>
    public static int CodePointLength(ReadOnlySpan<char> s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
}
