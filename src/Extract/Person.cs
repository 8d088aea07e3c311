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

    /// <summary>Value equality: every property, the lists element by element.</summary>
    public bool Equals(Person? other) =>
        ReferenceEquals(this, other) || (other is not null && Name == other.Name && Organization == other.Organization
            && ValueEquality.Equal(Roles, other.Roles) && ValueEquality.Equal(Mentions, other.Mentions)
            && ValueEquality.Equal(TitleMentions, other.TitleMentions));

    /// <summary>A hash over every property, the lists element by element.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(Organization);
        ValueEquality.Add(ref hash, Roles);
        ValueEquality.Add(ref hash, Mentions);
        ValueEquality.Add(ref hash, TitleMentions);
        return hash.ToHashCode();
    }
}
