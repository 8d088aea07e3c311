using System.Collections.Immutable;

namespace Extract.Recognition;

/// <summary>A date or time expression in the body with its ISO value.</summary>
internal sealed record DateValueMention(TextSpan Span, string Text, string Value);

/// <summary>A number with its unit (人次, 名, 平方米, 元…): value scaled for 万/亿, unit as written.</summary>
internal sealed record QuantityMention(TextSpan Span, string Text, decimal Value, string Unit, bool Approx)
{
    /// <summary>True for ordinals (第三名): never an amount.</summary>
    public bool IsOrdinal { get; init; }
}

/// <summary>A place mention with its level and, when the gazetteer knows it, its code and path.</summary>
internal sealed record PlaceMention(TextSpan Span, string Name, PlaceLevel Level, string? Code, ImmutableArray<string> Path);

/// <summary>An organisation mention.</summary>
internal sealed record OrganizationMention(TextSpan Span, string Name, OrganizationKind Kind);

/// <summary>A person mention with the roles written next to it; Span is null for names only in bylines.</summary>
internal sealed record PersonMention(TextSpan? Span, string Name, ImmutableArray<string> Roles, string? Organization);

/// <summary>Everything the recognisers found so far; each recogniser returns a copy with its own part filled.</summary>
internal sealed record Mentions
{
    public static Mentions Empty { get; } = new();

    public ImmutableArray<DateValueMention> Dates { get; init; } = [];

    public ImmutableArray<QuantityMention> Quantities { get; init; } = [];

    public ImmutableArray<PlaceMention> Places { get; init; } = [];

    public ImmutableArray<OrganizationMention> Organizations { get; init; } = [];

    public ImmutableArray<PersonMention> People { get; init; } = [];

    public ImmutableArray<Achievement> Achievements { get; init; } = [];

    public ImmutableArray<string> Keywords { get; init; } = [];
}

/// <summary>One recogniser of stage 5. Recognisers run in order; each reads the document and what earlier ones found.</summary>
internal interface IRecognizer
{
    Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken);
}
