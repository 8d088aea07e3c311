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

    private static readonly Lazy<PageBlockModel> Shared = new(
        () => ResourceLoading.Guard(() => Checked(LearnedModel<PageBlockRow, BinaryScore>.FromResource(ResourceName))),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LearnedModel<PageBlockRow, BinaryScore> _model;

    private PageBlockModel(LearnedModel<PageBlockRow, BinaryScore> model) => _model = model;

    /// <summary>The embedded model, loaded on first use.</summary>
    public static PageBlockModel Default => Shared.Value;

    /// <summary>The underlying ML.NET model (for measurement and the training tool).</summary>
    internal LearnedModel<PageBlockRow, BinaryScore> Model => _model;

    /// <summary>Reads a model saved by <c>train-page</c>; throws naming <paramref name="name"/> when it is not one or has another feature layout.</summary>
    public static PageBlockModel FromStream(Stream stream, string name) => Checked(LearnedModel<PageBlockRow, BinaryScore>.FromStream(stream, name));

    private static PageBlockModel Checked(LearnedModel<PageBlockRow, BinaryScore> model)
    {
        var name = model.Name;
        var column = model.InputSchema.GetColumnOrNull(nameof(PageBlockRow.Features));
        if (column is not { Type: VectorDataViewType { Size: PageBlockFeatures.Count } })
        {
            throw new InvalidOperationException($"Model resource '{name}' does not read {PageBlockFeatures.Count} page-block features (layout version {PageBlockFeatures.Version}); retrain it with train-page.");
        }

        return new PageBlockModel(model);
    }

    /// <summary>The probability that each line of <paramref name="layout"/> is article text, in line order.</summary>
    public float[] Score(PageLayout layout, string? title, ContentArea area, CancellationToken cancellationToken)
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
