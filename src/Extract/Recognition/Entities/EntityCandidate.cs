using Extract.Recognition.People;
using Extract.Recognition.Tagging;

namespace Extract.Recognition.Entities;

/// <summary>Which sources proposed a candidate span with its type.</summary>
[Flags]
internal enum CandidateSources
{
    /// <summary>No source (never stored).</summary>
    None = 0,

    /// <summary>The place rules (gazetteer or suffix grammar) made it a place.</summary>
    RulePlace = 1,

    /// <summary>The organisation grammar made it an organisation.</summary>
    RuleOrganization = 2,

    /// <summary>The person rules accepted it.</summary>
    RulePerson = 4,

    /// <summary>The person rules accepted it on the segmenter's nr tag or repeated weak cues alone.</summary>
    RulePersonWeak = 8,

    /// <summary>The person rules looked at it (surname + given name) but did not accept it.</summary>
    PersonCandidate = 16,

    /// <summary>The trained tagger marked exactly this span with this type.</summary>
    Tagger = 32,

    /// <summary>
    /// The span is exactly a name the user added with this type (<see cref="UserNames"/>): every decision keeps it. Not a
    /// feature of the model (its layout is fixed), a rule of the decision.
    /// </summary>
    User = 64,
}

/// <summary>
/// One hypothesis for the entity decision: a span, a type, the sources that proposed it and what each knew of it (the
/// rule layer's mention, with its code, roles or kind; the tagger's margin).
/// </summary>
internal sealed record EntityCandidate(TextSpan Span, NameType Type)
{
    public CandidateSources Sources { get; init; }

    /// <summary>The tagger's margin for exactly this span and type; 0 when the tagger did not propose it.</summary>
    public float Margin { get; init; }

    public PlaceMention? Place { get; init; }

    public OrganizationMention? Organization { get; init; }

    public PersonMention? Person { get; init; }

    public NameCandidate? PersonCandidate { get; init; }

    /// <summary>True when the span is exactly a name the user added with this type: kept whatever the model's score.</summary>
    public bool FromUser => (Sources & CandidateSources.User) != 0;

    /// <summary>True when a rule recogniser (not merely the person rules' candidate list) proposed it.</summary>
    public bool FromRules => (Sources & (CandidateSources.RulePlace | CandidateSources.RuleOrganization | CandidateSources.RulePerson)) != 0;
}

/// <summary>
/// Gathers every (span, type) that any source proposed, one candidate each, sources merged, in span order; those that
/// are exactly a user's name of their type are marked <see cref="CandidateSources.User"/>.
/// </summary>
internal static class EntityCandidates
{
    /// <summary>The candidates with no user names to mark.</summary>
    public static List<EntityCandidate> Collect(Mentions found) => Collect(found, "", null);

    public static List<EntityCandidate> Collect(Mentions found, string text, UserNames? user)
    {
        var byKey = new Dictionary<(TextSpan, NameType), EntityCandidate>();

        void Add(TextSpan span, NameType type, Func<EntityCandidate, EntityCandidate> update)
        {
            var key = (span, type);
            byKey[key] = update(byKey.TryGetValue(key, out var existing) ? existing : new EntityCandidate(span, type));
        }

        foreach (var place in found.Places)
        {
            Add(place.Span, NameType.Location, c => c with { Sources = c.Sources | CandidateSources.RulePlace, Place = place });
        }

        foreach (var organization in found.Organizations)
        {
            Add(organization.Span, NameType.Organization, c => c with { Sources = c.Sources | CandidateSources.RuleOrganization, Organization = organization });
        }

        foreach (var person in found.People)
        {
            if (person.Span is { } span)
            {
                var sources = CandidateSources.RulePerson | (person.WeakEvidence ? CandidateSources.RulePersonWeak : CandidateSources.None);
                Add(span, NameType.Person, c => c with { Sources = c.Sources | sources, Person = person });
            }
        }

        foreach (var candidate in found.PersonCandidates)
        {
            Add(candidate.Span, NameType.Person, c => c with
            {
                Sources = c.Sources | ((c.Sources & CandidateSources.RulePerson) != 0 ? CandidateSources.None : CandidateSources.PersonCandidate),
                PersonCandidate = candidate,
            });
        }

        foreach (var name in found.TaggedNames)
        {
            Add(name.Span, name.Type, c => c with { Sources = c.Sources | CandidateSources.Tagger, Margin = Math.Max(c.Margin, name.Margin) });
        }

        // A person candidate the rules later accepted is a rule person, not a bare candidate.
        return [.. byKey.Values
            .Select(c => (c.Sources & CandidateSources.RulePerson) != 0 ? c with { Sources = c.Sources & ~CandidateSources.PersonCandidate } : c)
            .Select(c => user is not null && user.Matches(text, c.Span, c.Type) ? c with { Sources = c.Sources | CandidateSources.User } : c)
            .OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End).ThenBy(c => c.Type)];
    }
}
