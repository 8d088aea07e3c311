using System.Text.RegularExpressions;

namespace Extract.Page;

/// <summary>Removes inline pinyin glosses written after characters, 經(jīng) or 经（jing1）, which are reading aids, not text.</summary>
internal static partial class PinyinGlosses
{
    public static string Strip(string line) =>
        line.IndexOfAny(['(', '（']) < 0 ? line : GlossRegex().Replace(line, m => IsPinyin(m.Groups["p"].Value) ? "" : m.Value);

    /// <summary>A gloss needs a tone mark (ā, é…) or a tone digit, so English in brackets (CEO) stays.</summary>
    private static bool IsPinyin(string value)
    {
        foreach (var c in value)
        {
            if (c is >= '\u00e0' and <= '\u01dc' or >= '1' and <= '5')
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff\u3400-\u4dbf])[(（]\s*(?<p>(?:[a-zü\u00e0-\u00fc\u0101-\u01dc]{1,6}[1-5]?\s*){1,8})[)）]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GlossRegex();
}
