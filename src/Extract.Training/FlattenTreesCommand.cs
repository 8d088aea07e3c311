using System.Security.Cryptography;
using Extract.Learning;
using Microsoft.ML.Data;

namespace Extract.Training;

/// <summary>
/// <c>flatten-trees ZIP...</c>: writes each ML.NET tree model zip's flat form beside it (models/NAME/NAME.trees and its
/// .sha256; <see cref="FlatTrees"/>), which is what the library reads at run time. The zip stays the trained artefact;
/// every trainer calls <see cref="WriteBeside"/> after writing its zip, so the two never drift apart (a test checks the
/// flat form's source hash against the zip and their scores against each other).
/// </summary>
internal static class FlattenTreesCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: flatten-trees models/NAME/NAME.zip...");
            return 2;
        }

        foreach (var zip in args)
        {
            WriteBeside(zip);
        }

        return 0;
    }

    /// <summary>Reads the zip at <paramref name="zipPath"/> through ML.NET and writes its flat form and sha256 beside it; a zip the flat scorer cannot read throws.</summary>
    public static void WriteBeside(string zipPath)
    {
        var bytes = File.ReadAllBytes(zipPath);
        var flat = Flatten(bytes, zipPath);
        var output = FlatTrees.BesideZip(zipPath);
        using (var file = File.Create(output))
        {
            FlatTrees.Write(file, flat);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(output)));
        File.WriteAllText(output + ".sha256", $"{hash}  {Path.GetFileName(output)}\n");
        Console.WriteLine($"wrote {output}: {new FileInfo(output).Length:N0} bytes, sha256 {hash}; {flat.FeatureCount} features, from {Path.GetFileName(zipPath)} (sha256 {Convert.ToHexStringLower(flat.Source.AsSpan())})");
    }

    /// <summary>
    /// The flat form of a model zip: its trees read out through ML.NET, the size of its input feature column, its
    /// <c>extract-decision.txt</c> and its sha256. A pipeline that is not one Platt-calibrated FastTree binary model
    /// with numerical splits over a vector column named Features throws (the flat scorer would not give its scores).
    /// </summary>
    public static FlatTreeModel Flatten(byte[] zip, string name)
    {
        using var stream = new MemoryStream(zip, writable: false);
        var model = LearnedModel<object, BinaryScore>.FromStream(stream, name);
        var trees = model.Trees ?? throw new InvalidOperationException($"{name} is not a Platt-calibrated FastTree binary model with numerical splits only; the flat scorer cannot read it.");
        if (model.InputSchema.GetColumnOrNull("Features") is not { Type: VectorDataViewType { Size: var features and > 0 } })
        {
            throw new InvalidOperationException($"{name} has no fixed-size Features column");
        }

        return new FlatTreeModel(trees, features, DecisionEntry.TextOf(stream), [.. SHA256.HashData(zip)]);
    }
}
