using System.Diagnostics;
using System.Globalization;
using Extract.Evaluation;
using Extract.Recognition;

namespace Extract.Training.EntityLearning;

/// <summary>
/// <c>bench-entities DIR [--repeat N] [--strategies merged,learned]</c>: the cost of stage 5's entity recognisers alone,
/// per recogniser, per strategy, over a gold folder's articles (stages 1–4 run once, outside the clock), alternating
/// strategies on every pass so load on a shared machine falls on both alike. Prints milliseconds per document, fastest
/// pass of <c>--repeat</c>.
/// </summary>
internal static class BenchEntitiesCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: bench-entities DIR [--repeat N] [--strategies merged,learned]");
            return 2;
        }

        var repeat = int.Parse(CommandArgs.Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture);
        var strategies = (CommandArgs.Option(args, "--strategies") ?? "merged,learned")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Enum.Parse<EntityStrategy>(s, ignoreCase: true))
            .ToList();
        var preparer = new ArticleExtractor(ExtractorOptions.Default with { Entities = EntityStrategy.Rules, MaxDegreeOfParallelism = 1 });
        var documents = GoldSet.Load(args[0]).Select(g => preparer.Prepare(g.Source(), CancellationToken.None).Document).ToList();
        var chains = strategies.ToDictionary(s => s, s => ArticleExtractor.EntityRecognizers(s).ToList());
        var best = strategies.ToDictionary(s => s, s => new double[chains[s].Count]);
        var bestTotal = strategies.ToDictionary(s => s, _ => double.MaxValue);
        var bestCpu = strategies.ToDictionary(s => s, _ => double.MaxValue);
        foreach (var strategy in strategies)
        {
            Array.Fill(best[strategy], double.MaxValue);
        }

        for (var pass = 0; pass <= repeat; pass++)
        {
            foreach (var strategy in strategies)
            {
                var chain = chains[strategy];
                var elapsed = new double[chain.Count];
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var document in documents)
                {
                    var found = Mentions.Empty;
                    for (var r = 0; r < chain.Count; r++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        found = chain[r].Recognize(document, found, CancellationToken.None);
                        elapsed[r] += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    }
                }

                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / documents.Count;
                if (pass == 0)
                {
                    continue; // warm-up: JIT, model load
                }

                for (var r = 0; r < chain.Count; r++)
                {
                    best[strategy][r] = Math.Min(best[strategy][r], elapsed[r] / documents.Count);
                }

                bestTotal[strategy] = Math.Min(bestTotal[strategy], elapsed.Sum() / documents.Count);
                bestCpu[strategy] = Math.Min(bestCpu[strategy], cpuMs);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{documents.Count} documents, fastest of {repeat} passes, ms per document (stage 5 entity recognisers only)"));
        foreach (var strategy in strategies)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{strategy.ToString().ToLowerInvariant(),-8} total {bestTotal[strategy],7:F2}   process CPU {bestCpu[strategy],7:F2}"));
            for (var r = 0; r < chains[strategy].Count; r++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {chains[strategy][r].GetType().Name,-24} {best[strategy][r],7:F2}"));
            }
        }

        if (args.Contains("--parts"))
        {
            Parts(documents, repeat);
        }

        return 0;
    }

    // The learned decision's parts, each over every document, by process CPU time (fastest pass).
    private static void Parts(List<DocumentText> documents, int repeat)
    {
        var sources = ArticleExtractor.EntityRecognizers(EntityStrategy.Rules).ToList();
        var tagger = new Recognition.Tagging.NameTagRecognizer(Recognition.Tagging.NameTagger.Default);
        var found = documents.Select(d => sources.Aggregate(tagger.Recognize(d, Mentions.Empty, CancellationToken.None), (m, r) => r.Recognize(d, m, CancellationToken.None))).ToList();
        var merge = Recognition.Entities.EntityMerger.HandMerge();
        var features = new Recognition.Entities.EntityCandidateFeatures(Recognition.Tagging.TaggerResources.Default, Resources.CommonWords.Default.Contains);
        var model = Recognition.Entities.EntityDecisionModel.Default;
        var candidates = found.Select(Recognition.Entities.EntityCandidates.Collect).ToList();
        var kept = documents.Select((d, i) => Recognition.Entities.EntityMerger.Kept(merge.Recognize(d, found[i], CancellationToken.None), d.Body)).ToList();
        var featureDocuments = documents.Select((d, i) => new Recognition.Entities.EntityCandidateFeatures.Document(d.Body, d.Tokens, candidates[i], kept[i])).ToList();
        var rows = candidates.Select((c, i) =>
        {
            var block = new float[c.Count * Recognition.Entities.EntityCandidateFeatures.Count];
            for (var k = 0; k < c.Count; k++)
            {
                features.Write(featureDocuments[i], c[k], block.AsSpan(k * Recognition.Entities.EntityCandidateFeatures.Count, Recognition.Entities.EntityCandidateFeatures.Count));
            }

            return block;
        }).ToList();
        var parts = new (string Name, Action<int> Run)[]
        {
            ("collect", i => Recognition.Entities.EntityCandidates.Collect(found[i])),
            ("hand merge", i => merge.Recognize(documents[i], found[i], CancellationToken.None)),
            ("feature document", i => _ = new Recognition.Entities.EntityCandidateFeatures.Document(documents[i].Body, documents[i].Tokens, candidates[i], kept[i])),
            ("features", i =>
            {
                var block = new float[Recognition.Entities.EntityCandidateFeatures.Count];
                foreach (var c in candidates[i])
                {
                    features.Write(featureDocuments[i], c, block);
                }
            }),
            ("trees", i => model.Trees!.Probabilities(rows[i], candidates[i].Count, Recognition.Entities.EntityCandidateFeatures.Count, new float[candidates[i].Count])),
            ("engine (features + predict)", i => model.ScoreWithEngine(features, featureDocuments[i], candidates[i], CancellationToken.None)),
        };
        foreach (var (name, run) in parts)
        {
            var best = double.MaxValue;
            for (var pass = 0; pass <= repeat; pass++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < documents.Count; i++)
                {
                    run(i);
                }

                var ms = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / documents.Count;
                best = pass == 0 ? best : Math.Min(best, ms);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  part {name,-28} {best,7:F3} ms CPU per document"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {candidates.Average(c => c.Count):F1} hypotheses per document, trees' mean depth {model.Trees!.MeanDepth:F1}"));
    }
}
