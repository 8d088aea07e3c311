using System.Globalization;
using Extract.Learning;
using Microsoft.ML.Data;

namespace Extract.Recognition.Achievements;

/// <summary>A candidate quantity as the achievement decision reads it (training rows use the same class).</summary>
internal sealed class AchievementCandidateRow
{
    /// <summary>The candidate's features, laid out by <see cref="AchievementCandidates"/>.</summary>
    [VectorType(AchievementCandidates.Count)]
    public float[] Features { get; set; } = new float[AchievementCandidates.Count];

    /// <summary>Training only: true when a gold achievement of the article has this (value, unit).</summary>
    public bool Label { get; set; }

    /// <summary>Training only: the row's weight.</summary>
    public float Weight { get; set; } = 1;
}

/// <summary>
/// Which quantities are achievements, learned (models/achievements/achievements.zip: FastTree binary over
/// <see cref="AchievementCandidates"/>' features, the rule filter's verdict among them, with the layout version and the
/// threshold in <c>extract-decision.txt</c>). Loaded once from the embedded resource; immutable and shared.
/// </summary>
internal sealed class AchievementDecisionModel
{
    /// <summary>The embedded resource's logical name.</summary>
    public const string ResourceName = "Extract.Models.achievements.zip";

    /// <summary>The zip entry beside ML.NET's own that holds the layout version and the threshold.</summary>
    public const string DecisionEntry = Learning.DecisionEntry.Name;

    private static readonly Lazy<AchievementDecisionModel> Shared = Learning.DecisionEntry.Embedded(ResourceName, FromStream);

    private static readonly DecisionLayout Layout = new(
        "achievement-decision", "achievement", "train-achievements", AchievementCandidates.Version, AchievementCandidates.Count, nameof(AchievementCandidateRow.Features));

    private readonly LearnedModel<AchievementCandidateRow, BinaryScore> _model;

    private AchievementDecisionModel(LearnedModel<AchievementCandidateRow, BinaryScore> model, float threshold, float addThreshold)
    {
        _model = model;
        Threshold = threshold;
        AddThreshold = addThreshold;
    }

    /// <summary>The embedded model, loaded on first use.</summary>
    public static AchievementDecisionModel Default => Shared.Value;

    /// <summary>A candidate the rule filter keeps stays an achievement when its probability is at least this.</summary>
    public float Threshold { get; }

    /// <summary>A candidate the rule filter rejects becomes an achievement when its probability is at least this (above 1: never).</summary>
    public float AddThreshold { get; }

    /// <summary>Reads a model saved by <c>train-achievements</c>; throws naming <paramref name="name"/> when it is not one of this layout.</summary>
    public static AchievementDecisionModel FromStream(Stream stream, string name)
    {
        var (model, (threshold, addThreshold)) = Learning.DecisionEntry.Load<AchievementCandidateRow, BinaryScore, (float, float)>(stream, name, Layout, values =>
        {
            var threshold = float.Parse(values["threshold"], CultureInfo.InvariantCulture);
            var addThreshold = values.TryGetValue("add-threshold", out var add) ? float.Parse(add, CultureInfo.InvariantCulture) : threshold;
            if (threshold is not (>= 0 and <= 1) || addThreshold < 0)
            {
                throw new InvalidDataException($"threshold {threshold} is not a probability");
            }

            return (threshold, addThreshold);
        });
        return new AchievementDecisionModel(model, threshold, addThreshold);
    }

    /// <summary>The decision entry <c>train-achievements</c> adds to the zip ML.NET saves.</summary>
    public static string DecisionText(float threshold, float addThreshold) =>
        string.Create(CultureInfo.InvariantCulture, $"version={AchievementCandidates.Version}\nthreshold={threshold:R}\nadd-threshold={addThreshold:R}\n");

    /// <summary>The spans of the quantities the model keeps among <paramref name="candidates"/>.</summary>
    public HashSet<TextSpan> Kept(IReadOnlyList<AchievementCandidates.Candidate> candidates)
    {
        var kept = new HashSet<TextSpan>();
        if (candidates.Count == 0)
        {
            return kept;
        }

        var probabilities = Probabilities(candidates);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates[i].Vetoed && probabilities[i] >= (candidates[i].RuleVerdict ? Threshold : AddThreshold))
            {
                kept.Add(candidates[i].Quantity.Span);
            }
        }

        return kept;
    }

    /// <summary>True when <see cref="Probabilities"/> reads the trees directly (a FastTree binary model), not through ML.NET.</summary>
    public bool ScoresDirectly => _model.Trees is not null;

    /// <summary>
    /// The probability of every candidate, in order: the tree ensemble scored directly over the document's batch
    /// (<see cref="FastTreeScorer"/>, as the entity decision does) when the model is a FastTree binary one, else through
    /// ML.NET's <see cref="LearnedModel{TInput, TOutput}.Transform"/>, which builds a data view per call.
    /// </summary>
    public float[] Probabilities(IReadOnlyList<AchievementCandidates.Candidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return _model.Trees is { } trees ? ScoreTrees(trees, candidates) : ScoreWithTransform(candidates);
    }

    /// <summary>The same probabilities through ML.NET (the reference the direct scorer is tested against).</summary>
    public float[] ScoreWithTransform(IReadOnlyList<AchievementCandidates.Candidate> candidates) =>
        candidates.Count == 0 ? [] : [.. _model.Transform(candidates.Select(c => new AchievementCandidateRow { Features = c.Features })).Select(s => s.Probability)];

    private static float[] ScoreTrees(FastTreeScorer trees, IReadOnlyList<AchievementCandidates.Candidate> candidates)
    {
        const int Stride = AchievementCandidates.Count;
        var rows = new float[candidates.Count * Stride];
        for (var i = 0; i < candidates.Count; i++)
        {
            candidates[i].Features.AsSpan(0, Stride).CopyTo(rows.AsSpan(i * Stride, Stride));
        }

        var probabilities = new float[candidates.Count];
        trees.Probabilities(rows, candidates.Count, Stride, probabilities);
        return probabilities;
    }
}
