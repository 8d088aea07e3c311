using System.Collections.Frozen;
using AngleSharp.Dom;

namespace Extract.Page;

/// <summary>What an element's class and id say about it: article body, or page furniture (navigation, share, comments, related links).</summary>
internal static class ElementHints
{
    private static readonly FrozenSet<string> ArticleWords = new[]
    {
        "content", "contents", "article", "artibody", "arti", "zoom", "detail", "details", "text", "txt", "main", "body", "post",
        "entry", "story", "con", "cont", "neirong", "zw", "wz", "paragraph", "para", "news",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FurnitureWords = new[]
    {
        "nav", "navbar", "menu", "footer", "foot", "sidebar", "side", "aside", "share", "sharing", "bshare", "jiathis", "comment", "comments",
        "cmt", "reply", "related", "relate", "recommend", "breadcrumb", "crumb", "crumbs", "copyright", "banner", "advert", "ad", "ads", "adv",
        "guanggao", "gg", "tag", "tags", "hot", "hotnews", "rank", "list", "pager", "pages", "pagination", "login", "toolbar", "tool", "tools",
        "print", "font", "fontsize", "qrcode", "ewm", "weixin", "wechat", "more", "links", "friendlink", "header", "topbar", "search", "sns",
        "social", "widget", "subscribe", "dig", "vote", "pinglun", "xgxw", "xgwz", "location", "position", "weizhi", "dqwz", "gotop",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Furniture words that outweigh an article word in the same names (article-share, content-comment).</summary>
    private static readonly FrozenSet<string> StrongFurnitureWords = new[]
    {
        "share", "sharing", "comment", "comments", "reply", "related", "relate", "recommend", "breadcrumb", "crumb", "crumbs", "copyright",
        "advert", "ads", "pager", "pagination", "print", "qrcode", "footer", "nav", "navbar", "sidebar", "pinglun", "menu", "xgxw", "xgwz",
        "location", "position", "dqwz", "list", "hot", "rank", "tags", "tag", "more",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>+1 for article-like names (content, article, TRS_Editor, zoom, detail…), -2 for unmistakable furniture (comment, share, related…), -1 for other furniture names, 0 otherwise.</summary>
    public static int Of(IElement element)
    {
        var names = $"{element.GetAttribute("class")} {element.GetAttribute("id")}";
        return Of(names);
    }

    /// <summary>The hint for class and id names already joined (see <see cref="Names"/>).</summary>
    public static int Of(string names)
    {
        if (names.Length <= 1 || names.Length > 200)
        {
            return 0;
        }

        if (names.Contains("TRS_Editor", StringComparison.OrdinalIgnoreCase) || names.Contains("UnionStyle", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        bool article = false, furniture = false, strong = false;
        foreach (var word in Words(names))
        {
            article |= ArticleWords.Contains(word);
            furniture |= FurnitureWords.Contains(word);
            strong |= StrongFurnitureWords.Contains(word);
        }

        return strong ? -2 : furniture && !article ? -1 : article ? 1 : 0;
    }

    /// <summary>The element's class and id joined by a space, trimmed; "" when it has neither; cut at 200 characters.</summary>
    public static string Names(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id))
        {
            return "";
        }

        var names = $"{cls} {id}".Trim();
        return names.Length > 200 ? names[..200] : names;
    }

    /// <summary>Lower-case words of class/id names split at non-letters and camel-case humps (mainContent → main, content).</summary>
    internal static IEnumerable<string> Words(string names)
    {
        var start = -1;
        for (var i = 0; i <= names.Length; i++)
        {
            var c = i < names.Length ? names[i] : ' ';
            var letter = char.IsAsciiLetter(c);
            var hump = letter && start >= 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(names[i - 1]);
            if (start >= 0 && (!letter || hump))
            {
                yield return names[start..i].ToLowerInvariant();
                start = -1;
            }

            if (letter && start < 0)
            {
                start = i;
            }
        }
    }
}
