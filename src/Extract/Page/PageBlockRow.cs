using Microsoft.ML.Data;
using Extract.Layout;

namespace Extract.Page;

/// <summary>
/// The page-block model's input schema, one row per text block (a <see cref="Layout.PageLine"/>): the same class builds
/// training rows in <c>Extract.Training</c> and scores blocks in the library. Properties are public and settable because
/// ML.NET binds columns by reflection.
/// </summary>
internal sealed class PageBlockRow
{
    /// <summary>The block's features, laid out by <see cref="PageBlockFeatures"/>.</summary>
    [VectorType(PageBlockFeatures.Count)]
    public float[] Features { get; set; } = new float[PageBlockFeatures.Count];

    /// <summary>Training only: true when most of the block's characters are in the page's gold main text.</summary>
    public bool Label { get; set; }

    /// <summary>Training only: the block's weight (its share of the page's characters).</summary>
    public float Weight { get; set; }
}
