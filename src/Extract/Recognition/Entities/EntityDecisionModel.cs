using System.Buffers;
using System.Globalization;
using Extract.Recognition.Entities;
using Extract.Learning;

namespace Extract.Recognition.Entities;

/// <summary>
/// The learned entity decision (models/entities/entities.zip: a FastTree binary model over
/// <see cref="EntityCandidateFeatures"/>, plus the decision threshold chosen on the training dev split, stored in the same
/// zip as <c>extract-decision.txt</c>): loaded once, lazily, from the embedded resource, immutable and shared across
/// threads. A model with another feature layout is refused at load, naming the resource.
/// </summary>
internal sealed class EntityDecisionModel
{
    /// <summary>The embedded resource's logical name.</summary>
    public const string ResourceName = "Extract.Models.entities.zip";

    /// <summary>The zip entry, beside ML.NET's own, that holds the layout version and the threshold.</summary>
    public const string DecisionEntry = Learning.DecisionEntry.Name;

    private static readonly Lazy<EntityDecisionModel> Shared = Learning.DecisionEntry.Embedded(ResourceName, FromStream);

    private static readonly DecisionLayout Layout = new(
        "entity-decision", "entity", "train-entities", EntityCandidateFeatures.Version, EntityCandidateFeatures.Count, nameof(EntityCandidateRow.Features), NameVersion: true);

    private readonly LearnedModel<EntityCandidateRow, BinaryScore> _model;

    private EntityDecisionModel(LearnedModel<EntityCandidateRow, BinaryScore> model, float threshold, float keptThreshold)
    {
        _model = model;
        Threshold = threshold;
        KeptThreshold = keptThreshold;
    }

    /// <summary>The embedded model, loaded on first use.</summary>
    public static EntityDecisionModel Default => Shared.Value;

    /// <summary>A hypothesis is kept when its probability is above this (and it wins its overlaps).</summary>
    public float Threshold { get; }

    /// <summary>
    /// The threshold for a hypothesis the hand merge kept with the same span and type (<see cref="Threshold"/> when the
    /// model names none): chosen on held-out articles beside <see cref="Threshold"/>, so how far the merge's verdict is
    /// trusted is read off data too.
    /// </summary>
    public float KeptThreshold { get; }

    /// <summary>True when <see cref="Score"/> reads the trees directly (a FastTree binary model), not through a prediction engine.</summary>
    public bool ScoresDirectly => _model.Trees is not null;

    /// <summary>The trees read out for direct scoring, or null.</summary>
    internal FastTreeScorer? Trees => _model.Trees;

    /// <summary>Reads a model saved by <c>train-entities</c>; throws naming <paramref name="name"/> when it is not one or has another layout.</summary>
    public static EntityDecisionModel FromStream(Stream stream, string name)
    {
        var (model, (threshold, keptThreshold)) = Learning.DecisionEntry.Load<EntityCandidateRow, BinaryScore, (float, float)>(stream, name, Layout, values =>
        {
            var threshold = float.Parse(values["threshold"], CultureInfo.InvariantCulture);
            var keptThreshold = values.TryGetValue("kept-threshold", out var kept) ? float.Parse(kept, CultureInfo.InvariantCulture) : threshold;
            if (!(threshold is >= 0 and <= 1) || !(keptThreshold is >= 0 and <= 1))
            {
                throw new InvalidDataException($"thresholds {threshold} and {keptThreshold} are not probabilities");
            }

            return (threshold, keptThreshold);
        });
        return new EntityDecisionModel(model, threshold, keptThreshold);
    }

    /// <summary>The text of the decision entry that <c>train-entities</c> adds to the zip ML.NET saves.</summary>
    public static string DecisionText(float threshold) => DecisionText(threshold, threshold);

    /// <summary>The decision entry with its own threshold for hypotheses the hand merge kept.</summary>
    public static string DecisionText(float threshold, float keptThreshold) =>
        string.Create(CultureInfo.InvariantCulture, $"version={EntityCandidateFeatures.Version}\nthreshold={threshold:R}\nkept-threshold={keptThreshold:R}\n");

    /// <summary>Each hypothesis's threshold: <see cref="KeptThreshold"/> where the hand merge kept it, <see cref="Threshold"/> elsewhere.</summary>
    public float[] Thresholds(EntityCandidateFeatures.Document document, IReadOnlyList<EntityCandidate> candidates) =>
        Thresholds(document, candidates, Threshold, KeptThreshold);

    /// <summary>Per-hypothesis thresholds for a given pair (the training grid's candidates).</summary>
    public static float[] Thresholds(EntityCandidateFeatures.Document document, IReadOnlyList<EntityCandidate> candidates, float threshold, float keptThreshold)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(candidates);
        var thresholds = new float[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            thresholds[i] = document.HandKept(candidates[i]) ? keptThreshold : threshold;
        }

        return thresholds;
    }

    /// <summary>
    /// The probability of every candidate, in order: each hypothesis's features once, the tree ensemble scored directly
    /// over the document's batch (<see cref="FastTreeScorer"/>), or through an ML.NET prediction engine when the model
    /// is not one the scorer reads.
    /// </summary>
    public float[] Score(EntityCandidateFeatures features, EntityCandidateFeatures.Document document, IReadOnlyList<EntityCandidate> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        return Trees is { } trees
            ? ScoreTrees(trees, features, document, candidates, cancellationToken)
            : ScoreWithEngine(features, document, candidates, cancellationToken);
    }

    /// <summary>The same probabilities through ML.NET's prediction engine (the reference the direct scorer is tested against).</summary>
    public float[] ScoreWithEngine(EntityCandidateFeatures features, EntityCandidateFeatures.Document document, IReadOnlyList<EntityCandidate> candidates, CancellationToken cancellationToken)
    {
        var probabilities = new float[candidates.Count];
        if (candidates.Count == 0)
        {
            return probabilities;
        }

        var engine = _model.Rent();
        try
        {
            var row = new EntityCandidateRow();
            var score = new BinaryScore();
            for (var i = 0; i < candidates.Count; i++)
            {
                if ((i & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                features.Write(document, candidates[i], row.Features);
                engine.Predict(row, ref score);
                probabilities[i] = score.Probability;
            }
        }
        finally
        {
            _model.Return(engine);
        }

        return probabilities;
    }

    // Every hypothesis's features once into one block, then the whole block through the trees.
    internal static float[] ScoreTrees(FastTreeScorer trees, EntityCandidateFeatures features, EntityCandidateFeatures.Document document, IReadOnlyList<EntityCandidate> candidates, CancellationToken cancellationToken)
    {
        const int Stride = EntityCandidateFeatures.Count;

        // A document's block is large (≈ 100 KB for 175 hypotheses): rented, not allocated on the large-object heap.
        var rows = ArrayPool<float>.Shared.Rent(candidates.Count * Stride);
        try
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                if ((i & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                features.Write(document, candidates[i], rows.AsSpan(i * Stride, Stride));
            }

            var probabilities = new float[candidates.Count];
            trees.Probabilities(rows.AsSpan(0, candidates.Count * Stride), candidates.Count, Stride, probabilities);
            return probabilities;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rows);
        }
    }
}
