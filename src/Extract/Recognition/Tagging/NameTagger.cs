using System.Buffers;
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
    public const string ResourceName = "Extract.Models.ner.bin.gz";

    private static readonly Lazy<NameTagger> Shared = new(
        () => ResourceLoading.Guard(() => new NameTagger(Load(EmbeddedResource.Open(ResourceName), ResourceName), TaggerResources.Default)),
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

    /// <summary>Reads a model from a GZip stream (the shipped form) and closes the stream.</summary>
    public static PerceptronModel Load(Stream compressed, string name)
    {
        using var stream = compressed;
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        try
        {
            gzip.CopyTo(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Tagger model '{name}' is not valid GZip data.", e);
        }

        return PerceptronModel.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name);
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
