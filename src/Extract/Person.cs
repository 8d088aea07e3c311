using System.Collections.Immutable;

namespace Extract;

/// <summary>A named individual mentioned in the article or its bylines.</summary>
public sealed record Person
{
    /// <summary>Full name as written.</summary>
    public required string Name { get; init; }

    /// <summary>Titles written next to the name, verbatim, split on 、.</summary>
    public ImmutableArray<string> Roles { get; init; } = [];

    /// <summary>The body a role belongs to when the role names it (市司法局 in 市司法局警务管理科科长).</summary>
    public string? Organization { get; init; }

    /// <summary>Where the name occurs in the body (offsets into <see cref="Article.Body"/>).</summary>
    public ImmutableArray<TextSpan> Mentions { get; init; } = [];

    /// <summary>Where the name occurs in the headline (offsets into <see cref="Article.Title"/>); empty when it does not.</summary>
    public ImmutableArray<TextSpan> TitleMentions { get; init; } = [];
}
