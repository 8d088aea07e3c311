using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Extract.Learning;
using Extract.Recognition;
using Extract.Recognition.Entities;
using Extract.Recognition.Names;
using Extract.Recognition.Tagging;
using Extract.Training.Ner;

namespace Extract.Training.EntityLearning;

/// <summary>
/// <c>train-entities --msra train1.txt.gz [--out models/entities/entities.zip] [--folds 4] [--seed 42] [--dev 0.1]
/// [--tagger-epochs 10] [--tags CACHE.tsv] [--articles DIR [--article-weight 20] [--cv K] [--tagger-articles R [--tagger-cache DIR]]]</c>: trains the entity decision. The training file is split as train-ner
/// splits it (same seed and share, so the shipped tagger never saw the dev sentences); the training part is cut into
/// folds and each fold is tagged by a tagger trained on the other folds, so the decision learns how far to trust tagger
/// names it did not memorise; the dev part is tagged by the shipped tagger. Every (span, type) any source proposes
/// becomes a row labelled by exact match with the gold (brought to ANNOTATION.md's conventions, see
/// <see cref="EntityRows"/>); FastTree learns them with a fixed seed; the threshold that gives the best dev F1 after
/// decoding is stored in the zip. <c>--tags</c> caches the out-of-fold tags between runs.
/// </summary>
internal static class TrainEntitiesCommand
{
    public static readonly TreeSettings Settings = new(Trees: 400, Leaves: 31, MinLeaf: 20, LearningRate: 0.1);

