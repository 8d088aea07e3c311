using System.Text.RegularExpressions;
using Extract.Layout;

namespace Extract.Page;

/// <summary>
/// Chooses the page title by agreement between the ArticleTitle/og:title meta tags, the page's h1/h2 headings and
/// &lt;title&gt;, and strips site-name suffixes (_永州新闻网, -人民网, | 新华网).
/// </summary>
internal static partial class PageTitle
{
    public static string? Choose(PageLayout layout) => Choose(layout, out _);

    /// <summary>
    /// The page title, and whether the page shows it: <paramref name="shown"/> is false when the title is only what the
    /// &lt;title&gt; or og:title tag says, no heading or visible line repeating it (a site's name, 显示, a breadcrumb) —
    /// then the headline line above the article is the better witness.
    /// </summary>
    public static string? Choose(PageLayout layout, out bool shown)
    {
        var title = WithoutLabel(ChooseRaw(layout, out shown));
        return title is null ? null : TrimTail(title);
    }

    /// <summary>
    /// A title's tail that no headline ends with: a page marker (页 1), (第2页), dangling separators (…？- -).
    /// </summary>
    internal static string TrimTail(string title)
    {
        var trimmed = TailRegex().Replace(title, string.Empty).Trim();
        return trimmed.Length >= 2 ? trimmed : title;
    }

    /// <summary>A title without a column or series label before it: 【资讯汇总】…, [专栏]…, 棱镜|… (the rest stays a full headline).</summary>
    internal static string? WithoutLabel(string? title)
    {
        if (title is null)
        {
            return null;
        }

        // A key before the headline (主题：…, 标题：…) is the form's, not the headline's.
        if (KeyPrefixRegex().Match(title) is { Success: true } key && title.Length - key.Length >= 2)
        {
            title = title[key.Length..];
        }

        var match = LabelRegex().Match(title);
        return match.Success && title.Length - match.Length >= 8 ? title[match.Length..] : title;
    }

    private static string? ChooseRaw(PageLayout layout, out bool shown)
    {
        shown = true;
        var articleTitle = Clean(layout.MetaValue("ArticleTitle"));
        var ogTitle = Clean(layout.MetaValue("og:title", "twitter:title"));
        var titleTag = Clean(layout.Title);
        var headings = layout.Lines
            .Where(l => layout.Blocks[l.Block].Tag is "h1" or "h2" && l.Text.Length is >= 4 and <= 100 && l.LinkDensity < 1)
            .Select(l => Clean(l.Text)!)
            .ToList();

        // A heading that a title source repeats is the article's own headline, written without any suffix.
        foreach (var heading in headings)
        {
            if (Agrees(heading, articleTitle) || Agrees(heading, ogTitle) || Agrees(heading, titleTag))
            {
                return heading;
            }
        }

        // A short heading (a name, a term: 某某国) that is one whole part of <title> split at its separators.
        var tagParts = titleTag is null ? [] : SeparatorRegex().Split(titleTag).Select(p => p.Trim()).ToList();
        if (tagParts.Count >= 2)
        {
            foreach (var line in layout.Lines)
            {
                if (layout.Blocks[line.Block].Tag is "h1" && line.Text.Length is >= 2 and < 4 && tagParts.Contains(Clean(line.Text)!))
                {
                    return Clean(line.Text);
                }
            }
        }

        if (articleTitle is not null)
        {
            return StripSiteSuffix(articleTitle);
        }

        // A page without a headline element (tables and font tags): the first visible line that the title tags repeat, as
        // the page shows it — <title> adds site names before or after it (新浪网-…, …_新闻中心).
        foreach (var line in layout.Lines)
        {
            if (line.LinkDensity >= 0.5 || line.Text.Length is < 5 or > 100 || line.InFurniture)
            {
                continue;
            }

            var text = Clean(line.Text)!;
            if (text != titleTag && text != ogTitle && (Agrees(text, ogTitle) || Agrees(text, titleTag)) && !NotHeadline(text) && !NarrowPart(text, titleTag))
            {
                return text;
            }
        }

        // The headline part of <title> split at its separators (标题_栏目_站点, 站点 - 频道 - 标题): a visible line that is that
        // part, as the page shows it. Only the longest parts count — site and column names are the short ones.
        if ((SegmentLine(layout, titleTag) ?? SegmentLine(layout, ogTitle)) is { } segmentLine)
        {
            return segmentLine;
        }

        // <title> and og:title often share the headline and differ in suffixes: their common stem is the title.
        var stripped = StripSiteSuffix(ogTitle) ?? StripSiteSuffix(titleTag);
        shown = stripped is null ? headings.Count > 0 : StripSiteSuffix(ogTitle) is not null || layout.Lines.Any(l => Clean(l.Text) == stripped);
        return stripped ?? headings.FirstOrDefault();
    }

