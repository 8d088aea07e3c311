using System.Collections.Immutable;

namespace Extract.Page;

/// <summary>Output of the page stage: the article's text lines in reading order, and what the page says about it.</summary>
internal sealed record PageContent
{
    /// <summary>Text lines (paragraphs, headings, captions) of the article area, in reading order.</summary>
    public ImmutableArray<string> Lines { get; init; } = [];

    /// <summary>The title the page states (meta, h1, &lt;title&gt; minus site suffix); null for plain text.</summary>
    public string? Title { get; init; }

    /// <summary>The publish date/time the page states (meta tags, date line near the title), ISO-8601.</summary>
    public string? PublishedAt { get; init; }

    /// <summary>The source outlet from meta tags.</summary>
    public string? Outlet { get; init; }

    /// <summary>Authors the page names outside its lines: a lone name under the headline, else the author meta tag (the text stage's fallback when no byline line names one).</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>Editors from meta tags or page furniture.</summary>
    public ImmutableArray<string> Editors { get; init; } = [];

    /// <summary>Lines the page stage dropped as boilerplate (navigation, related links…).</summary>
    public ImmutableArray<string> Removed { get; init; } = [];

    /// <summary>True when the page's markup was cut at <see cref="ExtractorOptions.MaxMarkupLength"/>.</summary>
    public bool Truncated { get; init; }

    /// <summary>False when the page is not an article (list page, index).</summary>
    public bool IsArticle { get; init; } = true;

    /// <summary>Plain text: every line as it is, no metadata.</summary>
    public static PageContent FromPlainText(string text) =>
        new() { Lines = [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')] };
}
