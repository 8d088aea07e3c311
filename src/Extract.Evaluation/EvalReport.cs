using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Extract.Evaluation;

/// <summary>Scores over a gold set: per-field micro-averaged P/R/F1, exact-field accuracy, and named metrics for thresholds.</summary>
internal sealed record EvalReport(ImmutableArray<ArticleScore> Articles)
{
    public static readonly ImmutableArray<string> FieldOrder =
        ["people", "organizations", "places", "entities", "dates", "achievements", "authors", "editors", "boilerplate"];

    public static readonly ImmutableArray<string> ExactOrder = ["title", "outlet", "publishedAt", "authors", "editors"];

    public FieldScore Total(string field) =>
        Articles.Aggregate(default(FieldScore), (sum, a) => sum + a.Fields.GetValueOrDefault(field));

    public double ExactAccuracy(string field) =>
        Articles.IsEmpty ? 0 : (double)Articles.Count(a => a.Exact.GetValueOrDefault(field)) / Articles.Length;

    public double ContentKept => Articles.IsEmpty ? 0 : Articles.Average(a => a.ContentKept);

    public double ActorAccuracy => Ratio(Articles.Sum(a => a.Actor.Right), Articles.Sum(a => a.Actor.Total));

    public double ActionAccuracy => Ratio(Articles.Sum(a => a.Action.Right), Articles.Sum(a => a.Action.Total));

    /// <summary>Every figure by a stable name ("people.f1", "exact.title", "contentKept"…), for thresholds.</summary>
    public ImmutableSortedDictionary<string, double> Metrics()
    {
        var metrics = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var field in FieldOrder)
        {
            var total = Total(field);
            metrics[$"{field}.precision"] = total.Precision;
            metrics[$"{field}.recall"] = total.Recall;
            metrics[$"{field}.f1"] = total.F1;
        }

        foreach (var field in ExactOrder)
        {
            metrics[$"exact.{field}"] = ExactAccuracy(field);
        }

        metrics["contentKept"] = ContentKept;
        metrics["achievements.actor"] = ActorAccuracy;
        metrics["achievements.action"] = ActionAccuracy;
        return metrics.ToImmutable();
    }

    public string Format(bool verbose)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"{Articles.Length} article(s)");
        text.AppendLine("field           P       R       F1      tp/pred/gold");
        foreach (var field in FieldOrder)
        {
            var t = Total(field);
            text.AppendLine(inv, $"{field,-15} {t.Precision,6:0.000}  {t.Recall,6:0.000}  {t.F1,6:0.000}  {t.TruePositives}/{t.Predicted}/{t.Gold}");
        }

        text.AppendLine("exact           accuracy");
        foreach (var field in ExactOrder)
        {
            text.AppendLine(inv, $"{field,-15} {ExactAccuracy(field),6:0.000}");
        }

        text.AppendLine(inv, $"{"contentKept",-15} {ContentKept,6:0.000}");
        text.AppendLine(inv, $"{"actor",-15} {ActorAccuracy,6:0.000}  ({Articles.Sum(a => a.Actor.Right)}/{Articles.Sum(a => a.Actor.Total)} matched achievements)");
        text.AppendLine(inv, $"{"action",-15} {ActionAccuracy,6:0.000}  ({Articles.Sum(a => a.Action.Right)}/{Articles.Sum(a => a.Action.Total)} matched achievements)");
        if (verbose)
        {
            foreach (var article in Articles)
            {
                text.AppendLine().AppendLine(inv, $"== {article.Id}   contentKept {article.ContentKept:0.000}   exact: {string.Join(' ', ExactOrder.Select(f => $"{f}={(article.Exact.GetValueOrDefault(f) ? "ok" : "NO")}"))}");
                foreach (var (field, (missed, spurious)) in article.Differences.OrderBy(d => FieldOrder.IndexOf(d.Key)))
                {
                    if (!missed.IsEmpty)
                    {
                        text.AppendLine(inv, $"  {field} missed:   {string.Join(" | ", missed)}");
                    }

                    if (!spurious.IsEmpty)
                    {
                        text.AppendLine(inv, $"  {field} spurious: {string.Join(" | ", spurious)}");
                    }
                }
            }
        }

        return text.ToString();
    }

    private static double Ratio(int right, int total) => total == 0 ? 0 : (double)right / total;
}
