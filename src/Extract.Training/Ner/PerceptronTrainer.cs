using System.Diagnostics;
using Extract.Recognition.Tagging;

namespace Extract.Training.Ner;

/// <summary>A training sentence as the trainer sees it: feature ids (characters × templates) and gold labels.</summary>
internal sealed record EncodedSentence(int[] Features, int[] Gold);

/// <summary>
/// Averaged structured perceptron (Collins 2002) over <see cref="NameFeatures"/>: each epoch visits the sentences in
/// a seeded shuffle, decodes with <see cref="Viterbi"/> and, on a mistake, adds the gold path's features and subtracts
/// the predicted path's. Averaging uses the usual trick: keep w and u = Σ c·Δ, and the average is w − u / c.
/// Deterministic for a given seed and input order.
/// </summary>
internal sealed class PerceptronTrainer(int featureCount)
{
    private const int L = EntityLabels.Count;
    private const int K = NameFeatures.Count;

    private readonly float[] _weights = new float[featureCount * L];
    private readonly double[] _sums = new double[featureCount * L];
    private readonly float[] _transitions = new float[(L + 1) * L];
    private readonly double[] _transitionSums = new double[(L + 1) * L];
    private long _clock = 1;

    /// <summary>One pass; returns the share of sentences decoded without a mistake.</summary>
    public double Epoch(IReadOnlyList<EncodedSentence> sentences, Random random, CancellationToken cancellationToken)
    {
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        random.Shuffle(order);
        var correct = 0;
        foreach (var index in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentence = sentences[index];
            var predicted = Decode(sentence.Features, _weights, _transitions);
            if (predicted.AsSpan().SequenceEqual(sentence.Gold))
            {
                correct++;
            }
            else
            {
                Update(sentence, predicted);
            }

            _clock++;
        }

        return (double)correct / Math.Max(1, sentences.Count);
    }

    /// <summary>The averaged weights (features × labels) and transitions as they stand.</summary>
    public (float[] Weights, float[] Transitions) Averaged()
    {
        var weights = new float[_weights.Length];
        Parallel.For(0, featureCount, f =>
        {
            for (var j = f * L; j < (f + 1) * L; j++)
            {
                weights[j] = (float)(_weights[j] - (_sums[j] / _clock));
            }
        });
        var transitions = new float[_transitions.Length];
        for (var j = 0; j < transitions.Length; j++)
        {
            transitions[j] = (float)(_transitions[j] - (_transitionSums[j] / _clock));
        }

        return (weights, transitions);
    }

    public static int[] Decode(int[] features, float[] weights, float[] transitions)
    {
        var n = features.Length / K;
        var emissions = new float[n * L];
        for (var i = 0; i < n; i++)
        {
            var row = emissions.AsSpan(i * L, L);
            for (var k = i * K; k < (i + 1) * K; k++)
            {
                var f = features[k];
                if (f < 0)
                {
                    continue;
                }

                var w = weights.AsSpan(f * L, L);
                for (var y = 0; y < L; y++)
                {
                    row[y] += w[y];
                }
            }
        }

        var labels = new int[n];
        Viterbi.Decode(emissions, transitions, labels);
        return labels;
    }

    private void Update(EncodedSentence sentence, int[] predicted)
    {
        var gold = sentence.Gold;
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] != predicted[i])
            {
                for (var k = i * K; k < (i + 1) * K; k++)
                {
                    var f = sentence.Features[k];
                    if (f >= 0)
                    {
                        Add(_weights, _sums, (f * L) + gold[i], 1);
                        Add(_weights, _sums, (f * L) + predicted[i], -1);
                    }
                }
            }

            var goldPrevious = i == 0 ? 0 : gold[i - 1] + 1;
            var predictedPrevious = i == 0 ? 0 : predicted[i - 1] + 1;
            if (goldPrevious != predictedPrevious || gold[i] != predicted[i])
            {
                Add(_transitions, _transitionSums, (goldPrevious * L) + gold[i], 1);
                Add(_transitions, _transitionSums, (predictedPrevious * L) + predicted[i], -1);
            }
        }
    }

    private void Add(float[] weights, double[] sums, int index, float delta)
    {
        weights[index] += delta;
        sums[index] += _clock * (double)delta;
    }

    /// <summary>Exact-span P/R/F1 of decoding <paramref name="sentences"/> with the given weights.</summary>
    public static (double Precision, double Recall, double F1) Score(IReadOnlyList<EncodedSentence> sentences, float[] weights, float[] transitions)
    {
        long tp = 0, got = 0, want = 0;
        var sync = new object();
        Parallel.ForEach(sentences, sentence =>
        {
            var predicted = Decode(sentence.Features, weights, transitions);
            var p = EntityLabels.Decode(predicted);
            var g = EntityLabels.Decode(sentence.Gold).ToHashSet();
            var hits = p.Count(g.Contains);
            lock (sync)
            {
                tp += hits;
                got += p.Count;
                want += g.Count;
            }
        });
        var precision = got == 0 ? 0 : (double)tp / got;
        var recall = want == 0 ? 0 : (double)tp / want;
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    public static string Elapsed(Stopwatch watch) => $"{watch.Elapsed.TotalSeconds:F1}s";
}
