using System.Collections.Frozen;

namespace Extract.Page;

/// <summary>
/// A linear pre-scan of the markup's nesting depth. The HTML5 tree builder checks element scopes against the stack
/// of open elements, so a page nested tens of thousands deep costs quadratic time to parse; such a page is flattened
/// before parsing: tags nested past the limit are dropped and their text kept. Elements with optional end tags
/// (p, li, td…) and void elements do not count, so old pages full of unclosed &lt;p&gt; pass untouched.
/// </summary>
internal static class MarkupDepth
{
    private static readonly FrozenSet<string> Uncounted = new[]
    {
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head",
        "body", "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "param", "source", "track", "wbr", "frame",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The deepest nesting of counted elements, stopping early once it passes <paramref name="limit"/>.</summary>
    public static int Measure(string html, int limit, CancellationToken cancellationToken) => Scan(html, limit, null, cancellationToken);

    /// <summary>The markup with every counted tag nested deeper than <paramref name="limit"/> removed (text kept); the same string when none is.</summary>
    public static string Flatten(string html, int limit, CancellationToken cancellationToken)
    {
        if (Measure(html, limit, cancellationToken) <= limit)
        {
            return html;
        }

        var output = new System.Text.StringBuilder(html.Length);
        Scan(html, limit, output, cancellationToken);
        return output.ToString();
    }

    /// <summary>
    /// Walks the tags; without <paramref name="output"/> returns the deepest nesting (stopping past the limit), with it
    /// copies the markup minus the tags nested past the limit and returns the deepest nesting kept.
    /// </summary>
    private static int Scan(string html, int limit, System.Text.StringBuilder? output, CancellationToken cancellationToken)
    {
        var copied = 0;
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
                    var tooDeep = closing ? depth > limit : depth + 1 > limit;
                    depth = closing ? Math.Max(0, depth - 1) : depth + 1;
                    if (output is null)
                    {
                        deepest = Math.Max(deepest, depth);
                        if (deepest > limit)
                        {
                            return deepest;
                        }
                    }
                    else if (tooDeep && gt > 0)
                    {
                        output.Append(html, copied, i - copied);
                        copied = gt + 1;
                    }
                    else
                    {
                        deepest = Math.Max(deepest, depth);
                    }
                }

                // A script's or style's text is no markup: the scan resumes at its end tag.
                if (!closing && RawText.Holds(name))
                {
                    i = RawText.EndTagAt(html, gt < 0 ? stop : gt, name);
                    continue;
                }
            }

            i = html.IndexOf('<', i + 1);
        }

        output?.Append(html, copied, html.Length - copied);
        return deepest;
    }
}
