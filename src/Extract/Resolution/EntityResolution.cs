using Extract.Recognition;
using Extract.Recognition.Entities;
using Extract.Recognition.Tagging;

namespace Extract.Resolution;

/// <summary>
/// Stage 6, names: adds to what the one entity decision kept (<see cref="Mentions.Kept"/>), never removes. Under the
/// decisions that ask for it, every other occurrence of a kept name (<see cref="KeptNames.WithOccurrences"/>); then
/// each kept name the rules did not describe gets a description (<see cref="EntityDescriber"/>): a place its division,
/// code and path, resolved against the places before it; an organisation its kind; a person, last, the roles and
/// organisation written before it, read against every kept place and organisation. The mentions the decision left
/// standing come first and keep their description; all are put in span order. A no-op when the decision kept only
/// rule mentions as they stand (<see cref="EntityStrategy.Rules"/>).
/// </summary>
internal sealed class EntityResolution(EntityDescriber describer) : IRecognizer
{
    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        if (found.Kept is not { } kept)
        {
            return found;
        }

        var text = document.Body;
        var names = kept.WithOccurrences(text, found);
        var places = found.Places.ToBuilder();
        var organizations = found.Organizations.ToBuilder();
        foreach (var name in names.OrderBy(n => n.Span.Start))
        {
            switch (name.Type)
            {
                case NameType.Location:
                    places.Add(name.Place ?? describer.Place(text, name.Span, places));
                    break;
                case NameType.Organization:
                    organizations.Add(name.Organization ?? describer.Organization(text, name.Span));
                    break;
            }
        }

        // People last: their roles may name the places and organisations just added.
        var entities = places.Select(p => p.Span).Concat(organizations.Select(o => o.Span)).ToList();
        var people = found.People.ToBuilder();
        foreach (var name in names.Where(n => n.Type == NameType.Person).OrderBy(n => n.Span.Start))
        {
            cancellationToken.ThrowIfCancellationRequested();
            people.Add(name.Person ?? describer.Person(text, name.Span, entities, organizations));
        }

        return found with
        {
            Places = [.. places.OrderBy(p => p.Span.Start)],
            Organizations = [.. organizations.OrderBy(o => o.Span.Start)],
            People = [.. people.OrderBy(p => p.Span?.Start ?? -1)],
            Kept = null,
        };
    }
}
