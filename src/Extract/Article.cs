using System.Collections.Immutable;

namespace Extract;

/// <summary>One article extracted from a page or a text: the <c>extract.article/1</c> record.</summary>
public sealed record Article
{
    /// <summary>The schema name written in every JSON record.</summary>
    public const string SchemaName = "extract.article/1";

    /// <summary>The input id (file name, or the id/url given in JSONL input).</summary>
    public required string Id { get; init; }

    /// <summary>The page URL, when given.</summary>
    public string? Url { get; init; }

    /// <summary>The headline, without site-name suffixes or series labels.</summary>
    public string? Title { get; init; }

    /// <summary>The stated source outlet (来源).</summary>
    public string? Outlet { get; init; }

    /// <summary>The stated publish date (ISO-8601, with the time when stated).</summary>
    public string? PublishedAt { get; init; }

    /// <summary>Names from bylines (记者, 作者, 通讯员, 文/摄…).</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>Names from editor lines (编辑, 责任编辑, 审核, 签发).</summary>
    public ImmutableArray<string> Editors { get; init; } = [];

    /// <summary>The clean article text, paragraphs separated by \n. Every span indexes into it.</summary>
    public string Body { get; init; } = "";

    /// <summary>Boilerplate lines dropped, kept for audit.</summary>
    public ImmutableArray<string> Removed { get; init; } = [];

    /// <summary>TF-IDF keywords, best first.</summary>
    public ImmutableArray<string> Keywords { get; init; } = [];

    /// <summary>People with their roles.</summary>
    public ImmutableArray<Person> People { get; init; } = [];

    /// <summary>Named organisations.</summary>
    public ImmutableArray<Organization> Organizations { get; init; } = [];

    /// <summary>Places with level, code and hierarchy.</summary>
    public ImmutableArray<Place> Places { get; init; } = [];

    /// <summary>Date and time expressions with resolved values.</summary>
    public ImmutableArray<DateMention> Dates { get; init; } = [];

    /// <summary>Quantified achievements.</summary>
    public ImmutableArray<Achievement> Achievements { get; init; } = [];

    /// <summary>
    /// True when the clean body was longer than <see cref="ExtractorOptions.MaxBodyLength"/>, or the page's markup longer
    /// than <see cref="ExtractorOptions.MaxMarkupLength"/>, and was cut: the body and everything found in it stop there.
    /// </summary>
    public bool Truncated { get; init; }

    /// <summary>False when the page does not look like an article (a list page, an index); the body is then empty.</summary>
    public bool IsArticle { get; init; } = true;

    #region Value equality over the lists

    /// <summary>Value equality: every property, the lists element by element.</summary>
    public bool Equals(Article? other) =>
        ReferenceEquals(this, other) || (other is not null && Id == other.Id && Url == other.Url && Title == other.Title
            && Outlet == other.Outlet && PublishedAt == other.PublishedAt && Body == other.Body && IsArticle == other.IsArticle
            && ValueEquality.Equal(Authors, other.Authors) && ValueEquality.Equal(Editors, other.Editors)
            && ValueEquality.Equal(Removed, other.Removed) && ValueEquality.Equal(Keywords, other.Keywords)
            && ValueEquality.Equal(People, other.People) && ValueEquality.Equal(Organizations, other.Organizations)
            && ValueEquality.Equal(Places, other.Places) && ValueEquality.Equal(Dates, other.Dates)
            && ValueEquality.Equal(Achievements, other.Achievements));

    /// <summary>A hash over every property, the lists element by element.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Url);
        hash.Add(Title);
        hash.Add(Outlet);
        hash.Add(PublishedAt);
        hash.Add(Body);
        hash.Add(IsArticle);
        ValueEquality.Add(ref hash, Authors);
        ValueEquality.Add(ref hash, Editors);
        ValueEquality.Add(ref hash, Removed);
        ValueEquality.Add(ref hash, Keywords);
        ValueEquality.Add(ref hash, People);
        ValueEquality.Add(ref hash, Organizations);
        ValueEquality.Add(ref hash, Places);
        ValueEquality.Add(ref hash, Dates);
        ValueEquality.Add(ref hash, Achievements);
        return hash.ToHashCode();
    }

    #endregion
}
