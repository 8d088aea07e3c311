using Extract.Learning;
using Extract.Recognition;
using Extract.Recognition.Entities;
using Extract.Recognition.Names;
using Extract.Recognition.Places;
using Extract.Recognition.Tagging;
using Extract.Resources;
using Extract.Tokens;
using Extract.Training.Ner;
using Extract.Calendar;

namespace Extract.Training.EntityLearning;

/// <summary>
/// One sentence's or article's hypotheses as the entity decision sees them, with the hypotheses the gold makes right
/// (<see cref="Gold"/>; for sentences, the converted gold spans themselves, some of which may have no hypothesis).
/// </summary>
internal sealed record SentenceCandidates(
    string Id,
    List<EntityCandidate> Candidates,
    EntityCandidateFeatures.Document Document,
    HashSet<(TextSpan Span, NameType Type)> Gold)
{
    /// <summary>The weight of this unit's rows in training.</summary>
    public float Weight { get; init; } = 1;
}

/// <summary>
/// Builds the entity decision's candidates for annotated sentences through the product's own path: the POS cut, the
/// rule recognisers, the given tagger names (out-of-fold for training sentences), <see cref="EntityCandidates.Collect"/>.
/// The gold is brought to ANNOTATION.md's conventions first where a mechanical mapping exists: a place the gold writes as
/// one chain (宿州市埇桥区) that the rule layer's places tile exactly becomes those atomic places; a place the rule
/// layer finds by its full name inside a gold organisation (零陵区 in 零陵区税务局) counts as a place too; one-character
/// people (江 in 江主席) are dropped, since the record never names a person from a surname alone, and so are forms of
/// address (小毛, 老王), which MSRA tags as people and ANNOTATION.md counts as nicknames.
/// </summary>
internal static class EntityRows
{
    private static readonly Lazy<List<IRecognizer>> Rules = new(() => [.. ArticleExtractor.EntityRecognizers(EntityStrategy.Rules)]);

    private static readonly Lazy<EntityMerger> HandMerge = new(() => EntityMerger.HandMerge());

    public static SentenceCandidates Build(NerSentence sentence, IReadOnlyList<TaggedName> tagged)
    {
        var text = sentence.Text;
        var tokens = TrainNerCommand.Tokens(text);
        var document = new DocumentText(text, [new TextSpan(0, text.Length)], [.. tokens], ReferenceDates.Create(null, null, null, null));
        var found = Mentions.Empty;
        foreach (var recognizer in Rules.Value)
        {
            found = recognizer.Recognize(document, found, CancellationToken.None);
        }

        found = found with { TaggedNames = [.. tagged] };
        var (candidates, features) = EntityDecision.Hypotheses(HandMerge.Value, document, found, CancellationToken.None);
        return new SentenceCandidates(text, candidates, features, Convert(text, sentence.Names, candidates));
    }

    /// <summary>
    /// An annotated article (NAME.txt + NAME.gold.json, as the seeds) through the product's stages 1–4, the rule
    /// recognisers and <paramref name="tagger"/> (one that never saw the article, when the shipped tagger trained on
    /// it). The gold lists surface forms, so a hypothesis is right when its surface is listed with its type (people,
    /// organisations, places; every occurrence).
    /// </summary>
    public static SentenceCandidates BuildArticle(ArticleExtractor extractor, Evaluation.GoldCase gold, NameTagger tagger)
    {
        var (_, document) = extractor.Prepare(gold.Source(), CancellationToken.None);
        var found = Mentions.Empty;
        foreach (var recognizer in new IRecognizer[] { new NameTagRecognizer(tagger) }.Concat(Rules.Value))
        {
            found = recognizer.Recognize(document, found, CancellationToken.None);
        }

        var (candidates, features) = EntityDecision.Hypotheses(HandMerge.Value, document, found, CancellationToken.None);
        var names = new HashSet<(string, NameType)>(
            gold.Gold.People.Select(p => (p.Name, NameType.Person))
                .Concat(gold.Gold.Organizations.Select(o => (o, NameType.Organization)))
                .Concat(gold.Gold.Places.Select(p => (p, NameType.Location))));
        var text = document.Body;
        var right = candidates.Where(c => names.Contains((text[c.Span.Start..c.Span.End], c.Type))).Select(c => (c.Span, c.Type)).ToHashSet();
        return new SentenceCandidates(gold.Id, candidates, features, right);
    }

