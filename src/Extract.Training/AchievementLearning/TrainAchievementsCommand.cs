using System.Globalization;
using Extract.Calendar;
using Extract.Evaluation;
using Extract.Learning;
using Extract.Recognition;
using Extract.Recognition.Achievements;
using Extract.Recognition.Dates;
using Extract.Recognition.Numbers;

namespace Extract.Training.AchievementLearning;

/// <summary>
/// <c>train-achievements --gold corpus/entities [--cv 5] [--entities merged]</c>: which quantities are achievements, as a
/// FastTree classifier over the candidates of <see cref="AchievementCandidates"/> (the rule filter's verdict is one feature),
/// cross-validated by article against the rule filter on the same candidates: (value, unit) precision, recall and F1 against
/// every gold achievement (those no candidate reaches count as missed for both).
/// </summary>
internal static class TrainAchievementsCommand
{
    private static readonly TreeSettings Settings = new(Trees: 200, Leaves: 16, MinLeaf: 10, LearningRate: 0.1);

    public static int Run(string[] args)
    {
        if (CommandArgs.Option(args, "--gold") is not { } goldDirectory)
        {
            Console.Error.WriteLine("usage: train-achievements --gold DIR [--cv 5] [--entities merged|learned|rules|tagger] [--threshold 0.5] [--add-threshold 0.5] [--dump FILE] [--drop-from N] [--test DIR] [--out models/achievements/achievements.zip]");
            return 2;
        }

        var folds = int.Parse(CommandArgs.Option(args, "--cv") ?? "5", CultureInfo.InvariantCulture);
        var strategy = Enum.Parse<EntityStrategy>(CommandArgs.Option(args, "--entities") ?? "Merged", ignoreCase: true);
        var extractor = new ArticleExtractor(ExtractorOptions.Default with { Entities = strategy });
        var recognizers = new List<IRecognizer> { new DateRecognizer(), new QuantityRecognizer() };
        recognizers.AddRange(ArticleExtractor.EntityRecognizers(strategy));
        var dropFrom = int.Parse(CommandArgs.Option(args, "--drop-from") ?? AchievementCandidates.Count.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var articles = new List<(string Id, List<AchievementCandidateRow> Rows, List<bool> Rule, List<bool> Vetoed, int Gold, List<string> Texts)>();
        void Load(string directory, List<(string Id, List<AchievementCandidateRow> Rows, List<bool> Rule, List<bool> Vetoed, int Gold, List<string> Texts)> into)
        {
            foreach (var gold in GoldSet.Load(directory))
            {
                var (_, document) = extractor.Prepare(gold.Source(), CancellationToken.None);
                var found = Mentions.Empty;
                foreach (var recognizer in recognizers)
                {
                    found = recognizer.Recognize(document, found, CancellationToken.None);
                }

                var candidates = AchievementCandidates.For(document, found);
                var remaining = gold.Gold.Achievements.Select(a => (a.Value, a.Unit)).ToList();
                var rows = new List<AchievementCandidateRow>();
                foreach (var candidate in candidates)
                {
                    var key = (candidate.Quantity.Value / 1.000000000000000000000000000000000m, candidate.Quantity.Unit);
                    var index = remaining.FindIndex(g => g.Value == key.Item1 && g.Unit == key.Unit);
                    if (index >= 0)
                    {
                        remaining.RemoveAt(index);
                    }

                    // --drop-from N: features N and later read as 0 (an ablation: what the later layout's features add under CV).
                    var features = dropFrom < AchievementCandidates.Count ? [.. candidate.Features.Select((v, k) => k < dropFrom ? v : 0f)] : candidate.Features;
                    rows.Add(new AchievementCandidateRow { Features = features, Label = index >= 0 });
                }

                into.Add((gold.Id, rows, [.. candidates.Select(c => c.RuleVerdict)], [.. candidates.Select(c => c.Vetoed)], gold.Gold.Achievements.Length,
                    [.. candidates.Select(c => $"{c.Quantity.Value / 1.000000000000000000000000000000000m} {c.Quantity.Unit}\t{document.Body[c.Clause.Start..c.Clause.End]}")]));
            }
        }

        Load(goldDirectory, articles);
        Console.WriteLine($"{articles.Count} articles, {articles.Sum(a => a.Rows.Count)} candidates, {articles.Sum(a => a.Rows.Count(r => r.Label))} reach gold, {articles.Sum(a => a.Gold)} gold");
        var rule = default(FieldScore);
        var learned = new Dictionary<float, FieldScore>();
        var hybrid = new Dictionary<(float Low, float High), FieldScore>();
        float[] lows = [0.05f, 0.1f, 0.15f, 0.2f, 0.3f, 0.4f, 0.5f];
        float[] highs = [0.5f, 0.7f, 0.9f, 1.01f];
        lows = [.. lows.Append(float.Parse(CommandArgs.Option(args, "--threshold") ?? "0.5", CultureInfo.InvariantCulture)).Distinct().Order()];
        highs = [.. highs.Append(float.Parse(CommandArgs.Option(args, "--add-threshold") ?? "0.5", CultureInfo.InvariantCulture)).Distinct().Order()];
        float[] thresholds = [0.3f, 0.4f, 0.5f, 0.6f, 0.7f];
        var preset = float.Parse(CommandArgs.Option(args, "--threshold") ?? "0.5", CultureInfo.InvariantCulture);
        thresholds = [.. thresholds.Append(preset).Distinct().Order()];
        // --dump FILE: every candidate's cross-validated probability beside its label, rule verdict and clause (to read the errors by kind).
        var dump = CommandArgs.Option(args, "--dump") is { } dumpPath ? new StreamWriter(dumpPath) : null;
        for (var fold = 0; fold < folds; fold++)
        {
            var train = articles.Where((_, i) => i % folds != fold).SelectMany(a => a.Rows.Where((_, j) => !a.Vetoed[j])).ToList();
            var zip = ModelZip.FitFastTree(train, Settings, LearnedModel<AchievementCandidateRow, BinaryScore>.Seed);
            var model = LearnedModel<AchievementCandidateRow, BinaryScore>.FromStream(new MemoryStream(zip), "fold");
            foreach (var article in articles.Where((_, i) => i % folds == fold))
            {
                var scores = model.Transform(article.Rows).Select(s => s.Probability).ToList();
                rule += Score(article.Rows, article.Rule, article.Gold);
                for (var j = 0; dump is not null && j < scores.Count; j++)
                {
                    dump.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{article.Id}\t{(article.Rows[j].Label ? 1 : 0)}\t{(article.Rule[j] ? 1 : 0)}\t{(article.Vetoed[j] ? 1 : 0)}\t{scores[j]:0.000}\t{article.Texts[j]}"));
                }

                foreach (var low in lows)
                {
                    foreach (var high in highs)
                    {
                        hybrid[(low, high)] = hybrid.GetValueOrDefault((low, high)) + Score(article.Rows, [.. scores.Select((p, j) => !article.Vetoed[j] && p >= (article.Rule[j] ? low : high))], article.Gold);
                    }
                }

                foreach (var t in thresholds)
                {
                    learned[t] = learned.GetValueOrDefault(t) + Score(article.Rows, [.. scores.Select((p, j) => p >= t && !article.Vetoed[j])], article.Gold);
                }
            }
        }

        dump?.Dispose();
        Console.WriteLine($"rule filter      P {rule.Precision:0.000}  R {rule.Recall:0.000}  F1 {rule.F1:0.000}  {rule.TruePositives}/{rule.Predicted}/{rule.Gold}");
        foreach (var t in thresholds)
        {
            var s = learned[t];
            Console.WriteLine($"FastTree ≥ {t:0.0}   P {s.Precision:0.000}  R {s.Recall:0.000}  F1 {s.F1:0.000}  {s.TruePositives}/{s.Predicted}/{s.Gold}   ({folds}-fold CV by article)");
        }

        foreach (var ((low, high), s) in hybrid.OrderBy(h => h.Key.Low).ThenBy(h => h.Key.High))
        {
            Console.WriteLine($"rule kept ≥ {low:0.00}, else ≥ {high:0.00}   P {s.Precision:0.000}  R {s.Recall:0.000}  F1 {s.F1:0.000}  {s.TruePositives}/{s.Predicted}/{s.Gold}");
        }

        if (CommandArgs.Option(args, "--test") is { } testDirectory)
        {
            // --test DIR: the model fitted on every --gold article, scored on another annotated set (a development set).
            var tests = new List<(string Id, List<AchievementCandidateRow> Rows, List<bool> Rule, List<bool> Vetoed, int Gold, List<string> Texts)>();
            Load(testDirectory, tests);
            var fitted = LearnedModel<AchievementCandidateRow, BinaryScore>.FromStream(
                new MemoryStream(ModelZip.FitFastTree([.. articles.SelectMany(a => a.Rows.Where((_, j) => !a.Vetoed[j]))], Settings, LearnedModel<AchievementCandidateRow, BinaryScore>.Seed)), "test");
            var testRule = default(FieldScore);
            var testHybrid = new Dictionary<(float Low, float High), FieldScore>();
            foreach (var article in tests)
            {
                var scores = fitted.Transform(article.Rows).Select(s => s.Probability).ToList();
                testRule += Score(article.Rows, article.Rule, article.Gold);
                foreach (var low in lows)
                {
                    foreach (var high in highs)
                    {
                        testHybrid[(low, high)] = testHybrid.GetValueOrDefault((low, high)) + Score(article.Rows, [.. scores.Select((p, j) => !article.Vetoed[j] && p >= (article.Rule[j] ? low : high))], article.Gold);
                    }
                }
            }

            Console.WriteLine($"test {testDirectory}: rule filter   P {testRule.Precision:0.000}  R {testRule.Recall:0.000}  F1 {testRule.F1:0.000}  {testRule.TruePositives}/{testRule.Predicted}/{testRule.Gold}");
            foreach (var ((low, high), s) in testHybrid.OrderBy(h => h.Key.Low).ThenBy(h => h.Key.High))
            {
                Console.WriteLine($"test: rule kept ≥ {low:0.00}, else ≥ {high:0.00}   P {s.Precision:0.000}  R {s.Recall:0.000}  F1 {s.F1:0.000}  {s.TruePositives}/{s.Predicted}/{s.Gold}");
            }
        }

        var threshold = float.Parse(CommandArgs.Option(args, "--threshold") ?? "0.5", CultureInfo.InvariantCulture);
        var add = float.Parse(CommandArgs.Option(args, "--add-threshold") ?? CommandArgs.Option(args, "--threshold") ?? "0.5", CultureInfo.InvariantCulture);
        if (CommandArgs.Option(args, "--out") is { } output)
        {
            var all = articles.SelectMany(a => a.Rows.Where((_, j) => !a.Vetoed[j])).ToList();
            var zip = ModelZip.Reproducible(
                ModelZip.FitFastTree(all, Settings, LearnedModel<AchievementCandidateRow, BinaryScore>.Seed),
                (AchievementDecisionModel.DecisionEntry, AchievementDecisionModel.DecisionText(threshold, add)));
            File.WriteAllBytes(output, zip);
            FlattenTreesCommand.WriteBeside(output);
            var chosen = add == threshold ? learned.GetValueOrDefault(threshold) : hybrid.GetValueOrDefault((threshold, add));
            ModelZip.WriteScore(
                output,
                zip,
                $"achievement decision (ML.NET FastTree binary over AchievementCandidates v{AchievementCandidates.Version}, {AchievementCandidates.Count} features, the rule filter's verdict among them)",
                "train-achievements " + string.Join(' ', args),
                LearnedModel<AchievementCandidateRow, BinaryScore>.Seed,
                Settings,
                [
                    new("threshold", threshold),
                    new("addThreshold", add),
                    new("articles", articles.Count),
                    new("candidates", all.Count),
                    new("positives", all.Count(r => r.Label)),
                    new("gold", articles.Sum(a => a.Gold)),
                    new("cvFolds", folds),
                    new("cv", new { precision = Math.Round(chosen.Precision, 3), recall = Math.Round(chosen.Recall, 3), f1 = Math.Round(chosen.F1, 3) }),
                    new("ruleFilterSameCandidates", new { precision = Math.Round(rule.Precision, 3), recall = Math.Round(rule.Recall, 3), f1 = Math.Round(rule.F1, 3) }),
                ]);
            Console.WriteLine($"wrote {output} ({zip.Length} bytes), threshold {threshold}");
        }

        return 0;
    }

    private static FieldScore Score(List<AchievementCandidateRow> rows, List<bool> kept, int gold) =>
        new(rows.Where((r, i) => kept[i] && r.Label).Count(), kept.Count(k => k), gold);
}
