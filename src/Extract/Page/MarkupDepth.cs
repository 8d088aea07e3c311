using System.Collections.Frozen;

namespace Extract.Page;

/// <summary>
/// A linear pre-scan of the markup's nesting depth. The HTML5 tree builder checks element scopes against the stack
/// of open elements, so a page nested tens of thousands deep costs quadratic time to parse; such a page is refused
/// before parsing. Elements with optional end tags (p, li, td…) and void elements do not count, so old pages full of
/// unclosed &lt;p&gt; pass.
/// </summary>
internal static class MarkupDepth
{
    private static readonly FrozenSet<string> Uncounted = new[]
    {
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head",
        "body", "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "param", "source", "track", "wbr", "frame",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The deepest nesting of counted elements, stopping early once it passes <paramref name="limit"/>.</summary>
    public static int Measure(string html, int limit, CancellationToken cancellationToken)
    {
        var depth = 0;
        var deepest = 0;
        var i = html.IndexOf('<', StringComparison.Ordinal);
        var steps = 0;
        while (i >= 0 && i + 1 < html.Length)
        {
            if (++steps % 65536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var next = html[i + 1];
            if (next == '!')
            {
                var end = html.AsSpan(i).StartsWith("<!--") ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i + 2);
                i = end < 0 ? -1 : html.IndexOf('<', end);
                continue;
            }

            var closing = next == '/';
            var start = closing ? i + 2 : i + 1;
            var stop = start;
            while (stop < html.Length && char.IsAsciiLetterOrDigit(html[stop]))
            {
                stop++;
            }

            if (stop > start)
            {
                var name = html.AsSpan(start, stop - start);
                var gt = html.IndexOf('>', stop);
                var selfClosing = gt > 0 && html[gt - 1] == '/';
                if (!selfClosing && (name.Length > 8 || !Uncounted.Contains(name.ToString())))
                {
                    if (closing)
                    {
                        depth = Math.Max(0, depth - 1);
                    }
                    else
                    {
                        depth++;
                        deepest = Math.Max(deepest, depth);
                        if (deepest > limit)
                        {
                            return deepest;
                        }
                    }
                }

                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    if (!closing)
                    {
                        var close = html.IndexOf(closing ? ">" : "</", gt < 0 ? stop : gt, StringComparison.Ordinal);
                        i = close < 0 ? -1 : close;
                        continue;
                    }
                }
            }

            i = html.IndexOf('<', i + 1);
        }

        return deepest;
    }
}
