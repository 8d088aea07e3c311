using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Layout;

namespace Extract.Metadata;

/// <summary>Outlet and authors from meta tags (ContentSource, source, author), kept only when they look like an outlet or people's names.</summary>
internal static partial class PageBylines
{
    public static string? Outlet(PageLayout layout)
    {
        var value = layout.MetaValue("ContentSource", "source", "article:source", "og:source");
        if (value is null)
        {
            return null;
        }

        value = value.Trim();
        return value.Length is >= 2 and <= 30 && !value.Contains("://", StringComparison.Ordinal) ? value : null;
    }

    /// <summary>Names in the author meta tag; a site name, an e-mail or a sentence gives none.</summary>
    public static ImmutableArray<string> Authors(PageLayout layout)
    {
        var value = layout.MetaValue("author", "article:author", "dc.creator", "byline");
        if (value is null || value.Length > 60 || value.Contains('@') || value.Contains("://", StringComparison.Ordinal))
        {
            return [];
        }

        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var part in SeparatorRegex().Split(value))
        {
            var name = RoleRegex().Replace(part.Trim(), "");
            if (name.Length == 0)
            {
                continue;
            }

            if (!ChineseNameRegex().IsMatch(name) || OrgLikeRegex().IsMatch(name))
            {
                return [];
            }

            names.Add(name);
        }

        return names.ToImmutable();
    }

    [GeneratedRegex(@"[\s,，、;；/|]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"^(?:本报记者|记者|作者|通讯员|文|编辑)[:：]?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RoleRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fff·]{2,5}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChineseNameRegex();

    [GeneratedRegex(@"(?:网|报|社|台|站|中心|部|局|委|办|会|院|厅|处|科|室|组|队|县|市|区|镇|乡|村|省|频道|新闻|公司|集团|大学|学院|政府)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OrgLikeRegex();
}
