using Extract.Recognition.Names;
using Extract.Recognition.Places;

namespace Extract.Recognition.Entities;

/// <summary>
/// A decision every strategy that reads the rule layer takes first: a short or former place name written inside a rule
/// organisation's name (山西 in 山西焦煤, 襄樊 in 襄樊市…) is part of that name, not a place of its own. The organisation
/// recogniser only proposes; this is where such places leave. A full-name place inside an organisation (零陵区 in
/// 零陵区税务局) stays, as ANNOTATION.md counts it.
/// </summary>
internal static class NestedPlaces
{
    public static Mentions Decide(Mentions found)
    {
        if (found.Organizations.IsEmpty)
        {
            return found;
        }

        var organizations = new SpanLookup([.. found.Organizations.Select(o => o.Span)]);
        var places = found.Places.RemoveAll(p => p.Form is NameForm.Short or NameForm.Former
            && organizations.FirstHolding(p.Span) >= 0);
        return places.Length == found.Places.Length ? found : found with { Places = places };
    }
}

/// <summary>
/// The decision of <see cref="EntityStrategy.Rules"/>: the rule layer's proposals stand as they are, but for the places
/// that are part of an organisation's name (<see cref="NestedPlaces"/>).
/// </summary>
internal sealed class RulesDecision : IRecognizer
{
    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken) => NestedPlaces.Decide(found);
}
