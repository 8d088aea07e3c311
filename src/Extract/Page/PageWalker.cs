using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using Extract.Layout;

namespace Extract.Page;

/// <summary>
/// Walks the DOM once, iteratively, into <see cref="PageLayout"/>: block elements and the text lines between block
/// boundaries, with letter, link and punctuation counts. Skips scripts, styles, form controls and hidden elements.
/// Elements deeper than the depth limit are not blocks of their own: their text joins the enclosing line.
/// </summary>
internal static class PageWalker
{
    private static readonly FrozenSet<string> SkippedTags = new[]
    {
        "script", "style", "noscript", "template", "svg", "math", "object", "embed", "applet", "select", "button", "textarea", "input", "iframe",
        "frame", "frameset", "map", "canvas", "audio", "video", "title", "meta", "link", "option", "datalist", "marquee",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> BlockTags = new[]
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "tbody", "thead",
        "tfoot", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote", "pre", "figure", "figcaption", "caption",
        "center", "form", "fieldset", "address", "hr", "body", "html", "details", "summary", "menu",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Tags that are page furniture by definition (HTML5 sectioning for navigation and side content).</summary>
    private static readonly FrozenSet<string> FurnitureTags = new[] { "nav", "aside", "menu" }.ToFrozenSet(StringComparer.Ordinal);

    private enum Step
    {
        Enter,
        ExitBlock,
        ExitLink,
    }

    public static PageLayout Walk(IElement root, int maxDepth, CancellationToken cancellationToken) =>
        Walk(root, maxDepth, showHidden: false, out _, cancellationToken);

    /// <summary>
    /// The walk, with elements hidden by their own markup (the hidden attribute, an inline display:none or
    /// visibility:hidden) walked as visible when <paramref name="showHidden"/> is set: an e-paper's article cell that a
    /// script reveals. <paramref name="hiddenText"/> tells whether a skipped hidden element held any text.
    /// </summary>
    public static PageLayout Walk(IElement root, int maxDepth, bool showHidden, out bool hiddenText, CancellationToken cancellationToken)
    {
        hiddenText = false;
        var parents = new List<int>();
        var ends = new List<int>();
        var tags = new List<string>();
        var hints = new List<int>();
        var names = new List<string>();
        var lines = new List<(string Text, int Block, int Chars, int Links, int Punctuation)>();
        var meta = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        string? title = null;
        var open = new Stack<int>();
        var text = new StringBuilder();
        int chars = 0, links = 0, punctuation = 0, linkDepth = 0, visited = 0;

        void Flush()
        {
            if (chars > 0 || text.Length > 0)
            {
                var line = Collapse(text);
                if (line.Length > 0)
                {
                    lines.Add((line, open.Peek(), chars, links, punctuation));
                }
            }

            text.Clear();
            chars = links = punctuation = 0;
        }

        var stack = new Stack<(INode Node, int Depth, Step Step)>();
        stack.Push((root, 0, Step.Enter));
        while (stack.Count > 0)
        {
            var (node, depth, step) = stack.Pop();
            if (++visited % 2048 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (step)
            {
                case Step.ExitBlock:
                    Flush();
                    ends[open.Pop()] = parents.Count - 1;
                    continue;
                case Step.ExitLink:
                    linkDepth--;
                    continue;
            }

            if (node is IText textNode)
            {
                Append(textNode.Data, text, linkDepth > 0, ref chars, ref links, ref punctuation);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var tag = element.LocalName;
            CollectMeta(element, tag, meta);
            if (tag == "title" && title is null && element.ChildNodes.Length <= 1)
            {
                title = element.TextContent;
            }

            if (SkippedTags.Contains(tag))
            {
                continue;
            }

            if (!showHidden && IsHidden(element))
            {
                hiddenText = hiddenText || !string.IsNullOrWhiteSpace(element.TextContent);
                continue;
            }

            if (tag == "br")
            {
                if (open.Count > 0)
                {
                    Flush();
                }

                continue;
            }

            if (tag == "img")
            {
                continue;
            }

            var isBlock = (depth <= maxDepth && BlockTags.Contains(tag)) || open.Count == 0;
            if (isBlock)
            {
                if (open.Count > 0)
                {
                    Flush();
                }

                parents.Add(open.Count > 0 ? open.Peek() : -1);
                ends.Add(parents.Count - 1);
                tags.Add(tag);
                hints.Add(tag == "nav" ? -2 : FurnitureTags.Contains(tag) ? -1 : ElementHints.Of(element));
                names.Add(ElementHints.Names(element));
                open.Push(parents.Count - 1);
                stack.Push((element, depth, Step.ExitBlock));
            }
            else if (tag == "a")
            {
                linkDepth++;
                stack.Push((element, depth, Step.ExitLink));
            }

            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], depth + 1, Step.Enter));
            }
        }

