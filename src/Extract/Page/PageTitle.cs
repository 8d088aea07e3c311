using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Extract.Page;

/// <summary>Chooses the page title from meta tags, headings and &lt;title&gt;, stripping site-name suffixes.</summary>
internal static partial class PageTitle
{
    public static string? Choose(IDocument document)
    {
        var meta = Meta(document, "ArticleTitle") ?? Meta(document, "og:title") ?? Meta(document, "title");
        var titleTag = StripSiteSuffix(document.Title?.Trim());
        var headings = document.QuerySelectorAll("h1, h2")
            .Select(h => Clean(h.TextContent))
            .Where(h => h.Length is >= 4 and <= 80)
            .ToList();

        // A heading that the <title> or meta title agrees with is the article's own headline.
        foreach (var heading in headings)
        {
            if ((titleTag is not null && titleTag.Contains(heading, StringComparison.Ordinal))
                || (meta is not null && meta.Contains(heading, StringComparison.Ordinal)))
            {
                return heading;
            }
        }

        return StripSiteSuffix(meta) ?? titleTag ?? headings.FirstOrDefault();
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("name") ?? element.GetAttribute("property");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var content = element.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content))
                {
                    return Clean(content);
                }
            }
        }

        return null;
    }

    private static string Clean(string text) => WhitespaceRegex().Replace(text, " ").Trim();

    /// <summary>Drops a trailing "_永州新闻网", " - 人民网", "|新华网" part when what stays is a real title.</summary>
    internal static string? StripSiteSuffix(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = Clean(title);
        var match = SuffixRegex().Match(title);
        return match.Success && match.Index >= 4 ? title[..match.Index].Trim() : title;
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"\s*(?:[_|｜]|\s-\s|--|—{1,2}(?=[^—]*(?:网|报|站|台|政府|门户)))[^_|｜]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SuffixRegex();
}
