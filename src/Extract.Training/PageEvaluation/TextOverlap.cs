using Extract.Text;

namespace Extract.Training.PageEvaluation;

/// <summary>Precision, recall and F1 of one page's main text as bags of characters (CJK, letters, digits; full-width folded, case-insensitive).</summary>
/// <param name="Precision">Share of extracted characters found in the gold.</param>
/// <param name="Recall">Share of gold characters extracted.</param>
internal readonly record struct TextOverlap(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static TextOverlap Score(string predicted, string gold)
    {
        var goldBag = Bag(gold);
        var predictedBag = Bag(predicted);
        var goldCount = goldBag.Values.Sum();
        var predictedCount = predictedBag.Values.Sum();
        if (goldCount == 0 && predictedCount == 0)
        {
            return new TextOverlap(1, 1);
        }

        var overlap = 0;
        foreach (var (c, n) in predictedBag)
        {
            overlap += Math.Min(n, goldBag.GetValueOrDefault(c));
        }

        return new TextOverlap(
            predictedCount == 0 ? 0 : (double)overlap / predictedCount,
            goldCount == 0 ? 0 : (double)overlap / goldCount);
    }

    private static Dictionary<int, int> Bag(string text)
    {
        var bag = new Dictionary<int, int>();
        for (var i = 0; i < text.Length; i++)
        {
            int rune;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                rune = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else
            {
                var mapped = TextNormalizer.Map(text[i]);
                if (!char.IsLetterOrDigit(mapped))
                {
                    continue;
                }

                rune = char.ToLowerInvariant(mapped);
            }

            bag[rune] = bag.GetValueOrDefault(rune) + 1;
        }

        return bag;
    }
}