    /// <summary>The tagger's names for a sentence, through the product's recogniser (sentence splitting included).</summary>
    public static List<TaggedName> Tag(NameTagger tagger, string text, IReadOnlyList<WordToken> tokens)
    {
        var document = new DocumentText(text, [new TextSpan(0, text.Length)], [.. tokens], ReferenceDates.Create(null, null, null, null));
        return [.. new NameTagRecognizer(tagger).Recognize(document, Mentions.Empty, CancellationToken.None).TaggedNames];
    }

    public static HashSet<(TextSpan Span, NameType Type)> Convert(string text, IEnumerable<(TextSpan Span, NameType Type)> gold, IReadOnlyList<EntityCandidate> candidates)
    {
        var surnames = TaggerResources.Default.Surnames;
        var places = candidates
            .Where(c => c.Type == NameType.Location && (c.Sources & CandidateSources.RulePlace) != 0)
            .Select(c => c.Span)
            .ToList();
        var converted = new HashSet<(TextSpan, NameType)>();
        foreach (var (span, type) in gold)
        {
            if (type == NameType.Person && (span.Length < 2 || NameText.IsFormOfAddress(text.AsSpan(span.Start, span.Length), surnames)))
            {
                continue;
            }

            if (type == NameType.Location && Tiles(span, places) is { Count: >= 2 } tiles)
            {
                converted.UnionWith(tiles.Select(t => (t, NameType.Location)));
                continue;
            }

            // A name ends in no book-title mark: MSRA's 英国《金融时报》 is the organisation 金融时报 (the tagger reads such
            // runs the same way, NameText.NameSpan), and the place before the title is a place.
            if (NameText.NameSpan(text, span) is { } name)
            {
                converted.Add((name, type));
            }

            // Places written inside an organisation's name count as places (零陵区 in 零陵区税务局); MSRA never tags them.
            if (type == NameType.Organization)
            {
                converted.UnionWith(candidates
                    .Where(c => c.Type == NameType.Location && c.Place is { } place && place.Form is not (NameForm.Short or NameForm.Former)
                        && NameText.Within(c.Span, span) && c.Span != span)
                    .Select(c => (c.Span, NameType.Location)));
            }
        }

        return converted;
    }

    /// <summary>Rows for the model: one per candidate, labelled by the converted gold.</summary>
    public static IEnumerable<EntityCandidateRow> Rows(SentenceCandidates sentence, EntityCandidateFeatures features)
    {
        foreach (var candidate in sentence.Candidates)
        {
            var row = new EntityCandidateRow { Label = sentence.Gold.Contains((candidate.Span, candidate.Type)), Weight = sentence.Weight };
            features.Write(sentence.Document, candidate, row.Features);
            yield return row;
        }
    }

    // Places that cover the span end to end without gaps, or null.
    private static List<TextSpan>? Tiles(TextSpan span, List<TextSpan> places)
    {
        var tiles = new List<TextSpan>();
        var at = span.Start;
        while (at < span.End)
        {
            var next = places.Where(p => p.Start == at && p.End <= span.End).OrderByDescending(p => p.End).FirstOrDefault();
            if (next == default)
            {
                return null;
            }

            tiles.Add(next);
            at = next.End;
        }

        return tiles;
    }

    /// <summary>The feature writer over the product's default resources.</summary>
    public static EntityCandidateFeatures Features() => new(TaggerResources.Default, CommonWords.Default.Contains);
}
