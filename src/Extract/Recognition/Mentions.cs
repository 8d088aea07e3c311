using System.Collections.Immutable;

namespace Extract.Recognition;

/// <summary>A date or time expression in the body with its ISO value.</summary>
internal sealed record DateValueMention(TextSpan Span, string Text, string Value);

/// <summary>A number with its unit (人次, 名, 平方米, 元…): value scaled for 万/亿, unit as written.</summary>
internal sealed record QuantityMention(TextSpan Span, string Text, decimal Value, string Unit, bool Approx)
{
    /// <summary>The word that makes it approximate as written (余, 多, 近, 约, 左右…), or null.</summary>
    public string? Qualifier { get; init; }

    /// <summary>True for ordinals (第三名): never an amount.</summary>
    public bool IsOrdinal { get; init; }
}

/// <summary>A place mention with its level and, when the gazetteer knows it, its code and path.</summary>
internal sealed record PlaceMention(TextSpan Span, string Name, PlaceLevel Level, string? Code, ImmutableArray<string> Path)
{
    /// <summary>How the gazetteer names it (full, short, former); null for grammar places below township level.</summary>
    public Places.NameForm? Form { get; init; }

    /// <summary>Today's official name when <see cref="Name"/> is a former one (襄樊市 → 襄阳市).</summary>
    public string? CurrentName { get; init; }
}

/// <summary>An organisation mention.</summary>
internal sealed record OrganizationMention(TextSpan Span, string Name, OrganizationKind Kind)
{
    /// <summary>The body a sub-unit belongs to (市司法局 for 市司法局警务管理科), when the name ends with sub-units.</summary>
    public string? Parent { get; init; }
}

/// <summary>A person mention with the roles written next to it; Span is null for names only in bylines.</summary>
internal sealed record PersonMention(TextSpan? Span, string Name, ImmutableArray<string> Roles, string? Organization)
{
    /// <summary>
    /// True when the rules accepted the name on the segmenter's nr tag or repeated weak cues alone (no title, quoting
    /// verb, credit or list): the entity merge keeps it only where the trained tagger also reads a person.
    /// </summary>
    public bool WeakEvidence { get; init; }
}

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

    /// <summary>Every surname + given-name candidate the person rules looked at, accepted or not, with its evidence.</summary>
    public ImmutableArray<People.NameCandidate> PersonCandidates { get; init; } = [];

    /// <summary>The trained tagger's names (body offsets) with their margins, before the entity merge weighs them.</summary>
    public ImmutableArray<Tagging.TaggedName> TaggedNames { get; init; } = [];

    /// <summary>
    /// What the entity decision kept beyond <see cref="Places"/>, <see cref="Organizations"/> and <see cref="People"/>,
    /// for resolution to describe and add; null before the decision, after resolution, and when the decision kept only
    /// rule mentions as they stand.
    /// </summary>
    public Entities.KeptNames? Kept { get; init; }

    /// <summary>Spans of every place, organisation and person mention (people without a span left out), for overlap tests.</summary>
    public List<TextSpan> EntitySpans() =>
        [.. Places.Select(p => p.Span), .. Organizations.Select(o => o.Span), .. People.Where(p => p.Span.HasValue).Select(p => p.Span!.Value)];
}

/// <summary>One recogniser of stage 5. Recognisers run in order; each reads the document and what earlier ones found.</summary>
internal interface IRecognizer
{
    Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken);
}
