using System.Collections.Immutable;

namespace Extract;

/// <summary>What kind of body an organisation is.</summary>
public enum OrganizationKind
{
    /// <summary>Not one of the other kinds.</summary>
    Other,
    /// <summary>Party committees, branches, departments (党委, 党支部, 组织部).</summary>
    Party,
    /// <summary>Government bodies (政府, 局, 委, 办).</summary>
    Government,
    /// <summary>Companies and groups (公司, 集团).</summary>
    Company,
    /// <summary>Residents' committees and community bodies.</summary>
    Community,
    /// <summary>Schools, colleges, universities.</summary>
    School,
    /// <summary>Hospitals and clinics.</summary>
    Hospital,
    /// <summary>Newspapers, stations, news sites acting as organisations.</summary>
    Media,
    /// <summary>Named volunteer teams, task forces, service teams.</summary>
    Team,
}

/// <summary>A named body (Party committee, department, company, school, team…).</summary>
public sealed record Organization
{
    /// <summary>The maximal specific span as written.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of body.</summary>
    public OrganizationKind Kind { get; init; } = OrganizationKind.Other;

    /// <summary>Where the name occurs in the body (offsets into <see cref="Article.Body"/>).</summary>
    public ImmutableArray<TextSpan> Mentions { get; init; } = [];

    /// <summary>Where the name occurs in the headline (offsets into <see cref="Article.Title"/>); empty when it does not.</summary>
    public ImmutableArray<TextSpan> TitleMentions { get; init; } = [];

    /// <summary>Value equality: every property, the lists element by element.</summary>
    public bool Equals(Organization? other) =>
        ReferenceEquals(this, other) || (other is not null && Name == other.Name && Kind == other.Kind && ValueEquality.Equal(Mentions, other.Mentions)
            && ValueEquality.Equal(TitleMentions, other.TitleMentions));

    /// <summary>A hash over every property, the lists element by element.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(Kind);
        ValueEquality.Add(ref hash, Mentions);
        ValueEquality.Add(ref hash, TitleMentions);
        return hash.ToHashCode();
    }
}
