using Microsoft.ML.Data;

namespace Extract.Recognition.Entities;

/// <summary>
/// The entity-decision model's input schema, one row per hypothesis (span, type): the same class builds training rows in
/// <c>Extract.Training</c> and scores hypotheses in the library. Properties are settable because ML.NET binds columns by
/// reflection.
/// </summary>
internal sealed class EntityCandidateRow
{
    /// <summary>The hypothesis's features, laid out by <see cref="EntityCandidateFeatures"/>.</summary>
    [VectorType(EntityCandidateFeatures.Count)]
    public float[] Features { get; set; } = new float[EntityCandidateFeatures.Count];

    /// <summary>Training only: true when the gold names exactly this span with this type.</summary>
    public bool Label { get; set; }

    /// <summary>Training only: the row's weight (in-domain article rows count more than newswire sentences).</summary>
    public float Weight { get; set; } = 1;
}