        if (open.Count > 0)
        {
            Flush();
        }

        var blocks = ImmutableArray.CreateBuilder<PageBlock>(parents.Count);
        for (var i = 0; i < parents.Count; i++)
        {
            blocks.Add(new PageBlock(parents[i], ends[i], tags[i], hints[i], names[i]));
        }

        var furniture = FurnitureBlocks(blocks, lines);
        var result = ImmutableArray.CreateBuilder<PageLine>(lines.Count);
        foreach (var (line, block, c, l, p) in lines)
        {
            result.Add(new PageLine(line, block, c, l, p, furniture[block]));
        }

        return new PageLayout(blocks.MoveToImmutable(), result.MoveToImmutable()) { Meta = meta.ToImmutable(), Title = title };
    }

    /// <summary>
    /// Blocks inside a furniture-named block (share, comment, related, list, nav…), unless that block also holds an
    /// article-named block or holds most of the page's prose. An unmistakable name (comment, share, related…) counts
    /// even on a block with most of the prose when enough prose stands outside it: a long comment thread under an article.
    /// </summary>
    private static bool[] FurnitureBlocks(ImmutableArray<PageBlock>.Builder blocks, List<(string Text, int Block, int Chars, int Links, int Punctuation)> lines)
    {
        var count = blocks.Count;
        var prose = new int[count];
        var hasArticle = new bool[count];
        foreach (var line in lines)
        {
            if (line.Punctuation > 0 && line.Chars >= 10 && line.Links * 2 <= line.Chars)
            {
                prose[line.Block] += line.Chars - line.Links;
            }
        }

        for (var i = count - 1; i > 0; i--)
        {
            var parent = blocks[i].Parent;
            if (parent >= 0)
            {
                prose[parent] += prose[i];
                hasArticle[parent] |= hasArticle[i] || blocks[i].Hint > 0;
            }
        }

        var total = count > 0 ? prose[0] : 0;
        var furniture = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var hint = blocks[i].Hint;
            var own = hint < 0 && !hasArticle[i] && (prose[i] * 2 < total || (hint <= -2 && total - prose[i] >= 200));
            furniture[i] = own || (blocks[i].Parent >= 0 && furniture[blocks[i].Parent]);
        }

        return furniture;
    }

    private static void Append(string data, StringBuilder text, bool inLink, ref int chars, ref int links, ref int punctuation)
    {
        text.Append(data);
        foreach (var c in data)
        {
            if (char.IsLetterOrDigit(c))
            {
                chars++;
                if (inLink)
                {
                    links++;
                }
            }
            else if (c is '，' or '。' or '！' or '？' or '；' or '：' or '、' or ',' or '!' or '?' or ';' or '“' or '”')
            {
                punctuation++;
            }
        }
    }

    private static string Collapse(StringBuilder text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && c != '\u3000')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim('\u3000', ' ');
    }

    /// <summary>Meta tags (name/property/itemprop/http-equiv → content) and microdata values such as itemprop="datePublished".</summary>
    private static void CollectMeta(IElement element, string tag, ImmutableArray<KeyValuePair<string, string>>.Builder meta)
    {
        if (meta.Count >= 256)
        {
            return;
        }

        if (tag == "meta")
        {
            var key = element.GetAttribute("name") ?? element.GetAttribute("property") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            var content = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(content))
            {
                meta.Add(new(key.Trim(), content.Trim()));
            }
        }
        else if (element.GetAttribute("itemprop") is { Length: > 0 } itemprop && (element.GetAttribute("content") ?? element.GetAttribute("datetime")) is { Length: > 0 } value)
        {
            meta.Add(new(itemprop.Trim(), value.Trim()));
        }
        else if (tag == "time" && element.GetAttribute("datetime") is { Length: > 0 } datetime && element.GetAttribute("pubdate") is not null)
        {
            meta.Add(new("pubdate", datetime.Trim()));
        }
    }

    internal static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style) || style.Length > 2000)
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }
}
