using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Extract.Training.PageEvaluation;
using Extract.Page;

namespace Extract.Training.PageLearning;

/// <summary>
/// <c>train-page --pages CV_DIR [EXTRA_DIR…] --out models/page/page.zip [--seed N] [--folds K] [--no-cv]</c>: builds block
/// rows from the gold sets (the first folder is the human-gold set that cross-validation scores; the others are extra
/// training data), prints grouped-by-site fold scores (each fold's pages scored by a model trained without that fold's
/// sites), then trains the final model on every page and writes it with its sha256 and a score.json beside it.
/// </summary>
internal static class TrainPageCommand
{
    public static int Run(string[] args)
    {
        var folders = Values(args, "--pages");
        var output = CommandArgs.Option(args, "--out");
        var seed = int.Parse(CommandArgs.Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var folds = int.Parse(CommandArgs.Option(args, "--folds") ?? "5", CultureInfo.InvariantCulture);
        if (folders.Count == 0 || output is null)
        {
            Console.Error.WriteLine("usage: train-page --pages CV_DIR [EXTRA_DIR...] --out models/page/page.zip [--seed N] [--folds K] [--no-cv]");
            return 2;
        }

        var started = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();
        var sets = folders.Select(GoldSets.Load).ToList();
        var cvPages = sets[0];
        var extra = sets.Skip(1).SelectMany(s => s).ToList();
        var score = new JsonObject
        {
            ["model"] = "page-block classifier (ML.NET FastTree binary) over Extract.Page.PageBlockFeatures",
            ["featureLayoutVersion"] = Extract.Page.PageBlockFeatures.Version,
            ["features"] = Extract.Page.PageBlockFeatures.Count,
            ["command"] = "dotnet run --project src/Extract.Training -c Release -- train-page " + string.Join(' ', args),
            ["seed"] = seed,
            ["trainer"] = new JsonObject
            {
                ["name"] = "FastTreeBinary",
                ["trees"] = PageTrainer.Settings.Trees,
                ["leaves"] = PageTrainer.Settings.Leaves,
                ["minExamplesPerLeaf"] = PageTrainer.Settings.MinLeaf,
                ["learningRate"] = PageTrainer.Settings.LearningRate,
                ["threads"] = 1,
            },
            ["data"] = new JsonArray([.. sets.Select(s => (JsonNode)new JsonObject { ["set"] = s.Count > 0 ? s[0].Set : "-", ["pages"] = s.Count, ["silver"] = s.Any(p => p.IsSilver) })]),
        };

        if (!args.Contains("--no-cv"))
        {
            var cv = PageCrossValidation.Run(cvPages, extra, folds, seed);
            var heuristic = EvalPageCommand.Measure(PageRun.Heuristic(), cvPages).Results;
            var foldScores = new JsonArray();
            Console.WriteLine($"{"fold",4} {"pages",5} {"sites",5} {"model F1",9} {"heuristic F1",13}");
            for (var fold = 0; fold < folds; fold++)
            {
                var members = Enumerable.Range(0, cvPages.Count).Where(i => cv.Folds.FoldOf[i] == fold).ToList();
                var model = members.Average(i => TextOverlap.Score(cv.Results[i].Body, cvPages[i].Text).F1);
                var rules = members.Average(i => TextOverlap.Score(heuristic[i].Body, cvPages[i].Text).F1);
                var sites = members.Select(i => cv.Folds.Sites[i]).Distinct(StringComparer.Ordinal).Count();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fold + 1,4} {members.Count,5} {sites,5} {model,9:F3} {rules,13:F3}"));
                foldScores.Add(new JsonObject { ["fold"] = fold + 1, ["pages"] = members.Count, ["sites"] = sites, ["modelMainTextF1"] = Round(model), ["heuristicMainTextF1"] = Round(rules) });
            }

            var modelAll = Enumerable.Range(0, cvPages.Count).Average(i => TextOverlap.Score(cv.Results[i].Body, cvPages[i].Text).F1);
            var rulesAll = Enumerable.Range(0, cvPages.Count).Average(i => TextOverlap.Score(heuristic[i].Body, cvPages[i].Text).F1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" all {cvPages.Count,5} {cv.Folds.Sites.Distinct(StringComparer.Ordinal).Count(),5} {modelAll,9:F3} {rulesAll,13:F3}"));
            score["crossValidation"] = new JsonObject
            {
                ["set"] = cvPages.Count > 0 ? cvPages[0].Set : "-",
                ["grouping"] = "by site (registrable domain of the page URL, canonical link or dominant link domain); extra pages from a test fold's sites left out of that fold's training",
                ["folds"] = foldScores,
                ["modelMainTextF1"] = Round(modelAll),
                ["heuristicMainTextF1"] = Round(rulesAll),
            };
        }

        Console.Error.WriteLine("final model: all pages");
        var rows = PageCrossValidation.Rows(cvPages).Concat(PageCrossValidation.Rows(extra)).SelectMany(r => r).ToList();
        var train = Stopwatch.StartNew();
        var zip = PageTrainer.Train(rows, seed);
        var trainSeconds = train.Elapsed.TotalSeconds;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllBytes(output, zip);
        FlattenTreesCommand.WriteBeside(output);
        var sha = Convert.ToHexStringLower(SHA256.HashData(zip));
        File.WriteAllText(output + ".sha256", $"{sha}  {Path.GetFileName(output)}\n");
        score["blocks"] = rows.Count;
        score["bytes"] = zip.Length;
        score["sha256"] = sha;
        score["trainedAt"] = started.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        score["finalFitSeconds"] = Math.Round(trainSeconds, 1);
        score["totalSeconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "score.json"), score.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output}: {zip.Length:N0} bytes, sha256 {sha}; {rows.Count} blocks; final fit {trainSeconds:F1} s, total {total.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    /// <summary>The values after <paramref name="name"/> up to the next option.</summary>
    private static List<string> Values(string[] args, string name)
    {
        var values = new List<string>();
        var i = Array.IndexOf(args, name);
        for (i++; i > 0 && i < args.Length && !args[i].StartsWith("--", StringComparison.Ordinal); i++)
        {
            values.Add(args[i]);
        }

        return values;
    }

    private static double Round(double value) => Math.Round(value, 4);
}
