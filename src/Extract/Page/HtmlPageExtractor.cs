using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Extract.Recognition.Dates;

namespace Extract.Page;

/// <summary>
/// Stage 2: HTML → <see cref="PageContent"/>. Parses with AngleSharp, reads title and meta tags, picks the
/// block holding most paragraph text and emits its block-level text lines in reading order.
/// </summary>
internal sealed class HtmlPageExtractor
{
    private static readonly FrozenSet<string> DroppedTags = new[] { "script", "style", "noscript", "iframe", "nav", "header", "footer", "form", "aside", "select", "button", "svg", "template", "object", "embed" }.ToFrozenSet();
    private static readonly FrozenSet<string> BlockTags = new[] { "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "section", "article", "blockquote", "pre", "figcaption", "caption", "dd", "dt", "br", "table", "ul", "ol", "center" }.ToFrozenSet();

    public PageContent Extract(string html, ExtractorOptions options, CancellationToken cancellationToken)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        cancellationToken.ThrowIfCancellationRequested();

        var title = PageTitle.Choose(document);
        var published = MetaValue(document, "PubDate", "publishdate", "article:published_time", "pubdate", "publish_date", "og:release_date");
        var outlet = MetaValue(document, "ContentSource", "source");
        var author = MetaValue(document, "author", "Author");

        foreach (var element in document.QuerySelectorAll(string.Join(",", DroppedTags)).ToList())
        {
            element.Remove();
        }

        var body = document.Body;
        if (body is null)
        {
            return new PageContent { Title = title, IsArticle = false };
        }

        var container = MainBlock(body, options.MaxDomDepth, cancellationToken) ?? body;
        var lines = BlockLines(container, options.MaxDomDepth, cancellationToken);
        var cjk = lines.Sum(CountCjk);
        return new PageContent
        {
            Lines = lines,
            Title = title,
            PublishedAt = published is null ? null : IsoDate.TryNormalize(published),
            Outlet = outlet,
            Authors = author is null ? [] : [author],
            IsArticle = cjk >= 80,
        };
    }

    private static string? MetaValue(IDocument document, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var meta in document.QuerySelectorAll("meta"))
            {
                var key = meta.GetAttribute("name") ?? meta.GetAttribute("property") ?? meta.GetAttribute("itemprop");
                if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    var value = meta.GetAttribute("content")?.Trim();
                    if (!string.IsNullOrEmpty(value))
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The element whose direct paragraph children carry the most CJK text, penalised by link text.</summary>
    private static IElement? MainBlock(IElement root, int maxDepth, CancellationToken cancellationToken)
    {
        IElement? best = null;
        var bestScore = 0.0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 0));
        var visited = 0;
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (++visited % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var score = 0.0;
            foreach (var child in element.Children)
            {
                if (child.LocalName is "p" or "div" or "section" or "font" or "span" or "center" or "br" or "td")
                {
                    var text = child.TextContent;
                    var linkText = child.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
                    var cjk = CountCjk(text);
                    if (cjk > 10)
                    {
                        score += cjk * (1.0 - Math.Min(1.0, (double)linkText / Math.Max(1, text.Length)));
                    }
                }

                if (depth < maxDepth)
                {
                    stack.Push((child, depth + 1));
                }
            }

            score += CountCjk(DirectText(element));
            if (score > bestScore)
            {
                bestScore = score;
                best = element;
            }
        }

        return best;
    }

    private static string DirectText(IElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node.NodeType == NodeType.Text)
            {
                builder.Append(node.TextContent);
            }
        }

        return builder.ToString();
    }

    /// <summary>Text of <paramref name="container"/> broken into lines at block elements and &lt;br&gt;.</summary>
    private static ImmutableArray<string> BlockLines(IElement container, int maxDepth, CancellationToken cancellationToken)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        var stack = new Stack<(INode Node, int Depth, bool Exit)>();
        stack.Push((container, 0, false));
        while (stack.Count > 0)
        {
            var (node, depth, exit) = stack.Pop();
            if (node is IElement element)
            {
                var block = BlockTags.Contains(element.LocalName);
                if (exit || element.LocalName == "br")
                {
                    if (block)
                    {
                        Flush(lines, current);
                    }

                    continue;
                }

                if (IsHidden(element))
                {
                    continue;
                }

                if (block)
                {
                    Flush(lines, current);
                }

                stack.Push((node, depth, true));
                if (depth < maxDepth)
                {
                    for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        stack.Push((element.ChildNodes[i], depth + 1, false));
                    }
                }
                else
                {
                    current.Append(element.TextContent);
                }
            }
            else if (node.NodeType == NodeType.Text)
            {
                current.Append(node.TextContent);
                if (current.Length > 1 << 20)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        Flush(lines, current);
        return lines.ToImmutable();
    }

    private static bool IsHidden(IElement element)
    {
        var style = element.GetAttribute("style");
        return element.HasAttribute("hidden")
            || (style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)));
    }

    private static void Flush(ImmutableArray<string>.Builder lines, StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        var line = current.ToString().Trim();
        current.Clear();
        if (line.Length > 0)
        {
            lines.Add(line);
        }
    }

    internal static int CountCjk(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                count++;
            }
        }

        return count;
    }
}
