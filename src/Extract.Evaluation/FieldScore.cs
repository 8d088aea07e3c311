namespace Extract.Evaluation;

/// <summary>Counts for one field: true positives, predicted and gold totals, and the derived precision/recall/F1.</summary>
internal readonly record struct FieldScore(int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)TruePositives / Predicted;

    public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : (double)TruePositives / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static FieldScore operator +(FieldScore a, FieldScore b) =>
        new(a.TruePositives + b.TruePositives, a.Predicted + b.Predicted, a.Gold + b.Gold);

    /// <summary>Greedy one-to-one matching of <paramref name="predicted"/> against <paramref name="gold"/>.</summary>
    public static FieldScore Match<TP, TG>(IReadOnlyList<TP> predicted, IReadOnlyList<TG> gold, Func<TP, TG, bool> matches)
    {
        var used = new bool[gold.Count];
        var hits = 0;
        foreach (var p in predicted)
        {
            for (var i = 0; i < gold.Count; i++)
            {
                if (!used[i] && matches(p, gold[i]))
                {
                    used[i] = true;
                    hits++;
                    break;
                }
            }
        }

        return new FieldScore(hits, predicted.Count, gold.Count);
    }
}
