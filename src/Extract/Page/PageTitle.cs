using System.Text.RegularExpressions;
using Extract.Layout;

namespace Extract.Page;

/// <summary>
/// Chooses the page title by agreement between the ArticleTitle/og:title meta tags, the page's h1/h2 headings and
/// &lt;title&gt;, and strips site-name suffixes (_永州新闻网, -人民网, | 新华网).
/// </summary>
internal static partial class PageTitle
{
    public static string? Choose(PageLayout layout) => WithoutLabel(ChooseRaw(layout));

    /// <summary>A title without a column or series label before it: 【资讯汇总】…, [专栏]…, 棱镜|… (the rest stays a full headline).</summary>
    internal static string? WithoutLabel(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var match = LabelRegex().Match(title);
        return match.Success && title.Length - match.Length >= 8 ? title[match.Length..] : title;
    }

    private static string? ChooseRaw(PageLayout layout)
    {
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
            if (text != titleTag && text != ogTitle && (Agrees(text, ogTitle) || Agrees(text, titleTag)) && !NotHeadline(text))
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

        var longest = parts.Max(p => p.Length);
        parts = [.. parts.Where(p => p.Length * 5 >= longest * 4)];
        foreach (var line in layout.Lines)
        {
            if (line.LinkDensity >= 0.5 || line.Text.Length is < 6 or > 100 || line.InFurniture)
            {
                continue;
            }

            var text = Clean(line.Text)!;
            if (!NotHeadline(text) && parts.Exists(p => text == p || (p.Contains(text, StringComparison.Ordinal) && text.Length * 5 >= p.Length * 4)
                || (text.Contains(p, StringComparison.Ordinal) && p.Length * 5 >= text.Length * 4)))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>A line that repeats the title tag without being the headline: a breadcrumb or a dateline.</summary>
    private static bool NotHeadline(string text) => text.Contains('>') || text.Contains('»') || DigitsRegex().IsMatch(text);

    private static bool Agrees(string heading, string? title) =>
        title is not null && (title == heading || (title.StartsWith(heading, StringComparison.Ordinal) && heading.Length * 3 >= title.Length)
            || (heading.Length >= 6 && title.Contains(heading, StringComparison.Ordinal) && heading.Length * 2 >= title.Length));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : WhitespaceRegex().Replace(text, " ").Trim();

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

    // The separators a <title> puts between headline, column and site: _ | ｜ » ——, and a dash with spaces around it.
    [GeneratedRegex(@"[_|｜»]+|\s[-–—－―]{1,2}\s|--|——", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"^\s*(?:[【\[［][^】\]］]{1,12}[】\]］]|[\u4e00-\u9fffA-Za-z]{2,4}\s*[|｜])\s*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^\d{4}[-年/.]\d{1,2}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DigitsRegex();

    // A separator followed by the rest of the string: _ | ｜ » " - " "--" " — ", or a bare -/— before a short site-like tail.
    [GeneratedRegex(@"\s*(?:[_|｜»]+|\s[-–—－―]{1,2}\s|--|——|(?<!\d)[-–—－―]{1,2}(?=[^-–—－―\d][^-–—－―]{0,14}$))", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SuffixRegex();
}
