using System.Buffers;
using Extract.Page;
using Extract.Segmentation.Resources;
using Microsoft.ML.Data;
using Extract.Learning;
using Extract.Layout;

namespace Extract.Page;

/// <summary>
/// The learned page-block classifier (models/page/page.zip, a FastTree binary model over <see cref="PageBlockFeatures"/>):
/// loaded once, lazily, from the embedded resource, immutable and shared across threads. A model whose input is not this
/// build's feature layout is refused at load, naming the resource.
/// </summary>
internal sealed class PageBlockModel
{
    /// <summary>The embedded resource's logical name.</summary>
    public const string ResourceName = "Extract.Models.page.zip";

    private static readonly Lazy<PageBlockModel> Shared = Learning.DecisionEntry.Embedded(ResourceName, FromStream);

    private readonly LearnedModel<PageBlockRow, BinaryScore> _model;

    private PageBlockModel(LearnedModel<PageBlockRow, BinaryScore> model) => _model = model;

    /// <summary>The embedded model, loaded on first use.</summary>
    public static PageBlockModel Default => Shared.Value;

    /// <summary>The underlying ML.NET model (for measurement and the training tool).</summary>
    internal LearnedModel<PageBlockRow, BinaryScore> Model => _model;

    /// <summary>
    /// Reads a model saved by <c>train-page</c>, as its zip or its flat form (<see cref="FlatTrees"/>); throws naming
    /// <paramref name="name"/> when it is not one or has another feature layout. A flat form named after an embedded zip
    /// keeps that zip for ML.NET's engine, read only if asked for.
    /// </summary>
    public static PageBlockModel FromStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        if (!FlatTrees.IsFlat(buffer))
        {
            return Checked(LearnedModel<PageBlockRow, BinaryScore>.FromStream(buffer, name));
        }

        var flat = FlatTrees.Read(buffer, name);
        if (flat.FeatureCount != PageBlockFeatures.Count)
        {
            throw SizeError(name);
        }

        Func<Stream>? zip = Resources.EmbeddedResource.Exists(name) ? () => Resources.EmbeddedResource.Open(name) : null;
        return new PageBlockModel(LearnedModel<PageBlockRow, BinaryScore>.FromFlat(flat.Trees, name, zip));
    }

    private static PageBlockModel Checked(LearnedModel<PageBlockRow, BinaryScore> model)
    {
        var column = model.InputSchema.GetColumnOrNull(nameof(PageBlockRow.Features));
        if (column is not { Type: VectorDataViewType { Size: PageBlockFeatures.Count } })
        {
            throw SizeError(model.Name);
        }

        return new PageBlockModel(model);
    }

    private static InvalidOperationException SizeError(string name) =>
        new($"Model resource '{name}' does not read {PageBlockFeatures.Count} page-block features (layout version {PageBlockFeatures.Version}); retrain it with train-page.");

    /// <summary>
    /// The probability that each line of <paramref name="layout"/> is article text, in line order: the trees scored
    /// directly over the page's block of features (<see cref="FastTreeScorer"/>), or through an ML.NET prediction engine
    /// when the model is not one the scorer reads. A line without letters is never article text (0).
    /// </summary>
    public float[] Score(PageLayout layout, string? title, ContentArea area, CancellationToken cancellationToken)
    {
        if (_model.Trees is not { } trees)
        {
            return ScoreWithEngine(layout, title, area, cancellationToken);
        }

        var n = layout.Lines.Length;
        var probabilities = new float[n];
        if (n == 0)
        {
            return probabilities;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var buffer = ArrayPool<float>.Shared.Rent(n * PageBlockFeatures.Count);
        try
        {
            PageBlockFeatures.Write(layout, title, area, buffer);
            trees.Probabilities(buffer.AsSpan(0, n * PageBlockFeatures.Count), n, PageBlockFeatures.Count, probabilities);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        for (var i = 0; i < n; i++)
        {
            if (layout.Lines[i].Chars == 0)
            {
                probabilities[i] = 0; // no letters: never article text, whatever the model would say
            }
        }

        return probabilities;
    }

    /// <summary>The same probabilities through ML.NET's prediction engine, a line at a time (the reference the direct scorer is tested against).</summary>
    public float[] ScoreWithEngine(PageLayout layout, string? title, ContentArea area, CancellationToken cancellationToken)
    {
        var n = layout.Lines.Length;
        var probabilities = new float[n];
        if (n == 0)
        {
            return probabilities;
        }

        var buffer = ArrayPool<float>.Shared.Rent(n * PageBlockFeatures.Count);
        var engine = _model.Rent();
        try
        {
            PageBlockFeatures.Write(layout, title, area, buffer);
            var row = new PageBlockRow();
            var score = new BinaryScore();
            for (var i = 0; i < n; i++)
            {
                if (i % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (layout.Lines[i].Chars == 0)
                {
                    continue; // no letters: never article text, whatever the model would say
                }

                buffer.AsSpan(i * PageBlockFeatures.Count, PageBlockFeatures.Count).CopyTo(row.Features);
                engine.Predict(row, ref score);
                probabilities[i] = score.Probability;
            }
        }
        finally
        {
            _model.Return(engine);
            ArrayPool<float>.Shared.Return(buffer);
        }

        return probabilities;
    }
}
