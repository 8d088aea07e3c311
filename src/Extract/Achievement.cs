namespace Extract;

/// <summary>A quantity that measures effort or result credited to actors in the article.</summary>
public sealed record Achievement
{
    /// <summary>The shortest clause that carries the quantity.</summary>
    public required string Text { get; init; }

    /// <summary>The value as a plain number, scaled for 万/亿.</summary>
    public required decimal Value { get; init; }

    /// <summary>The measure word or unit as written after the number (万元 gives 元).</summary>
    public required string Unit { get; init; }

    /// <summary>True when 余/多/近/约/超/上/左右/几 qualifies the number.</summary>
    public bool Approx { get; init; }

    /// <summary>The person, team or organisation credited, when known.</summary>
    public string? Actor { get; init; }

    /// <summary>The verb phrase the quantity measures, when known.</summary>
    public string? Action { get; init; }

    /// <summary>The ISO date in scope, when known.</summary>
    public string? Date { get; init; }

    /// <summary>Where <see cref="Text"/> occurs in the body; null when the headline alone states it.</summary>
    public TextSpan? Span { get; init; }

    /// <summary>Where the headline states it (offsets into <see cref="Article.Title"/>); null when it does not.</summary>
    public TextSpan? TitleSpan { get; init; }
}
