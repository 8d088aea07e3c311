using System.Text.RegularExpressions;
using Extract.Layout;

namespace Extract.Page;

/// <summary>
/// Chooses the page title by agreement between the ArticleTitle/og:title meta tags, the page's h1/h2 headings and
/// &lt;title&gt;, and strips site-name suffixes (_永州新闻网, -人民网, | 新华网).
/// </summary>
internal static partial class PageTitle
{
    public static string? Choose(PageLayout layout)
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

        // <title> and og:title often share the headline and differ in suffixes: their common stem is the title.
        var stripped = StripSiteSuffix(ogTitle) ?? StripSiteSuffix(titleTag);
        return stripped ?? headings.FirstOrDefault();
    }

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

    // A separator followed by the rest of the string: _ | ｜ » " - " "--" " — ", or a bare -/— before a short site-like tail.
    [GeneratedRegex(@"\s*(?:[_|｜»]+|\s[-–—]{1,2}\s|--|(?<!\d)[-–—]{1,2}(?=[^-–—\d][^-–—]{0,14}$))", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SuffixRegex();
}
