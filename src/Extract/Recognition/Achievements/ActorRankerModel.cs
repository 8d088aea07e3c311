using Extract.Learning;
using Microsoft.ML.Data;

namespace Extract.Recognition.Achievements;

/// <summary>An actor candidate as the ranker reads it (training rows use the same class).</summary>
internal sealed class ActorCandidateRow
{
    /// <summary>The candidate's features, laid out by <see cref="ActorResolver.Candidates"/>.</summary>
    [VectorType(ActorResolver.CandidateFeatureCount)]
    public float[] Features { get; set; } = new float[ActorResolver.CandidateFeatureCount];

    /// <summary>Training only: true when the candidate names the gold actor (or is "none" and the gold actor is null).</summary>
    public bool Label { get; set; }

    /// <summary>Training only: the row's weight.</summary>
    public float Weight { get; set; } = 1;
}

/// <summary>
/// The learned actor ranker (models/actors/actors.zip: FastTree binary over <see cref="ActorResolver.Candidates"/>'
/// features, the rules' pick among them, with the layout version in <c>extract-decision.txt</c>): every candidate is
/// scored and the most probable one is the actor. Loaded once from the embedded resource; immutable and shared.
/// </summary>
internal sealed class ActorRankerModel
{
    /// <summary>The embedded resource's logical name.</summary>
    public const string ResourceName = "Extract.Models.actors.zip";

    private static readonly Lazy<ActorRankerModel> Shared = DecisionEntry.Embedded(ResourceName, FromStream);

    private static readonly DecisionLayout Layout = new(
        "actor-ranker", "actor", "train-actors", ActorResolver.CandidateLayoutVersion, ActorResolver.CandidateFeatureCount, nameof(ActorCandidateRow.Features));

    private readonly LearnedModel<ActorCandidateRow, BinaryScore> _model;

    private ActorRankerModel(LearnedModel<ActorCandidateRow, BinaryScore> model, float margin)
    {
        _model = model;
        Margin = margin;
    }

    /// <summary>The ranker's choice replaces the rules' pick only when its probability is higher by more than this.</summary>
    public float Margin { get; }

    /// <summary>The embedded ranker, loaded on first use.</summary>
    public static ActorRankerModel Default => Shared.Value;

    /// <summary>Reads a ranker saved by <c>train-actors</c>; throws naming <paramref name="name"/> when it is not one of this layout.</summary>
    public static ActorRankerModel FromStream(Stream stream, string name)
    {
        var (model, margin) = DecisionEntry.Load<ActorCandidateRow, BinaryScore, float>(stream, name, Layout, values =>
        {
            var margin = values.TryGetValue("margin", out var text) ? float.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (margin is not (>= 0 and <= 1))
            {
                throw new InvalidDataException($"margin {margin} is not between 0 and 1");
            }

            return margin;
        });
        return new ActorRankerModel(model, margin);
    }

    /// <summary>The decision entry <c>train-actors</c> adds to the zip ML.NET saves.</summary>
    public static string DecisionText(float margin) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"version={ActorResolver.CandidateLayoutVersion}\nmargin={margin:R}\n");

    /// <summary>A copy of this ranker that overrides the rules at another margin (training's cross-validation sweeps it).</summary>
    public ActorRankerModel WithMargin(float margin) => new(_model, margin);

    /// <summary>
    /// The most probable candidate's name (null when "none" wins or there is no candidate; ties go to the earlier candidate),
    /// unless the candidate the rules picked (<paramref name="rulePick"/>; null: "none") is within <see cref="Margin"/> of it.
    /// </summary>
    public string? Choose(IReadOnlyList<ActorCandidate> candidates, string? rulePick)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return null;
        }

        var probabilities = Probabilities(candidates);
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Name == rulePick)
            {
                return probabilities[best] - probabilities[i] > Margin ? candidates[best].Name : rulePick;
            }
        }

        return candidates[best].Name;
    }

    /// <summary>The probability of every candidate, in order: the trees scored directly when the model is a FastTree binary one, else through ML.NET.</summary>
    public float[] Probabilities(IReadOnlyList<ActorCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (_model.Trees is not { } trees)
        {
            return ScoreWithTransform(candidates);
        }

        const int Stride = ActorResolver.CandidateFeatureCount;
        var rows = new float[candidates.Count * Stride];
        for (var i = 0; i < candidates.Count; i++)
        {
            candidates[i].Features.AsSpan(0, Stride).CopyTo(rows.AsSpan(i * Stride, Stride));
        }

        var probabilities = new float[candidates.Count];
        trees.Probabilities(rows, candidates.Count, Stride, probabilities);
        return probabilities;
    }

    /// <summary>The same probabilities through ML.NET's transform (the reference the direct scorer is tested against).</summary>
    public float[] ScoreWithTransform(IReadOnlyList<ActorCandidate> candidates) =>
        candidates.Count == 0 ? [] : [.. _model.Transform(candidates.Select(c => new ActorCandidateRow { Features = c.Features })).Select(s => s.Probability)];
}
