using Extract.Recognition.Entities;
using Extract.Calendar;
namespace Extract.Training;

/// <summary><c>show-entities FILE</c>: prints the people, organisations and places the extractor finds in a text file, with spans, levels, codes and paths.</summary>
internal static class ShowEntitiesCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: show-entities FILE");
            return 2;
        }

        var result = ArticleExtractor.Default.Extract(ArticleSource.FromText(Path.GetFileName(args[0]), File.ReadAllText(args[0])));
        if (result.Article is not { } article)
        {
            Console.Error.WriteLine(result.Error);
            return 1;
        }

        foreach (var p in article.People)
        {
            Console.WriteLine($"PER {p.Name} roles=[{string.Join(" | ", p.Roles)}] org={p.Organization} {string.Join(' ', p.Mentions.Select(m => $"[{m.Start},{m.End})"))}");
        }

        foreach (var o in article.Organizations)
        {
            Console.WriteLine($"ORG {o.Name} {o.Kind} {string.Join(' ', o.Mentions.Select(m => $"[{m.Start},{m.End})"))}");
        }

        foreach (var p in article.Places)
        {
            Console.WriteLine($"LOC {p.Name} {p.Level} {p.Code} {string.Join('/', p.Path)} {string.Join(' ', p.Mentions.Select(m => $"[{m.Start},{m.End})"))}");
        }

        if (args.Contains("--candidates"))
        {
            // Every hypothesis the learned decision weighs, with its sources and probability.
            var preparer = new ArticleExtractor(ExtractorOptions.Default with { Entities = EntityStrategy.Rules });
            var (_, prepared) = preparer.Prepare(ArticleSource.FromText(Path.GetFileName(args[0]), File.ReadAllText(args[0])), CancellationToken.None);
            var found = Recognition.Mentions.Empty;
            foreach (var recognizer in new Recognition.IRecognizer[] { new Recognition.Tagging.NameTagRecognizer(Recognition.Tagging.NameTagger.Default) }.Concat(ArticleExtractor.EntityRecognizers(EntityStrategy.Rules)))
            {
                found = recognizer.Recognize(prepared, found, CancellationToken.None);
            }

            var (candidates, document) = Recognition.Entities.EntityDecision.Hypotheses(Recognition.Entities.EntityMerger.HandMerge(), prepared, found, CancellationToken.None);
            var features = new Recognition.Entities.EntityCandidateFeatures(Recognition.Tagging.TaggerResources.Default, Resources.CommonWords.Default.Contains);
            var model = Recognition.Entities.EntityDecisionModel.Default;
            var probabilities = model.Score(features, document, candidates, CancellationToken.None);
            var kept = Recognition.Entities.EntityDecision.Select(candidates, probabilities, model.Thresholds(document, candidates)).ToHashSet();
            for (var i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                Console.WriteLine($"CAND {(kept.Contains(c) ? '+' : ' ')} {probabilities[i]:F2} {c.Type} {prepared.Body[c.Span.Start..c.Span.End]} [{c.Sources}] margin={c.Margin:F0}");
            }
        }

        if (args.Contains("--tagged"))
        {
            // The tagger's raw names over the extracted body, with margins, before the merge weighs them.
            var body = article.Body;
            var paragraphs = new List<TextSpan>();
            for (var start = 0; start < body.Length;)
            {
                var end = body.IndexOf('\n', start);
                end = end < 0 ? body.Length : end;
                paragraphs.Add(new TextSpan(start, end));
                start = end + 1;
            }

            var tokens = new Tokens.TokenStage(Segmentation.PosSegmenter.Default).Tokenize(body, CancellationToken.None);
            var document = new Recognition.DocumentText(body, [.. paragraphs], tokens, Calendar.ReferenceDates.Create(null, null, null, null));
            var tagged = new Recognition.Tagging.NameTagRecognizer(Recognition.Tagging.NameTagger.Default).Recognize(document, Recognition.Mentions.Empty, CancellationToken.None);
            foreach (var name in tagged.TaggedNames)
            {
                Console.WriteLine($"TAG {name.Type} {body[name.Span.Start..name.Span.End]} margin={name.Margin:F2} [{name.Span.Start},{name.Span.End})");
            }
        }

        return 0;
    }
}