    /// <summary>
    /// The visible line that is the longest part of <paramref name="title"/> split at its separators (or nearly: one holds
    /// the other, four fifths of the length in common); null when no such line or the title has one part only.
    /// </summary>
    private static string? SegmentLine(PageLayout layout, string? title)
    {
        if (title is null)
        {
            return null;
        }

        var parts = SeparatorRegex().Split(title).Select(p => p.Trim()).Where(p => p.Length >= 6).ToList();
        if (parts.Count == 0 || SeparatorRegex().Split(title).Length < 2)
        {
            return null;
        }

        // Longest as shown: a Han character is as wide as two Latin letters (Joel on Software - 给计算机系学生的建议).
        var longest = parts.Max(Width);
        parts = [.. parts.Where(p => Width(p) * 5 >= longest * 4)];
        string? best = null;
        var bestWidth = 0;
        foreach (var line in layout.Lines)
        {
            if (line.LinkDensity >= 0.5 || line.Text.Length is < 6 or > 100 || line.InFurniture)
            {
                continue;
            }

            var text = Clean(line.Text)!;
            var part = NotHeadline(text) ? null : parts.Find(p => text == p || (p.Contains(text, StringComparison.Ordinal) && text.Length * 5 >= p.Length * 4)
                || (text.Contains(p, StringComparison.Ordinal) && p.Length * 5 >= text.Length * 4));

            // The line of the widest part wins: a site's name shown above the headline is a part too.
            if (part is not null && (best is null || Width(part) > bestWidth))
            {
                (best, bestWidth) = (text, Width(part));
            }
        }

        return best;
    }

    /// <summary>
    /// True when <paramref name="text"/> is a part of <paramref name="title"/> split at its separators that is narrower, as
    /// shown, than another part: the site's name before the headline (Example Site - 某某新闻标题), not the headline.
    /// </summary>
    private static bool NarrowPart(string text, string? title)
    {
        if (title is null)
        {
            return false;
        }

        var parts = SeparatorRegex().Split(title).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return parts.Count >= 2 && parts.Contains(text) && Width(text) < parts.Max(Width);
    }

    /// <summary>A line that repeats the title tag without being the headline: a breadcrumb or a dateline.</summary>
    private static bool NotHeadline(string text) => text.Contains('>') || text.Contains('»') || DigitsRegex().IsMatch(text);

    private static bool Agrees(string heading, string? title) =>
        title is not null && (title == heading || (title.StartsWith(heading, StringComparison.Ordinal) && heading.Length * 3 >= title.Length)
            || (heading.Length >= 6 && title.Contains(heading, StringComparison.Ordinal) && heading.Length * 2 >= title.Length));

    /// <summary>Width as shown: two for a Han (or other wide) character, one for a Latin letter, digit or space.</summary>
    private static int Width(string text) => text.Sum(c => c < '\u1100' ? 1 : 2);

    /// <summary>Whitespace collapsed, private-use characters dropped (a page decoded with the wrong code page leaves them: 投身外交(3)\ue004).</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = WhitespaceRegex().Replace(PrivateUseRegex().Replace(text, string.Empty), " ").Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Drops trailing "_栏目_永州新闻网", " - 人民网", "|新华网" parts when what stays is a real title (five characters or more).</summary>
    internal static string? StripSiteSuffix(string? title)
    {
        title = Clean(title);
        if (title is null)
        {
            return null;
        }

        var match = SuffixRegex().Match(title);
        while (match.Success)
        {
            if (match.Index >= 5)
            {
                return title[..match.Index].Trim();
            }

            match = match.NextMatch();
        }

        return title;
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"[\ue000-\uf8ff]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PrivateUseRegex();

    // A form's key before the headline: 主题：…, 标题：…, 题目：….
    [GeneratedRegex(@"^\s*(?:主题|标题|题目|帖子主题)\s*[:：]\s*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyPrefixRegex();

    // A tail no headline ends with: a page marker ((页 1), （第2页）) or separators left dangling (- -, _, |).
    [GeneratedRegex(@"(?:\s*[(（]\s*(?:页\s*\d+|第\s*\d+\s*页)\s*[)）]|\s*(?:[-–—_|｜:]\s*){1,3})+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TailRegex();

    // The separators a <title> puts between headline, column and site: _ | ｜ » ——, and a dash with spaces around it.
    [GeneratedRegex(@"[_|｜»]+|\s[-–—－―]{1,2}\s|--|——|\s@\s|\s?::\s?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"^\s*(?:[【\[［][^】\]］]{1,12}[】\]］]|[\u4e00-\u9fffA-Za-z]{2,4}\s*[|｜丨])\s*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^\d{4}[-年/.]\d{1,2}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DigitsRegex();

    // A separator followed by the rest of the string: _ | ｜ » " - " "--" " — ", or a bare -/— before a short site-like tail.
    [GeneratedRegex(@"\s*(?:[_|｜»]+|\s[-–—－―]{1,2}\s|--|——|\s@\s|\s?::|(?<!\d)[-–—－―]{1,2}(?=[^-–—－―\d][^-–—－―]{0,14}$))", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SuffixRegex();
}
