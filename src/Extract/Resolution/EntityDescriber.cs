using Extract.Recognition;
using Extract.Recognition.Names;
using Extract.Recognition.People;
using Extract.Recognition.Places;
using Extract.Resources;

namespace Extract.Resolution;

/// <summary>
/// Turns a bare name span the entity decision kept (from the tagger, the candidate list or an occurrence) into the
/// mention the rule layer would have made of it: a place's division, code and path from the gazetteer (resolved against
/// the article's other places) or its level from its suffix; an organisation's kind from its suffix (a user's
/// organisation: the user's kind); a person's roles and organisation from the title chain before it.
/// </summary>
internal sealed class EntityDescriber
{
    private readonly Gazetteer _gazetteer;
    private readonly EntityLexicons _lexicons;
    private readonly DivisionResolver _resolver;
    private readonly RoleChain _roles;

    public EntityDescriber(Gazetteer gazetteer, EntityLexicons lexicons)
    {
        _gazetteer = gazetteer;
        _lexicons = lexicons;
        _resolver = new DivisionResolver(gazetteer);
        _roles = new RoleChain(lexicons);
    }

    public PlaceMention Place(string text, TextSpan span, IReadOnlyList<PlaceMention> places)
    {
        var name = text[span.Start..span.End];
        var candidates = _gazetteer.Names.Lookup(name);
        if (candidates.IsEmpty)
        {
            return new PlaceMention(span, name, SuffixLevel(text, span), null, []);
        }

        // Resolve among the article's coded places, so 新城区 lands under the city the article is about.
        var matches = places
            .Where(p => p.Code is not null && !NameText.Overlaps(p.Span, span))
            .Select(p => new GazetteerMatch(p.Span, _gazetteer.Names.Lookup(p.Name)))
            .Where(m => !m.Candidates.IsEmpty)
            .Append(new GazetteerMatch(span, candidates))
            .OrderBy(m => m.Span.Start)
            .ToList();
        var at = matches.FindIndex(m => m.Span == span);
        var division = _gazetteer[_resolver.Resolve(matches)[at]];
        var form = candidates.First(c => c.Division == division.Index).Form;
        return new PlaceMention(span, name, division.Level, division.Code.Length > 0 ? division.Code : null, _gazetteer.PathOf(division.Index))
        {
            Form = form,
            CurrentName = form == NameForm.Former ? division.Name : null,
        };
    }

    public OrganizationMention Organization(string text, TextSpan span)
    {
        // A user's organisation has the user's kind.
        if (_lexicons.UserOrganizations is { } user && user.Contains(text[span.Start..span.End]))
        {
            return new OrganizationMention(span, text[span.Start..span.End], NameText.KindOf(user.Column(text[span.Start..span.End], 0)));
        }

        var suffix = _lexicons.OrgSuffixes.LongestEndingAt(text, span.End);
        var kind = suffix > 0 && suffix < span.Length
            ? NameText.KindOf(_lexicons.OrgSuffixes.Column(text.Substring(span.End - suffix, suffix), 0))
            : OrganizationKind.Other;
        return new OrganizationMention(span, text[span.Start..span.End], kind);
    }

    public PersonMention Person(string text, TextSpan span, IReadOnlyList<TextSpan> entities, IReadOnlyList<OrganizationMention> organizations)
    {
        var (roles, organization) = _roles.Describe(text, span.Start, entities, organizations);
        return new PersonMention(span, text[span.Start..span.End], roles, organization);
    }

    private PlaceLevel SuffixLevel(string text, TextSpan span)
    {
        var suffix = _lexicons.PlaceSuffixes.LongestEndingAt(text, span.End);
        return suffix > 0 && suffix < span.Length
            ? NameText.LevelOf(_lexicons.PlaceSuffixes.Column(text.Substring(span.End - suffix, suffix), 0))
            : PlaceLevel.Other;
    }
}
