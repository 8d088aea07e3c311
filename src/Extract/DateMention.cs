namespace Extract;

/// <summary>A date or time expression, resolved to an ISO-8601 value.</summary>
public sealed record DateMention
{
    /// <summary>The expression as written.</summary>
    public required string Text { get; init; }

    /// <summary>ISO-8601: YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM, or --MM-DD when no year can be inferred.</summary>
    public required string Value { get; init; }

    /// <summary>Where it first occurs in the body; null when it came from a metadata line or occurs only in the headline.</summary>
    public TextSpan? Span { get; init; }

    /// <summary>Where it occurs in the headline (offsets into <see cref="Article.Title"/>); null when it does not.</summary>
    public TextSpan? TitleSpan { get; init; }
}
