using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Extract.Learning;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Extract.Training;

/// <summary>The gradient-boosted-tree settings a trainer fixes before any evaluation run.</summary>
internal sealed record TreeSettings(int Trees, int Leaves, int MinLeaf, double LearningRate);

/// <summary>ML.NET model zips as the repository keeps them, and the one way its trainers fit one.</summary>
internal static class ModelZip
{
    /// <summary>
    /// Fits FastTree (binary) on <paramref name="rows"/> with the library's seeded context, one thread (so a run
    /// reproduces bit for bit), columns <c>Label</c>, <c>Features</c> and <c>Weight</c>, and returns the saved zip.
    /// </summary>
    public static byte[] FitFastTree<TRow>(IEnumerable<TRow> rows, TreeSettings settings, int seed)
        where TRow : class
    {
        var context = LearnedModel<TRow, object>.CreateContext(seed);
        var data = context.Data.LoadFromEnumerable(rows);
        var trainer = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = "Weight",
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinLeaf,
            LearningRate = settings.LearningRate,
            Seed = seed,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        using var stream = new MemoryStream();
        context.Model.Save(model, data.Schema, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// The same zip with every entry's timestamp fixed, plus <paramref name="extra"/> entries (name, text): ML.NET stamps
    /// entries with the time of saving, so two runs with the same seed would otherwise differ in bytes (and sha256)
    /// while holding the same trees. An extra entry replaces an entry of the same name.
    /// </summary>
    public static byte[] Reproducible(byte[] zip, params (string Name, string Text)[] extra)
    {
        var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                // An extra entry replaces one of the same name (a threshold chosen again), never stands beside it.
                if (extra.Any(e => e.Name == entry.FullName))
                {
                    continue;
                }

                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }

            foreach (var (name, text) in extra)
            {
                var added = target.CreateEntry(name, CompressionLevel.Optimal);
                added.LastWriteTime = stamp;
                using var writer = new StreamWriter(added.Open());
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// Writes score.json beside <paramref name="output"/> (the model file just written): what the model is, the command,
    /// the seed and tree settings, then <paramref name="details"/> in their order, then the zip's sha256.
    /// </summary>
    public static void WriteScore(string output, byte[] zip, string model, string command, int seed, TreeSettings settings, IEnumerable<KeyValuePair<string, object>> details)
    {
        var score = new Dictionary<string, object>
        {
            ["model"] = model,
            ["command"] = command,
            ["seed"] = seed,
            ["trees"] = settings.Trees,
            ["leaves"] = settings.Leaves,
            ["minExamplesPerLeaf"] = settings.MinLeaf,
            ["learningRate"] = settings.LearningRate,
        };
        foreach (var (key, value) in details)
        {
            score[key] = value;
        }

        score["sha256"] = Convert.ToHexStringLower(SHA256.HashData(zip));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "score.json"), JsonSerializer.Serialize(score, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
