using Extract.Recognition.Names;
using Extract.Resources;

namespace Extract.Recognition.Places;

/// <summary>
/// Drops gazetteer matches the text does not support: generic names (城区), two-character full names glued inside a
/// word (响应县委 → not 应县), and county-level short or former forms (零陵, 莲湖) unless the article also names the
/// city or province above them — a bare 同心 or 东方 is far more often a word than a county.
/// </summary>
internal sealed class GazetteerEvidence
{
    private readonly Gazetteer _gazetteer;
    private readonly EntityLexicons _lexicons;

    public GazetteerEvidence(Gazetteer gazetteer, EntityLexicons lexicons)
    {
        _gazetteer = gazetteer;
        _lexicons = lexicons;
    }

    public List<GazetteerMatch> Filter(string text, List<GazetteerMatch> matches)
    {
        var ends = matches.Select(m => m.Span.End).ToHashSet();
        var kept = matches
            .Where(m => !_lexicons.GenericHeads.Contains(text[m.Span.Start..m.Span.End]))
            .Where(m => !(m.Span.Length == 2 && m.BestForm != NameForm.Short && GluedOnLeft(text, m.Span.Start, ends)))
            .ToList();

        // Divisions the article names in a form that needs no support.
        var named = new HashSet<int>();
        foreach (var match in kept)
        {
            var surface = text[match.Span.Start..match.Span.End];
            foreach (var candidate in match.Candidates)
            {
                if (!NeedsSupport(candidate, surface))
                {
                    named.Add(candidate.Division);
                }
            }
        }

        var result = new List<GazetteerMatch>(kept.Count);
        foreach (var match in kept)
        {
            var surface = text[match.Span.Start..match.Span.End];
            var supported = match.Candidates.Where(c => !NeedsSupport(c, surface) || HasNamedRelative(c.Division, named)).ToList();
            if (supported.Count > 0)
            {
                result.Add(match with { Candidates = [.. supported] });
            }
        }

        return result;
    }

    private static bool GluedOnLeft(string text, int start, HashSet<int> ends) =>
        start > 0 && NameText.IsCjk(text[start - 1]) && !ends.Contains(start);

    // Short names of cities and below need the article to name a relative; province short forms and former names
    // written in full (襄樊市, 思茅地区) stand alone.
    private bool NeedsSupport(DivisionName name, string surface) =>
        name.Form switch
        {
            NameForm.Full => false,
            NameForm.Former => !(surface.EndsWith('市') || surface.EndsWith('县') || surface.EndsWith('区') || surface.EndsWith('州') || surface.EndsWith('盟')),
            _ => _gazetteer[name.Division].Level is not PlaceLevel.Province,
        };

    private bool HasNamedRelative(int division, HashSet<int> named)
    {
        for (var p = division; p >= 0; p = _gazetteer[p].Parent)
        {
            if (named.Contains(p))
            {
                return true;
            }
        }

        // A city is also supported by a county or town under it (太原 by 小店区).
        return _gazetteer[division].Level == PlaceLevel.City && named.Any(n => n != division && _gazetteer.IsWithin(n, division));
    }
}
