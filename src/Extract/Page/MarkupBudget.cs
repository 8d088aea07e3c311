namespace Extract.Page;

/// <summary>
/// Bounds the markup the page stage parses (<see cref="ExtractorOptions.MaxMarkupLength"/>). Parsing and walking a
/// page cost memory and time in proportion to its markup, while the record reads at most
/// <see cref="ExtractorOptions.MaxBodyLength"/> characters of it. A page over the bound first loses what never reaches
/// the text (the bodies of scripts and styles, and comments); a page still over it is cut before the last tag that
/// starts within the bound, and its record says truncated. Pages within the bound pass untouched.
/// </summary>
internal static class MarkupBudget
{
    /// <summary>How far back from the bound a tag start is looked for before cutting at the bound itself.</summary>
    private const int TagSearch = 4096;

    /// <summary>The markup within <paramref name="limit"/> code units; <paramref name="cut"/> when text had to be dropped.</summary>
    public static string Fit(string html, int limit, CancellationToken cancellationToken, out bool cut)
    {
        cut = false;
        if (html.Length <= limit)
        {
            return html;
        }

        html = WithoutInert(html, cancellationToken);
        if (html.Length <= limit)
        {
            return html;
        }

        cut = true;
        var at = html.LastIndexOf('<', limit - 1, Math.Min(limit, TagSearch));
        if (at <= 0)
        {
            at = char.IsHighSurrogate(html[limit - 1]) ? limit - 1 : limit;
        }

        return html[..at];
    }

    /// <summary>The markup without comments and without script and style elements; one pass, linear in its length.</summary>
    internal static string WithoutInert(string html, CancellationToken cancellationToken)
    {
        var output = new System.Text.StringBuilder(html.Length);
        var copied = 0;
        var i = html.IndexOf('<', StringComparison.Ordinal);
        var steps = 0;
        while (i >= 0 && i + 1 < html.Length)
        {
            if (++steps % 65536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var end = -1;
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                end = close < 0 ? html.Length : close + 3;
            }
            else if (ElementEnd(html, i, "script") is var script && script >= 0)
            {
                end = script;
            }
            else if (ElementEnd(html, i, "style") is var style && style >= 0)
            {
                end = style;
            }

            if (end < 0)
            {
                i = html.IndexOf('<', i + 1);
                continue;
            }

            output.Append(html, copied, i - copied);
            copied = end;
            i = end < html.Length ? html.IndexOf('<', end) : -1;
        }

        output.Append(html, copied, html.Length - copied);
        return output.ToString();
    }

    /// <summary>Where the <paramref name="name"/> element opening at <paramref name="start"/> ends (past its end tag, or the markup's end); -1 when no such element opens there.</summary>
    private static int ElementEnd(string html, int start, string name)
    {
        var after = start + 1 + name.Length;
        if (after >= html.Length || !html.AsSpan(start + 1, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase) || char.IsAsciiLetterOrDigit(html[after]))
        {
            return -1;
        }

        var close = RawText.EndTagAt(html, after, name);
        if (close < 0)
        {
            return html.Length;
        }

        var gt = html.IndexOf('>', close);
        return gt < 0 ? html.Length : gt + 1;
    }
}
