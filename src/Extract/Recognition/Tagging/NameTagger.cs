using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Extract.Recognition.Names;
using Extract.Resources;
using Extract.Segmentation.Resources;
using Extract.Tokens;

namespace Extract.Recognition.Tagging;

/// <summary>
/// The trained name tagger: an averaged structured perceptron over character features with first-order Viterbi
/// decoding (models/ner). Finds people, places and organisations that follow no rule. Stateless and thread-safe.
/// </summary>
internal sealed class NameTagger
{
    /// <summary>The embedded model: models/ner/ner.bin.gz as the build inflates it (no GZip at start).</summary>
    public const string ResourceName = "Extract.Models.ner.bin";

    private static readonly Lazy<NameTagger> Shared = new(
        () => ResourceLoading.Guard(() => new NameTagger(LoadEmbedded(), TaggerResources.Default)),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PerceptronModel _model;
    private readonly TaggerResources _resources;

    public NameTagger(PerceptronModel model, TaggerResources resources)
    {
        _model = model;
        _resources = resources;
    }

    public static NameTagger Default => Shared.Value;

    public PerceptronModel Model => _model;

    /// <summary>The embedded model, read from its inflated bytes.</summary>
    public static PerceptronModel LoadEmbedded()
    {
        using var stream = EmbeddedResource.Open(ResourceName);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return PerceptronModel.Read(bytes, ResourceName);
    }

    /// <summary>Reads a model from a GZip stream (the form models/ner keeps) and closes the stream.</summary>
    public static PerceptronModel Load(Stream compressed, string name)
    {
        using var stream = compressed;
        var size = InflatedSize(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        try
        {
            // The size the GZip trailer states lets the model inflate into one array of its size, instead of a stream
            // that grows by doubling (about 16 MB of large objects for a 6 MB model, all garbage at once after the load).
            if (size > 0)
            {
                var exact = new byte[size];
                if (gzip.ReadAtLeast(exact, size, throwOnEndOfStream: false) == size && gzip.ReadByte() < 0)
                {
                    return PerceptronModel.Read(exact, name);
                }

                throw new InvalidDataException($"Tagger model '{name}' does not inflate to the size its GZip trailer states.");
            }

            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            return PerceptronModel.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith("Tagger model", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Tagger model '{name}' is not valid GZip data.", e);
        }
    }

    /// <summary>
    /// The inflated size a GZip stream's trailer states (its last four bytes, little-endian), or 0 when the stream
    /// cannot seek or the size is not plausible; the stream is left where it was.
    /// </summary>
    internal static int InflatedSize(Stream stream)
    {
        if (!stream.CanSeek || stream.Length - stream.Position < 18)
        {
            return 0;
        }

        var start = stream.Position;
        Span<byte> trailer = stackalloc byte[4];
        stream.Position = stream.Length - 4;
        stream.ReadExactly(trailer);
        stream.Position = start;
        // Deflate inflates at most about 1,032 times; a larger figure is not a trailer (or not GZip, which inflating says).
        var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        return size > 0 && size <= Math.Min(1L << 28, (stream.Length - start) * 1032) ? (int)size : 0;
    }

    /// <summary>Tags [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>; spans are offsets into <paramref name="text"/>.</summary>
    public List<TaggedName> Tag(string text, int start, int end, IReadOnlyList<WordToken> tokens)
    {
        var input = TaggerInput.Create(text, start, end, tokens, _resources);
        var labels = new int[input.Length];
        var margins = new float[input.Length];
        Label(input, labels, margins);
        var names = new List<TaggedName>();
        foreach (var (span, type) in EntityLabels.Decode(labels))
        {
            var margin = float.PositiveInfinity;
            for (var i = span.Start; i < span.End; i++)
            {
                margin = Math.Min(margin, margins[i]);
            }

            // A label run across punctuation (a quotation's end and the next clause) is not a name, whatever its margin;
            // one around a 《…》 title names the title's inside (NameText.NameSpan).
            if (NameText.NameSpan(text, new TextSpan(span.Start + start, span.End + start)) is { } at)
            {
                names.Add(new TaggedName(at, type, margin));
            }
        }

        return names;
    }

    /// <summary>Writes the best labels of <paramref name="input"/> and, when given, each character's margin.</summary>
    public void Label(TaggerInput input, Span<int> labels, Span<float> margins)
    {
        var emissions = Emissions(input, _model);
        if (margins.IsEmpty)
        {
            Viterbi.Decode(emissions, _model.Transitions, labels);
        }
        else
        {
            Viterbi.DecodeWithMargins(emissions, _model.Transitions, labels, margins);
        }
    }

    /// <summary>Per character and label, the summed weights of the character's features.</summary>
    internal static float[] Emissions(TaggerInput input, PerceptronModel model)
    {
        var emissions = new float[input.Length * EntityLabels.Count];
        var features = ArrayPool<ulong>.Shared.Rent(input.Length * NameFeatures.Count);
        try
        {
            var all = features.AsSpan(0, input.Length * NameFeatures.Count);
            for (var i = 0; i < input.Length; i++)
            {
                NameFeatures.Extract(input, i, all.Slice(i * NameFeatures.Count, NameFeatures.Count));
            }

            model.AddEmissions(all, NameFeatures.Count, emissions);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(features);
        }

        return emissions;
    }
}
