using Extract.Recognition.Names;
using Extract.Recognition.Places;
using Extract.Resources;

namespace Extract.Recognition.Organizations;

/// <summary>
/// Stage 5, organisations: the suffix grammar over the body and the places found before, keeping the maximal span of
/// nested names. It only proposes: the places found before stay as they are.
/// </summary>
internal sealed class OrganizationRecognizer : IRecognizer
{
    private readonly OrganizationGrammar _grammar;

    public OrganizationRecognizer()
        : this(EntityLexicons.Default, Gazetteer.Default, CommonWords.Default.Contains)
    {
    }

    /// <param name="lexicons">Suffixes, fixed names, boundaries.</param>
    /// <param name="gazetteer">The division gazetteer, for place prefixes.</param>
    /// <param name="isCommonWord">Optional dictionary test: a one-character suffix glued into a common word (举办) is no suffix.</param>
    public OrganizationRecognizer(EntityLexicons lexicons, Gazetteer gazetteer, Func<string, bool>? isCommonWord) =>
        _grammar = new OrganizationGrammar(lexicons, gazetteer, isCommonWord);

    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var text = document.Body;
        var candidates = _grammar.Find(text, found.Places, cancellationToken);
        // A span the place grammar already holds (曲江街道办) is a place.
        var placeSpans = found.Places.Select(p => p.Span).ToHashSet();
        candidates.RemoveAll(c => placeSpans.Contains(c.Span));
        var held = NameText.HeldByLonger([.. candidates.Select(c => c.Span)]);
        var maximal = candidates
            .Where((_, i) => !held[i])
            .DistinctBy(c => c.Span)
            .OrderBy(c => c.Span.Start)
            .ToList();

        // Overlapping candidates (rare): keep the earlier, longer one.
        var kept = new List<OrganizationCandidate>(maximal.Count);
        foreach (var candidate in maximal)
        {
            if (kept.Count == 0 || !NameText.Overlaps(kept[^1].Span, candidate.Span))
            {
                kept.Add(candidate);
            }
        }

        // Every occurrence of a recognised name is a mention, also where its own boundary was unclear (上午陕西煤业).
        var taken = kept.Select(k => k.Span).ToList();
        kept.AddRange(NameText.OtherOccurrences(text, kept, c => c.Span, taken)
            .Select(o => new OrganizationCandidate(o.Span, o.Name.Kind) { ParentEnd = o.Span.Start + (o.Name.ParentEnd - o.Name.Span.Start) }));

        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var organizations = kept.Select(c => new OrganizationMention(c.Span, text[c.Span.Start..c.Span.End], c.Kind)
        {
            Parent = c.ParentEnd is { } parentEnd ? text[c.Span.Start..parentEnd] : null,
        }).ToList();
        // A short place name inside one of these (山西 in 山西焦煤) is not dropped here: sources only propose, and the
        // entity decision drops it (Entities.NestedPlaces).
        return found with { Organizations = [.. organizations] };
    }
}
