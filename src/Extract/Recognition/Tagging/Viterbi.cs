namespace Extract.Recognition.Tagging;

/// <summary>
/// First-order Viterbi over BIOES labels with the well-formedness constraints of <see cref="EntityLabels"/>.
/// Emissions are characters × <see cref="EntityLabels.Count"/>; transitions are (1 + labels) × labels, row 0 being the
/// sentence start.
/// </summary>
internal static class Viterbi
{
    private const int L = EntityLabels.Count;

    private static readonly bool[] Allowed = BuildAllowed();

    // For each label, the labels allowed before it (forward pass) and after it (backward pass): the BIOES constraints
    // rule out about half of all pairs, so the passes skip them instead of testing each.
    private static readonly int[][] Predecessors = [.. Enumerable.Range(0, L).Select(y => Enumerable.Range(0, L).Where(p => Allowed[(p * L) + y]).ToArray())];
    private static readonly int[][] Successors = [.. Enumerable.Range(0, L).Select(y => Enumerable.Range(0, L).Where(z => Allowed[(y * L) + z]).ToArray())];

    /// <summary>Writes the best well-formed labels to <paramref name="labels"/> and returns the best path's score.</summary>
    public static float Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, Span<int> labels)
    {
        var n = labels.Length;
        if (n == 0)
        {
            return 0;
        }

        var score = new float[n * L];
        var back = new byte[n * L];
        Forward(emissions, transitions, score, back, n);
        var best = BestLast(score, n);
        labels[n - 1] = best;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[(i * L) + labels[i]];
        }

        return score[((n - 1) * L) + best];
    }

    /// <summary>
    /// Decodes like <see cref="Decode"/> and also gives, per character, the margin of the chosen label: the best path's
    /// score minus the best score of any path through another label at that character.
    /// </summary>
    public static void DecodeWithMargins(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, Span<int> labels, Span<float> margins)
    {
        var n = labels.Length;
        if (n == 0)
        {
            return;
        }

        var alpha = new float[n * L];
        var back = new byte[n * L];
        Forward(emissions, transitions, alpha, back, n);
        var best = BestLast(alpha, n);
        var total = alpha[((n - 1) * L) + best];
        labels[n - 1] = best;
        for (var i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[(i * L) + labels[i]];
        }

        // beta[i, y]: best score of the rest of the sentence after position i, given label y at i (emission of i excluded).
        var beta = new float[n * L];
        for (var y = 0; y < L; y++)
        {
            beta[((n - 1) * L) + y] = EntityLabels.AllowedLast(y) ? 0 : float.NegativeInfinity;
        }

        for (var i = n - 2; i >= 0; i--)
        {
            for (var y = 0; y < L; y++)
            {
                var max = float.NegativeInfinity;
                foreach (var z in Successors[y])
                {
                    var s = transitions[((y + 1) * L) + z] + emissions[((i + 1) * L) + z] + beta[((i + 1) * L) + z];
                    max = Math.Max(max, s);
                }

                beta[(i * L) + y] = max;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var other = float.NegativeInfinity;
            for (var y = 0; y < L; y++)
            {
                if (y != labels[i])
                {
                    other = Math.Max(other, alpha[(i * L) + y] + beta[(i * L) + y]);
                }
            }

            margins[i] = total - other;
        }
    }

    private static void Forward(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, float[] score, byte[] back, int n)
    {
        for (var y = 0; y < L; y++)
        {
            score[y] = EntityLabels.AllowedFirst(y) ? transitions[y] + emissions[y] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            var row = i * L;
            var previousRow = row - L;
            for (var y = 0; y < L; y++)
            {
                var max = float.NegativeInfinity;
                var arg = 0;
                foreach (var p in Predecessors[y])
                {
                    var s = score[previousRow + p] + transitions[((p + 1) * L) + y];
                    if (s > max)
                    {
                        max = s;
                        arg = p;
                    }
                }

                score[row + y] = max + emissions[row + y];
                back[row + y] = (byte)arg;
            }
        }
    }

    private static int BestLast(float[] score, int n)
    {
        var row = (n - 1) * L;
        var best = 0;
        for (var y = 1; y < L; y++)
        {
            if (EntityLabels.AllowedLast(y) && score[row + y] > score[row + best])
            {
                best = y;
            }
        }

        return best;
    }

    private static bool[] BuildAllowed()
    {
        var allowed = new bool[L * L];
        for (var p = 0; p < L; p++)
        {
            for (var y = 0; y < L; y++)
            {
                allowed[(p * L) + y] = EntityLabels.Allowed(p, y);
            }
        }

        return allowed;
    }
}
