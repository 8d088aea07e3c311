using System.Diagnostics;
using System.Globalization;
using Extract.Recognition;
using Extract.Recognition.Tagging;
using Extract.Training.Ner;
using Extract.Recognition.Entities;
using Extract.Calendar;

namespace Extract.Training;

/// <summary>
/// <c>eval-ner [--msra testright1.txt] [--limit N] [--strategies rules,tagger,merged,learned] [--model ner.bin.gz]
/// [--entities-model entities.zip] [--errors FILE]</c>:
/// runs the product's entity recognisers over each sentence of the MSRA NER test set (SIGHAN 2006, text/TAG chunks)
/// with the product's POS tokens, once per <see cref="EntityStrategy"/>, and prints per-type and overall precision,
/// recall and F1 with exact span match (places → LOC, organisations → ORG, people → PER), plus sentences per second.
/// <c>--model</c> also scores a tagger model file alone. Research data: read, never shipped.
/// </summary>
internal static class EvalNerCommand
{
    public static int Run(string[] args)
    {
        var path = CommandArgs.Option(args, "--msra") ?? "../shared/data/msra-ner/original/testright1.txt";
        var limit = int.Parse(CommandArgs.Option(args, "--limit") ?? "0", CultureInfo.InvariantCulture);
        var strategies = (CommandArgs.Option(args, "--strategies") ?? "rules,tagger,merged,learned")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Enum.Parse<EntityStrategy>(s, ignoreCase: true))
            .ToList();
        var sentences = NerCorpus.ReadMsra(path);
        if (limit > 0)
        {
            sentences = [.. sentences.Take(limit)];
        }

        var clock = Stopwatch.StartNew();
        _ = NameTagger.Default;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger model loaded in {clock.ElapsedMilliseconds} ms (embedded {NameTagger.ResourceName}, {NameTagger.Default.Model.FeatureCount} features)"));
        var tokens = sentences.Select(s => TrainNerCommand.Tokens(s.Text)).ToList();
        var references = ReferenceDates.Create(null, null, null, null);
        Console.WriteLine($"MSRA NER test ({Path.GetFileName(path)}), {sentences.Count} sentences, exact span match, the product's POS tokens");
        Recognition.Entities.EntityDecisionModel? decision = null;
        if (CommandArgs.Option(args, "--entities-model") is { } entitiesModel)
        {
            using var stream = File.OpenRead(entitiesModel);
            decision = Recognition.Entities.EntityDecisionModel.FromStream(stream, entitiesModel);
        }
        else if (strategies.Contains(EntityStrategy.Learned))
        {
            clock.Restart();
            decision = Recognition.Entities.EntityDecisionModel.Default;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"entity-decision model loaded in {clock.ElapsedMilliseconds} ms (embedded {Recognition.Entities.EntityDecisionModel.ResourceName}, threshold {decision.Threshold}, kept {decision.KeptThreshold})"));
        }

        foreach (var strategy in strategies)
        {
            var recognizers = ArticleExtractor.EntityRecognizers(strategy, decision).ToList();
            var counts = new Dictionary<NameType, ScoreSeedsCommand.Counts>();
            var joined = new Dictionary<NameType, ScoreSeedsCommand.Counts>();
            clock.Restart();
            for (var s = 0; s < sentences.Count; s++)
            {
                var text = sentences[s].Text;
                var document = new DocumentText(text, [new TextSpan(0, text.Length)], [.. tokens[s]], references);
                var mentions = Mentions.Empty;
                foreach (var recognizer in recognizers)
                {
                    mentions = recognizer.Recognize(document, mentions, CancellationToken.None);
                }

                var predicted = Predicted(mentions).ToList();
                NerScoring.Add(counts, predicted, sentences[s].Names);
                NerScoring.Add(joined, WithoutNestedPlaces(predicted), sentences[s].Names);
            }

            var rate = sentences.Count / clock.Elapsed.TotalSeconds;
            NerScoring.Print(string.Create(CultureInfo.InvariantCulture, $"{strategy.ToString().ToLowerInvariant()} ({rate:0} sentences/s, tokens given)"), counts);
            var all = joined.Values.Aggregate(new ScoreSeedsCommand.Counts(), (a, c) => a.Add(c.Correct, c.Got, c.Gold));
            var loc = joined.GetValueOrDefault(NameType.Location);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  without places inside organisations (MSRA's convention): LOC F1 {loc.F1:F4}, all P {all.Precision:F4} R {all.Recall:F4} F1 {all.F1:F4}"));
        }

        if (CommandArgs.Option(args, "--model") is { } model)
        {
            using var errors = CommandArgs.Option(args, "--errors") is { } errorPath ? new StreamWriter(errorPath) : null;
            var tagger = new NameTagger(NameTagger.Load(File.OpenRead(model), model), TaggerResources.Default);
            NerScoring.Print($"model file {model} alone", NerScoring.Score(sentences, tagger, errors));
        }

        return 0;
    }

    /// <summary>
    /// The record counts a place written inside an organisation's name (零陵区 in 零陵区税务局, ANNOTATION.md); MSRA never
    /// tags those. For a second score under MSRA's convention they are left out.
    /// </summary>
    private static List<(TextSpan Span, NameType Type)> WithoutNestedPlaces(List<(TextSpan Span, NameType Type)> predicted) =>
        [.. predicted.Where(p => p.Type != NameType.Location
            || !predicted.Any(o => o.Type == NameType.Organization && Recognition.Names.NameText.Within(p.Span, o.Span) && o.Span != p.Span))];

    private static IEnumerable<(TextSpan Span, NameType Type)> Predicted(Mentions mentions) =>
        mentions.Places.Select(p => (p.Span, NameType.Location))
            .Concat(mentions.Organizations.Select(o => (o.Span, NameType.Organization)))
            .Concat(mentions.People.Where(p => p.Span.HasValue).Select(p => (p.Span!.Value, NameType.Person)));
}
