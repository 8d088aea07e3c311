using System.Collections.Immutable;
using Extract.Recognition.Names;
using Extract.Resources;

namespace Extract.Recognition.Places;

/// <summary>
/// Stage 5, places: gazetteer names (full, short and former forms, resolved to one division by the article's other
/// places) and, below township level, the suffix grammar. Chains split into atomic places; names inside 《》 titles are
/// not mentions.
/// </summary>
internal sealed class PlaceRecognizer : IRecognizer
{
    private readonly Gazetteer _gazetteer;
    private readonly GazetteerScanner _scanner;
    private readonly PlaceGrammar _grammar;
    private readonly DivisionResolver _resolver;
    private readonly GazetteerEvidence _evidence;

    public PlaceRecognizer()
        : this(Gazetteer.Default, EntityLexicons.Default)
    {
    }

    public PlaceRecognizer(Gazetteer gazetteer, EntityLexicons lexicons)
    {
        _gazetteer = gazetteer;
        _scanner = new GazetteerScanner(gazetteer);
        _grammar = new PlaceGrammar(lexicons);
        _resolver = new DivisionResolver(gazetteer);
        _evidence = new GazetteerEvidence(gazetteer, lexicons);
    }

    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var text = document.Body;
        var names = _evidence.Filter(text, _scanner.Scan(text, cancellationToken));
        var grammar = Maximal(_grammar.Find(text, names, cancellationToken));

        // A grammar span inside a name, or ending with one (包联桥东街道), defers to the gazetteer.
        var nameSpans = new SpanLookup([.. names.Select(n => n.Span)]);
        grammar.RemoveAll(g => nameSpans.FirstHolding(g.Span) >= 0
            || (!g.AbsorbsGazetteerName && nameSpans.AnyEndingAtAfter(g.Span.End, g.Span.Start)));

        var divisions = _resolver.Resolve(names);
        var inherited = new Dictionary<TextSpan, int>();
        var grammarSpans = new SpanLookup([.. grammar.Select(g => g.Span)]);
        var absorbed = new bool[names.Count];
        for (var m = names.Count - 1; m >= 0; m--)
        {
            // A venue that absorbed a name (驻马店南站) replaces it; a grammar span that extends a name from its start
            // (曲江街道 → 曲江街道办) replaces it and keeps its division.
            var holder = grammarSpans.FirstHolding(names[m].Span);
            if (holder >= 0)
            {
                var outer = grammar[holder];
                if (outer.Span.Start == names[m].Span.Start && !outer.AbsorbsGazetteerName)
                {
                    inherited[outer.Span] = divisions[m];
                }

                absorbed[m] = true;
            }
        }

        divisions = [.. divisions.Where((_, m) => !absorbed[m])];
        names = [.. names.Where((_, m) => !absorbed[m])];

        var titles = NameText.BookTitles(text);
        var mentions = new List<PlaceMention>(names.Count + grammar.Count);
        var resolvedEnds = new Dictionary<int, PlaceMention>();
        for (var m = 0; m < names.Count; m++)
        {
            var division = _gazetteer[divisions[m]];
            var form = names[m].Candidates.First(c => c.Division == division.Index).Form;
            var code = division.Code.Length > 0 ? division.Code : null;
            var mention = new PlaceMention(names[m].Span, text[names[m].Span.Start..names[m].Span.End], division.Level, code, _gazetteer.PathOf(division.Index))
            {
                Form = form,
                CurrentName = form == NameForm.Former ? division.Name : null,
            };
            mentions.Add(mention);
            resolvedEnds[mention.Span.End] = mention;
        }

        foreach (var place in grammar.OrderBy(g => g.Span.Start))
        {
            var name = text[place.Span.Start..place.Span.End];
            PlaceMention mention;
            if (inherited.TryGetValue(place.Span, out var division))
            {
                var d = _gazetteer[division];
                mention = new PlaceMention(place.Span, name, d.Level, d.Code, _gazetteer.PathOf(d.Index)) { Form = NameForm.Full };
            }
            else
            {
                var path = resolvedEnds.TryGetValue(place.Span.Start, out var parent) && !parent.Path.IsDefaultOrEmpty
                    ? parent.Path.Add(name)
                    : ImmutableArray<string>.Empty;
                mention = new PlaceMention(place.Span, name, place.Level, null, path);
            }

            mentions.Add(mention);
            resolvedEnds[place.Span.End] = mention;
        }

        return found with
        {
            Places = [.. mentions.Where(p => !titles.Any(t => NameText.Within(p.Span, t))).OrderBy(p => p.Span.Start)],
        };
    }

    private static List<GrammarPlace> Maximal(List<GrammarPlace> places)
    {
        var held = NameText.HeldByLonger([.. places.Select(p => p.Span)]);
        return [.. places.Where((_, i) => !held[i])];
    }
}
