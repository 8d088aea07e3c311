using System.Collections.Immutable;
using Extract.Layout;
using Extract.Resources;

namespace Extract.Metadata;

/// <summary>
/// Outlet and authors from meta tags (ContentSource, source, author), read with the same byline grammar as the visible
/// lines: an outlet value is cleaned like a 来源 field; an author value keeps only people (a site name — 网易, 新浪科技 —,
/// an account or a unit gives none). The page's visible lines outrank them (<c>TextStage</c> uses these as fallbacks).
/// </summary>
internal static class PageBylines
{
    public static string? Outlet(PageLayout layout)
    {
        var value = layout.MetaValue("ContentSource", "source", "article:source", "og:source");
        return value is null || value.Contains("://", StringComparison.Ordinal) ? null : Bylines.CleanOutlet(value);
    }

    /// <summary>People named in the author meta tag; a site name, an e-mail or a sentence gives none.</summary>
    public static ImmutableArray<string> Authors(PageLayout layout, Surnames surnames)
    {
        var value = layout.MetaValue("author", "article:author", "dc.creator", "byline");
        if (value is null || value.Length > 60 || value.Contains('@') || value.Contains("://", StringComparison.Ordinal))
        {
            return [];
        }

        var names = Bylines.Names(MetadataLines.Light(value), surnames, out var leftover);
        return leftover > 0 ? [] : names;
    }
}
