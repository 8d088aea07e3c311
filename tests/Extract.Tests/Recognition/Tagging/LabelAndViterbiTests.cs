using Extract.Recognition;
using Extract.Recognition.Tagging;

namespace Extract.Tests.Recognition.Tagging;

public sealed class LabelAndViterbiTests
{
    [Fact]
    public void Spans_encode_to_bioes_and_decode_back()
    {
        (TextSpan, NameType)[] spans = [(new TextSpan(0, 1), NameType.Person), (new TextSpan(2, 5), NameType.Organization), (new TextSpan(5, 7), NameType.Location)];
        var labels = new int[8];
        EntityLabels.Encode(spans, labels);
        labels.Select(EntityLabels.NameOf).Should().Equal("S-PER", "O", "B-ORG", "I-ORG", "E-ORG", "B-LOC", "E-LOC", "O");
        EntityLabels.Decode(labels).Should().Equal(spans);
    }

    [Fact]
    public void Viterbi_output_is_always_well_formed()
    {
        var random = new Random(7);
        const int L = EntityLabels.Count;
        for (var trial = 0; trial < 300; trial++)
        {
            var n = random.Next(1, 40);
            var emissions = new float[n * L];
            var transitions = new float[(L + 1) * L];
            for (var i = 0; i < emissions.Length; i++)
            {
                emissions[i] = (float)((random.NextDouble() * 20) - 10);
            }

            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] = (float)((random.NextDouble() * 20) - 10);
            }

            var labels = new int[n];
            var margins = new float[n];
            Viterbi.DecodeWithMargins(emissions, transitions, labels, margins);
            EntityLabels.AllowedFirst(labels[0]).Should().BeTrue();
            EntityLabels.AllowedLast(labels[^1]).Should().BeTrue();
            for (var i = 1; i < n; i++)
            {
                EntityLabels.Allowed(labels[i - 1], labels[i]).Should().BeTrue();
            }

            margins.Should().OnlyContain(m => m >= -1e-3f);
            var plain = new int[n];
            Viterbi.Decode(emissions, transitions, plain);
            plain.Should().Equal(labels);
        }
    }

    [Fact]
    public void Viterbi_finds_the_best_path_by_brute_force_on_short_inputs()
    {
        var random = new Random(11);
        const int L = EntityLabels.Count;
        for (var trial = 0; trial < 20; trial++)
        {
            const int n = 3;
            var emissions = Enumerable.Range(0, n * L).Select(_ => (float)random.NextDouble()).ToArray();
            var transitions = Enumerable.Range(0, (L + 1) * L).Select(_ => (float)random.NextDouble()).ToArray();
            var labels = new int[n];
            var best = Viterbi.Decode(emissions, transitions, labels);

            var bruteBest = float.NegativeInfinity;
            for (var a = 0; a < L; a++)
            {
                for (var b = 0; b < L; b++)
                {
                    for (var c = 0; c < L; c++)
                    {
                        if (!EntityLabels.AllowedFirst(a) || !EntityLabels.Allowed(a, b) || !EntityLabels.Allowed(b, c) || !EntityLabels.AllowedLast(c))
                        {
                            continue;
                        }

                        var score = transitions[a] + emissions[a] + transitions[((a + 1) * L) + b] + emissions[L + b] + transitions[((b + 1) * L) + c] + emissions[(2 * L) + c];
                        bruteBest = Math.Max(bruteBest, score);
                    }
                }
            }

            best.Should().BeApproximately(bruteBest, 1e-4f);
        }
    }
}
