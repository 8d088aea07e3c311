using System.Collections.Immutable;

namespace Extract;

/// <summary>The administrative or physical level of a place.</summary>
public enum PlaceLevel
{
    /// <summary>Not one of the other levels.</summary>
    Other,
    /// <summary>Province, autonomous region, municipality.</summary>
    Province,
    /// <summary>Prefecture-level city.</summary>
    City,
    /// <summary>County, district, county-level city.</summary>
    County,
    /// <summary>Town, township, 街道.</summary>
    Township,
    /// <summary>Urban community (社区).</summary>
    Community,
    /// <summary>Village (村).</summary>
    Village,
    /// <summary>Residential compound (小区, 花园, 苑).</summary>
    Compound,
    /// <summary>Road or street.</summary>
    Road,
    /// <summary>Named venue or transport hub (station, hotel, square).</summary>
    Venue,
}

/// <summary>A place: an administrative unit, compound, road or named venue.</summary>
public sealed record Place
{
    /// <summary>The surface form as written.</summary>
    public required string Name { get; init; }

    /// <summary>The level of the place.</summary>
    public PlaceLevel Level { get; init; } = PlaceLevel.Other;

    /// <summary>The administrative division code (NBS), when known.</summary>
    public string? Code { get; init; }

    /// <summary>The hierarchy from province down to this place, when known.</summary>
    public ImmutableArray<string> Path { get; init; } = [];

    /// <summary>Where the name occurs in the body (offsets into <see cref="Article.Body"/>).</summary>
    public ImmutableArray<TextSpan> Mentions { get; init; } = [];

    /// <summary>Where the name occurs in the headline (offsets into <see cref="Article.Title"/>); empty when it does not.</summary>
    public ImmutableArray<TextSpan> TitleMentions { get; init; } = [];

    /// <summary>Value equality: every property, the lists element by element.</summary>
    public bool Equals(Place? other) =>
        ReferenceEquals(this, other) || (other is not null && Name == other.Name && Level == other.Level && Code == other.Code
            && ValueEquality.Equal(Path, other.Path) && ValueEquality.Equal(Mentions, other.Mentions)
            && ValueEquality.Equal(TitleMentions, other.TitleMentions));

    /// <summary>A hash over every property, the lists element by element.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(Level);
        hash.Add(Code);
        ValueEquality.Add(ref hash, Path);
        ValueEquality.Add(ref hash, Mentions);
        ValueEquality.Add(ref hash, TitleMentions);
        return hash.ToHashCode();
    }
}
