using System.Collections.Immutable;

namespace Extract.Text;

/// <summary>Output of the text stage: the clean body with paragraph spans, and the metadata its lines stated.</summary>
internal sealed record CleanText
{
    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? PublishedAt { get; init; }

    /// <summary>The publish date as its metadata line wrote it (2023-05-16 09:30), when a line stated it; null otherwise.</summary>
    public string? PublishedText { get; init; }

    public ImmutableArray<string> Authors { get; init; } = [];

    public ImmutableArray<string> Editors { get; init; } = [];

    /// <summary>Paragraphs joined by \n.</summary>
    public string Body { get; init; } = "";

    /// <summary>Span of each paragraph in <see cref="Body"/>.</summary>
    public ImmutableArray<TextSpan> Paragraphs { get; init; } = [];

    /// <summary>Boilerplate lines and fragments dropped, as they were in the input.</summary>
    public ImmutableArray<string> Removed { get; init; } = [];

    public bool IsArticle { get; init; } = true;

    /// <summary>True when the body was cut at <see cref="ExtractorOptions.MaxBodyLength"/>.</summary>
    public bool Truncated { get; init; }
}
