namespace Extract.Learning;

/// <summary>
/// The output schema of every calibrated binary tree model here (the page-block model, the entity decision, the
/// achievement decision and the actor ranker): ML.NET fills these columns by name.
/// </summary>
internal sealed class BinaryScore
{
    /// <summary>Calibrated probability of the positive class (article text, a right hypothesis, an achievement, the actor).</summary>
    public float Probability { get; set; }

    /// <summary>The raw ensemble score.</summary>
    public float Score { get; set; }
}