    public static int Run(string[] args)
    {
        if (CommandArgs.Option(args, "--msra") is not { } msra)
        {
            Console.Error.WriteLine("usage: train-entities --msra train1.txt(.gz) [--articles DIR] [--article-weight 20] [--cv K] [--out models/entities/entities.zip] [--folds 4] [--seed 42] [--dev 0.1] [--tagger-epochs 10] [--tags CACHE.tsv] [--tagger-articles R [--tagger-cache DIR]]");
            return 2;
        }

        var output = CommandArgs.Option(args, "--out") ?? "models/entities/entities.zip";
        var folds = Int(args, "--folds", 4);
        var seed = Int(args, "--seed", 42);
        var taggerEpochs = Int(args, "--tagger-epochs", 10);
        var devShare = double.Parse(CommandArgs.Option(args, "--dev") ?? "0.1", CultureInfo.InvariantCulture);
        var articleWeight = float.Parse(CommandArgs.Option(args, "--article-weight") ?? "20", CultureInfo.InvariantCulture);
        var cvFolds = Int(args, "--cv", 0);
        var cache = CommandArgs.Option(args, "--tags");
        var total = Stopwatch.StartNew();

        var (train, dev, _) = TrainNerCommand.Split(NerCorpus.ReadMsra(msra), seed, devShare);
        Console.WriteLine($"MSRA: train {train.Length} sentences, dev {dev.Length}; seed {seed}, {folds} tagger folds");

        var trainTags = cache is not null && File.Exists(cache) ? ReadTags(cache, train) : OutOfFoldTags(train, dev, folds, seed, taggerEpochs);
        if (cache is not null && !File.Exists(cache))
        {
            WriteTags(cache, trainTags);
        }

        var watch = Stopwatch.StartNew();
        var trainSentences = BuildAll(train, trainTags);
        var devTags = new List<TaggedName>[dev.Length];
        Parallel.For(0, dev.Length, i => devTags[i] = EntityRows.Tag(NameTagger.Default, dev[i].Text, TrainNerCommand.Tokens(dev[i].Text)));
        var devSentences = BuildAll(dev, devTags);
        var features = EntityRows.Features();
        var rows = trainSentences.SelectMany(s => EntityRows.Rows(s, features)).ToList();
        Console.WriteLine($"{rows.Count} MSRA training rows ({rows.Count(r => r.Label)} positive), {devSentences.Sum(s => s.Candidates.Count)} dev rows, {EntityCandidateFeatures.Count} features, in {watch.Elapsed.TotalSeconds:F1}s");
        var reachable = trainSentences.Sum(s => s.Gold.Count(g => s.Candidates.Any(c => (c.Span, c.Type) == g)));
        Console.WriteLine($"gold names with a candidate (recall ceiling, train): {reachable}/{trainSentences.Sum(s => s.Gold.Count)}");

        // In-domain articles (NAME.txt + NAME.gold.json): few, so their rows weigh more. When the shipped tagger was
        // trained on them too (train-ner --articles, --tagger-articles R with its repeat), each article is tagged by a
        // tagger trained without its fold — the same folds as the cross-validation, which scores with those taggers.
        var articleCases = CommandArgs.Option(args, "--articles") is { } articleDirectory ? Evaluation.GoldSet.Load(articleDirectory) : [];
        var preparer = new ArticleExtractor(ExtractorOptions.Default with { Entities = EntityStrategy.Rules, MaxDegreeOfParallelism = 1 });
        var articleFolds = cvFolds > 1 ? cvFolds : 5;
        var taggers = CommandArgs.Option(args, "--tagger-articles") is { } repeat && articleCases.Length > 0
            ? ArticleFoldTaggers(preparer, articleCases, articleFolds, int.Parse(repeat, CultureInfo.InvariantCulture), train, dev, seed, taggerEpochs, CommandArgs.Option(args, "--tagger-cache"))
            : [.. Enumerable.Repeat(NameTagger.Default, articleFolds)];
        var articles = articleCases.Select((c, i) => EntityRows.BuildArticle(preparer, c, taggers[i % articleFolds]) with { Weight = articleWeight }).ToList();
        if (articles.Count > 0)
        {
            Console.WriteLine($"{articles.Count} articles: {articles.Sum(a => a.Candidates.Count)} rows ({articles.Sum(a => a.Gold.Count)} positive), weight {articleWeight}");
        }

        var articleThreshold = cvFolds > 1 && articles.Count >= cvFolds
            ? CrossValidate(articleCases, articles, rows, devSentences, features, taggers, seed)
            : ((float Threshold, float Kept)?)null;

        watch.Restart();
        var (_, threshold, zip) = Fit([.. rows, .. articles.SelectMany(a => EntityRows.Rows(a, features))], devSentences, features, seed, Console.Out);
        var keptThreshold = threshold;
        if (articleThreshold is { } chosen)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"thresholds {chosen.Threshold:F2} / kept {chosen.Kept:F2} from the held-out articles (MSRA dev's was {threshold:F2})"));
            zip = ModelZip.Reproducible(zip, (EntityDecisionModel.DecisionEntry, EntityDecisionModel.DecisionText(chosen.Threshold, chosen.Kept)));
            (threshold, keptThreshold) = chosen;
        }

        Console.WriteLine($"FastTree: {Settings}; threshold {threshold:F2}, kept {keptThreshold:F2}; {watch.Elapsed.TotalSeconds:F1}s");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllBytes(output, zip);
        FlattenTreesCommand.WriteBeside(output);
        Console.WriteLine($"wrote {output}: {zip.Length / 1024.0:F0} KB; {total.Elapsed.TotalSeconds:F0}s in all");
        return 0;
    }

    /// <summary>
    /// Trains on <paramref name="rows"/>, picks the threshold with the best decoded F1 on the MSRA dev split (a grid),
    /// and returns the model, the threshold and the zip to ship.
    /// </summary>
    private static (EntityDecisionModel Model, float Threshold, byte[] Zip) Fit(
        IReadOnlyList<EntityCandidateRow> rows, IReadOnlyList<SentenceCandidates> dev, EntityCandidateFeatures features, int seed, TextWriter log)
    {
        var zip = Train(rows, seed);
        var model = Load(zip, EntityDecisionModel.DecisionText(0.5f), "trained");
        var probabilities = dev.Select(s => model.Score(features, s.Document, s.Candidates, CancellationToken.None)).ToList();
        var bestThreshold = 0.5f;
        var bestF1 = -1.0;
        log.WriteLine("MSRA dev, decoded (converted gold):");
        for (var t = 0.2f; t <= 0.801f; t += 0.05f)
        {
            var counts = Decode(dev, probabilities, t);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  threshold {t:F2}: P {counts.Precision:F4} R {counts.Recall:F4} F1 {counts.F1:F4}"));
            if (counts.F1 > bestF1)
            {
                bestF1 = counts.F1;
                bestThreshold = MathF.Round(t, 2);
            }
        }

        var final = ModelZip.Reproducible(zip, (EntityDecisionModel.DecisionEntry, EntityDecisionModel.DecisionText(bestThreshold)));
        using var stream = new MemoryStream(final, writable: false);
        return (EntityDecisionModel.FromStream(stream, "trained"), bestThreshold, final);
    }

    /// <summary>
    /// Article-level cross-validation: each fold's articles are scored by a model trained on the MSRA rows and the other
    /// folds' articles. The threshold with the best decoded F1 over all held-out articles (a grid, exact spans against
    /// the gold surfaces) is returned for the shipped model: the articles are the domain, MSRA's dev split is not. Each
    /// fold is then scored end to end (people, organisations, places, as <c>extract eval</c> scores them) at that
    /// threshold and at its MSRA dev threshold, beside the hand merge, the tagger and the rules on the same articles.
    /// </summary>
    private static (float Threshold, float Kept) CrossValidate(
        IReadOnlyList<Evaluation.GoldCase> cases, List<SentenceCandidates> articles, List<EntityCandidateRow> msraRows,
        List<SentenceCandidates> dev, EntityCandidateFeatures features, IReadOnlyList<NameTagger> taggers, int seed)
    {
        var folds = taggers.Count;
        var models = new (byte[] Zip, float Threshold)[folds];
        var held = new List<SentenceCandidates>();
        var heldProbabilities = new List<float[]>();
        for (var fold = 0; fold < folds; fold++)
        {
            var trainRows = msraRows.Concat(articles.Where((_, i) => i % folds != fold).SelectMany(a => EntityRows.Rows(a, features))).ToList();
            var (model, threshold, zip) = Fit(trainRows, dev, features, seed, TextWriter.Null);
            models[fold] = (zip, threshold);
            foreach (var article in articles.Where((_, i) => i % folds == fold))
            {
                held.Add(article);
                heldProbabilities.Add(model.Score(features, article.Document, article.Candidates, CancellationToken.None));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cv fold {fold + 1}/{folds}: trained, MSRA dev threshold {threshold:F2}"));
        }

        // A grid over both thresholds: one for the hypotheses the hand merge kept, one for the rest. The diagonal is the
        // single threshold (decoded once, as `single`); the pair with the best F1 over every held-out article is shipped.
        Console.WriteLine("held-out articles, decoded (exact spans against the gold surfaces), best kept-threshold per threshold:");
        var best = (Threshold: 0.5f, Kept: 0.5f, F1: -1.0);
        float[] keptGrid = [0.01f, 0.02f, 0.05f, 0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f, 0.65f, 0.7f, 0.75f, 0.8f];
        for (var t = 0.2f; t <= 0.801f; t += 0.05f)
        {
            var threshold = MathF.Round(t, 2);
            var single = Decode(held, heldProbabilities, threshold);
            var row = (Kept: threshold, Counts: single);
            foreach (var kept in keptGrid.Where(k => k != threshold))
            {
                var counts = Decode(held, heldProbabilities, threshold, kept);
                if (counts.F1 > row.Counts.F1)
                {
                    row = (kept, counts);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  threshold {threshold:F2}: single P {single.Precision:F4} R {single.Recall:F4} F1 {single.F1:F4}; kept {row.Kept:F2}: P {row.Counts.Precision:F4} R {row.Counts.Recall:F4} F1 {row.Counts.F1:F4}"));
            if (row.Counts.F1 > best.F1)
            {
                best = (threshold, row.Kept, row.Counts.F1);
            }
        }

        var scored = new List<Evaluation.ArticleScore>();
        var scoredAtDev = new List<Evaluation.ArticleScore>();
        var mergedScored = new List<Evaluation.ArticleScore>();
        var taggerScored = new List<Evaluation.ArticleScore>();
        for (var fold = 0; fold < folds; fold++)
        {
            var heldCases = cases.Where((_, i) => i % folds == fold).ToImmutableArray();
            var atArticles = Load(models[fold].Zip, EntityDecisionModel.DecisionText(best.Threshold, best.Kept), "cv fold");
            var atDev = Load(models[fold].Zip, EntityDecisionModel.DecisionText(models[fold].Threshold), "cv fold");
            scored.AddRange(Evaluation.GoldEvaluator.Evaluate(Extractor(EntityStrategy.Learned, atArticles, taggers[fold]), heldCases).Articles);
            scoredAtDev.AddRange(Evaluation.GoldEvaluator.Evaluate(Extractor(EntityStrategy.Learned, atDev, taggers[fold]), heldCases).Articles);
            mergedScored.AddRange(Evaluation.GoldEvaluator.Evaluate(Extractor(EntityStrategy.Merged, null, taggers[fold]), heldCases).Articles);
            taggerScored.AddRange(Evaluation.GoldEvaluator.Evaluate(Extractor(EntityStrategy.Tagger, null, taggers[fold]), heldCases).Articles);
        }

        var rules = Evaluation.GoldEvaluator.Evaluate(new ArticleExtractor(ExtractorOptions.Default with { Entities = EntityStrategy.Rules }), [.. cases]);
        var merged = new Evaluation.EvalReport([.. mergedScored]);
        var tagger = new Evaluation.EvalReport([.. taggerScored]);
        var learned = new Evaluation.EvalReport([.. scored]);
        var learnedAtDev = new Evaluation.EvalReport([.. scoredAtDev]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"articles, {folds}-fold cross-validation (learned at the articles' thresholds {best.Threshold:F2} / kept {best.Kept:F2} and at each fold's MSRA dev threshold; tagger and hand merge with each fold's tagger) beside rules, P / R / F1:"));
        foreach (var field in new[] { "people", "organizations", "places", "entities" })
        {
            Console.WriteLine($"  {field,-14} rules {Format(rules.Total(field))}   tagger {Format(tagger.Total(field))}   merged {Format(merged.Total(field))}   learned@dev {Format(learnedAtDev.Total(field))}   learned {Format(learned.Total(field))}");
        }

        return (best.Threshold, best.Kept);
    }

    private static ArticleExtractor Extractor(EntityStrategy strategy, EntityDecisionModel? model, NameTagger tagger) =>
        new(ExtractorOptions.Default with { Entities = strategy, MaxDegreeOfParallelism = 1 }, model, tagger);

    /// <summary>
    /// One tagger per article fold (article i is in fold i mod <paramref name="folds"/>), trained as train-ner trains the
    /// shipped one — the MSRA training part plus the in-domain articles repeated <paramref name="repeat"/> times, early
    /// stopping on the MSRA dev part — but without the fold's articles.
    /// </summary>
    private static NameTagger[] ArticleFoldTaggers(
        ArticleExtractor preparer, IReadOnlyList<Evaluation.GoldCase> cases, int folds, int repeat, NerSentence[] train, NerSentence[] dev, int seed, int epochs, string? cacheDirectory)
    {
        var sentences = cases.Select(c => ArticleSentences.FromArticle(preparer, c).ToList()).ToList();
        var taggers = new NameTagger[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            var watch = Stopwatch.StartNew();
            var others = sentences.Where((_, i) => i % folds != fold).SelectMany(s => s).ToList();
            var training = (IReadOnlyList<NerSentence>)[.. train, .. Enumerable.Repeat(others, repeat).SelectMany(s => s)];
            var cached = cacheDirectory is null ? null : Path.Combine(cacheDirectory, $"article-fold-{fold + 1}-of-{folds}-{TaggerKey(training, dev, seed + fold, epochs)}.bin");
            if (cached is not null && File.Exists(cached))
            {
                taggers[fold] = Tagger(File.ReadAllBytes(cached), cached);
                Console.WriteLine($"article fold {fold + 1}/{folds}: tagger read from {cached}");
                continue;
            }

            var trained = TrainNerCommand.Train(training, dev, TaggerResources.Default, epochs, patience: 2, minCount: 1, new Random(seed + fold), TextWriter.Null);
            var bytes = TrainNerCommand.ToBytes(trained, prune: 1);
            taggers[fold] = Tagger(bytes, "in-memory model");
            if (cached is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
                File.WriteAllBytes(cached, bytes);
            }

            Console.WriteLine($"article fold {fold + 1}/{folds}: tagger trained on {train.Length} MSRA + {others.Count}x{repeat} article sentences (best epoch {trained.BestEpoch}, dev F1 {trained.DevF1:F4}), {watch.Elapsed.TotalSeconds:F0}s");
        }

        return taggers;

        static NameTagger Tagger(byte[] model, string name) => new(PerceptronModel.Read(model, name), TaggerResources.Default);
    }

    // A digest of everything a fold tagger is trained from (sentences, names, dev, seed, epochs): a cached tagger is
    // reused only for the same inputs, so an edited article or gold retrains its folds.
    private static string TaggerKey(IReadOnlyList<NerSentence> training, IReadOnlyList<NerSentence> dev, int seed, int epochs)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string value) => hash.AppendData(System.Text.Encoding.UTF8.GetBytes(value + "\u0001"));
        foreach (var sentence in training.Concat(dev))
        {
            Add(sentence.Text);
            foreach (var (span, type) in sentence.Names)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"{span.Start},{span.End},{(int)type}"));
            }
        }

        Add(string.Create(CultureInfo.InvariantCulture, $"{training.Count}/{dev.Count}/{seed}/{epochs}"));
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static string Format(Evaluation.FieldScore score) =>
        string.Create(CultureInfo.InvariantCulture, $"{score.Precision:F3} {score.Recall:F3} {score.F1:F3}");

    /// <summary>Fits FastTree on <paramref name="rows"/> (one thread, fixed seed) and returns the ML.NET zip.</summary>
    public static byte[] Train(IReadOnlyList<EntityCandidateRow> rows, int seed) => ModelZip.FitFastTree(rows, Settings, seed);

    /// <summary>Loads a trained zip with a decision entry, the way the library loads its embedded model.</summary>
    public static EntityDecisionModel Load(byte[] zip, string decision, string name)
    {
        using var stream = new MemoryStream(ModelZip.Reproducible(zip, (EntityDecisionModel.DecisionEntry, decision)), writable: false);
        return EntityDecisionModel.FromStream(stream, name);
    }

    /// <summary>Exact-span counts of the decoded hypotheses against the converted gold.</summary>
    public static ScoreSeedsCommand.Counts Decode(IReadOnlyList<SentenceCandidates> sentences, IReadOnlyList<float[]> probabilities, float threshold) =>
        Decode(sentences, probabilities, threshold, threshold);

    /// <summary>Exact-span counts with <paramref name="keptThreshold"/> for the hypotheses the hand merge kept.</summary>
    public static ScoreSeedsCommand.Counts Decode(IReadOnlyList<SentenceCandidates> sentences, IReadOnlyList<float[]> probabilities, float threshold, float keptThreshold)
    {
        var counts = new ScoreSeedsCommand.Counts();
        for (var s = 0; s < sentences.Count; s++)
        {
            var thresholds = EntityDecisionModel.Thresholds(sentences[s].Document, sentences[s].Candidates, threshold, keptThreshold);
            var kept = EntityDecision.Select(sentences[s].Candidates, probabilities[s], thresholds);
            counts = counts.Add(kept.Count(k => sentences[s].Gold.Contains((k.Span, k.Type))), kept.Count, sentences[s].Gold.Count);
        }

        return counts;
    }

    private static List<SentenceCandidates> BuildAll(IReadOnlyList<NerSentence> sentences, IReadOnlyList<List<TaggedName>> tags)
    {
        var built = new SentenceCandidates[sentences.Count];
        Parallel.For(0, sentences.Count, i => built[i] = EntityRows.Build(sentences[i], tags[i]));
        return [.. built];
    }

    private static List<TaggedName>[] OutOfFoldTags(NerSentence[] train, NerSentence[] dev, int folds, int seed, int epochs)
    {
        var tags = new List<TaggedName>[train.Length];
        for (var fold = 0; fold < folds; fold++)
        {
            var watch = Stopwatch.StartNew();
            var held = Enumerable.Range(0, train.Length).Where(i => i % folds == fold).ToList();
            var rest = Enumerable.Range(0, train.Length).Where(i => i % folds != fold).Select(i => train[i]).ToList();
            var trained = TrainNerCommand.Train(rest, dev, TaggerResources.Default, epochs, patience: 2, minCount: 1, new Random(seed + fold), TextWriter.Null);
            var tagger = TrainNerCommand.ToTagger(trained, prune: 1, TaggerResources.Default);
            Parallel.ForEach(held, i => tags[i] = EntityRows.Tag(tagger, train[i].Text, TrainNerCommand.Tokens(train[i].Text)));
            Console.WriteLine($"fold {fold + 1}/{folds}: tagger trained on {rest.Count} sentences (best epoch {trained.BestEpoch}, dev F1 {trained.DevF1:F4}), {held.Count} tagged, {watch.Elapsed.TotalSeconds:F0}s");
        }

        return tags;
    }

    private static void WriteTags(string path, List<TaggedName>[] tags)
    {
        using var writer = new StreamWriter(path);
        for (var i = 0; i < tags.Length; i++)
        {
            foreach (var name in tags[i])
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i}\t{name.Span.Start}\t{name.Span.End}\t{(int)name.Type}\t{name.Margin:R}"));
            }
        }
    }

    // The cache holds what the taggers read; the spans go through the tagger's own filter again (NameText.NameSpan), so a
    // cache written before a change to that filter reads as the taggers would tag now.
    private static List<TaggedName>[] ReadTags(string path, NerSentence[] sentences)
    {
        var tags = Enumerable.Range(0, sentences.Length).Select(_ => new List<TaggedName>()).ToArray();
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            var i = int.Parse(f[0], CultureInfo.InvariantCulture);
            var span = new TextSpan(int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture));
            if (NameText.NameSpan(sentences[i].Text, span) is { } at)
            {
                tags[i].Add(new TaggedName(at, (NameType)int.Parse(f[3], CultureInfo.InvariantCulture), float.Parse(f[4], CultureInfo.InvariantCulture)));
            }
        }

        Console.WriteLine($"out-of-fold tags read from {path}");
        return tags;
    }

    private static int Int(string[] args, string name, int fallback) =>
        CommandArgs.Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
