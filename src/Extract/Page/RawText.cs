namespace Extract.Page;

/// <summary>
/// Script and style, the elements whose content is raw text: nothing inside them is markup until their own end tag
/// (<c>&lt;/script</c>, <c>&lt;/style</c>, any case). The one rule the markup pre-scans (<see cref="MarkupBudget"/>,
/// <see cref="MarkupDepth"/>) skip such content by.
/// </summary>
internal static class RawText
{
    /// <summary>True when <paramref name="name"/> (a tag name as written) is script or style.</summary>
    public static bool Holds(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where the raw text of the <paramref name="name"/> element, searched from <paramref name="from"/> (inside or at the end of
    /// its start tag), ends: the index of its end tag's <c>&lt;</c>; -1 when it runs to the end of the markup.
    /// </summary>
    public static int EndTagAt(string html, int from, ReadOnlySpan<char> name)
    {
        for (var at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            if (html.AsSpan(at + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }
        }

        return -1;
    }
}
