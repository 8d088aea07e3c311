using System.Collections.Immutable;
using System.Text;
using Extract.Resources;

namespace Extract.Learning;

/// <summary>
/// A tree model in the form the library reads at run time (models/NAME/NAME.trees, written by the training tool's
/// <c>flatten-trees</c> from the ML.NET zip beside it, which stays the trained artefact): magic "EXFT", format version
/// (int32), the size of the feature vector the model reads (int32), the sha256 of the zip it was read from (32
/// bytes), the zip's <c>extract-decision.txt</c> (a length-prefixed UTF-8 string, empty when the zip has none), then
/// the trees as <see cref="FastTreeScorer.Write"/> lays them out. The pipeline of every model here is the trees alone
/// (no transform before them), so the features go to the trees as they are written. Loading it copies a few arrays
/// out of the embedded resource: no ML.NET, no zip, no parsing of trees.
/// </summary>
internal static class FlatTrees
{
    /// <summary>The file extension, and the resource name's, in place of the zip's <c>.zip</c>.</summary>
    public const string Extension = ".trees";

    /// <summary>The format version this build reads and writes.</summary>
    public const int Version = 1;

    /// <summary>The first four bytes of the file.</summary>
    public static ReadOnlySpan<byte> Magic => "EXFT"u8;

    /// <summary>The flat form's name beside a zip's (file or resource): <c>entities.zip</c> → <c>entities.trees</c>.</summary>
    public static string BesideZip(string zipName) =>
        (zipName.EndsWith(".zip", StringComparison.Ordinal) ? zipName[..^4] : zipName) + Extension;

    /// <summary>True when <paramref name="stream"/> starts with the magic; the stream is left where it was (it must seek).</summary>
    public static bool IsFlat(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || stream.Length - stream.Position < 4)
        {
            return false;
        }

        var start = stream.Position;
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        stream.Position = start;
        return magic.SequenceEqual(Magic);
    }

    /// <summary>Writes <paramref name="model"/> in this layout.</summary>
    public static void Write(Stream stream, FlatTreeModel model)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(model);
        if (model.Source.Length != 32)
        {
            throw new ArgumentException("the source hash is a sha256 (32 bytes)", nameof(model));
        }

        stream.Write(Magic);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(model.FeatureCount);
            writer.Write(model.Source.AsSpan());
            writer.Write(model.Decision);
        }

        model.Trees.Write(stream);
    }

    /// <summary>Reads a model in this layout; a stream that is not one throws naming <paramref name="name"/>.</summary>
    public static FlatTreeModel Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            Span<byte> magic = stackalloc byte[4];
            stream.ReadExactly(magic);
            if (!magic.SequenceEqual(Magic))
            {
                throw new InvalidDataException("bad magic");
            }

            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"format version {version}, this build reads {Version}");
            }

            var features = reader.ReadInt32();
            var source = reader.ReadBytes(32);
            if (source.Length != 32)
            {
                throw new EndOfStreamException();
            }

            var decision = reader.ReadString();
            var trees = FastTreeScorer.Read(stream);
            if (features < trees.FeaturesRead)
            {
                throw new InvalidDataException($"{features} features, but the trees read {trees.FeaturesRead}");
            }

            if (stream.CanSeek && stream.Position != stream.Length)
            {
                throw new InvalidDataException($"{stream.Length - stream.Position} bytes after the trees");
            }

            return new FlatTreeModel(trees, features, decision, [.. source]);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidOperationException($"Model resource '{name}' is corrupt or not a flat tree model: {e.Message}", e);
        }
    }

    /// <summary>
    /// The flat model embedded beside the zip resource <paramref name="zipResource"/>, or null when the build embeds none
    /// (then the zip is read through ML.NET).
    /// </summary>
    public static Stream? OpenBeside(string zipResource) => EmbeddedResource.TryOpen(BesideZip(zipResource));
}

/// <summary>A tree model as <see cref="FlatTrees"/> stores it.</summary>
/// <param name="Trees">The trees and their calibration.</param>
/// <param name="FeatureCount">The size of the feature vector the model was trained on (its input column).</param>
/// <param name="Decision">The zip's <c>extract-decision.txt</c>, or empty.</param>
/// <param name="Source">The sha256 of the zip the trees were read from.</param>
internal sealed record FlatTreeModel(FastTreeScorer Trees, int FeatureCount, string Decision, ImmutableArray<byte> Source);
