using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Extract.Evaluation;

/// <summary>Scores over a gold set: per-field micro-averaged P/R/F1, exact-field accuracy, and named metrics for thresholds.</summary>
internal sealed record EvalReport(ImmutableArray<ArticleScore> Articles)
{
    /// <summary>The cases whose extraction failed (id, kind, message): each is scored as an empty record, and the report says so.</summary>
    public ImmutableArray<(string Id, string Kind, string Message)> Failures { get; init; } = [];

    public static readonly ImmutableArray<string> FieldOrder =
        ["people", "organizations", "places", "entities", "dates", "achievements", "authors", "editors", "boilerplate"];

    public static readonly ImmutableArray<string> ExactOrder = ["title", "outlet", "publishedAt", "authors", "editors", "isArticle"];

    /// <summary>Counts summed over the articles whose gold states <paramref name="field"/>.</summary>
    public FieldScore Total(string field) =>
        Articles.Aggregate(default(FieldScore), (sum, a) => sum + a.Fields.GetValueOrDefault(field));

    /// <summary>Articles whose gold states <paramref name="field"/> (a field scored or an exact field).</summary>
    public int Scored(string field) => Articles.Count(a => a.Fields.ContainsKey(field) || a.Exact.ContainsKey(field));

    /// <summary>Share right among the articles whose gold states <paramref name="field"/>; 0 when none does.</summary>
    public double ExactAccuracy(string field)
    {
        var scored = Articles.Where(a => a.Exact.ContainsKey(field)).ToList();
        return scored.Count == 0 ? 0 : (double)scored.Count(a => a.Exact[field]) / scored.Count;
    }

    /// <summary>Mean content kept over the articles with a text source.</summary>
    public double ContentKept => Articles.Where(a => a.ContentKept is not null).Select(a => a.ContentKept!.Value).DefaultIfEmpty(0).Average();

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

        foreach (var field in ExactOrder.Where(f => Articles.Any(a => a.Exact.ContainsKey(f))))
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
        if (!Failures.IsDefaultOrEmpty)
        {
            // A failed extraction is scored as an empty record: the figures below are the user's, but not the extractor's best.
            text.AppendLine(inv, $"{Failures.Length} failed to extract, scored as empty records:");
            foreach (var (id, kind, message) in Failures)
            {
                text.AppendLine(inv, $"  {id}: {kind}: {message}");
            }
        }

        text.AppendLine("field           P       R       F1      tp/pred/gold");
        foreach (var field in FieldOrder)
        {
            if (Scored(field) == 0)
            {
                continue;
            }

            var t = Total(field);
            text.AppendLine(inv, $"{field,-15} {t.Precision,6:0.000}  {t.Recall,6:0.000}  {t.F1,6:0.000}  {t.TruePositives}/{t.Predicted}/{t.Gold}");
        }

        if (ExactOrder.Any(field => Articles.Any(a => a.Exact.ContainsKey(field))))
        {
            text.AppendLine("exact           accuracy  right/scored");
        }

        foreach (var field in ExactOrder)
        {
            var scored = Articles.Count(a => a.Exact.ContainsKey(field));
            if (scored > 0)
            {
                text.AppendLine(inv, $"{field,-15} {ExactAccuracy(field),6:0.000}    {Articles.Count(a => a.Exact.GetValueOrDefault(field))}/{scored}");
            }
        }

        if (Articles.Any(a => a.ContentKept is not null))
        {
            text.AppendLine(inv, $"{"contentKept",-15} {ContentKept,6:0.000}");
        }

        if (Scored("achievements") == 0)
        {
            return VerboseTail(text, verbose);
        }

        text.AppendLine(inv, $"{"actor",-15} {ActorAccuracy,6:0.000}  ({Articles.Sum(a => a.Actor.Right)}/{Articles.Sum(a => a.Actor.Total)} matched achievements)");
        text.AppendLine(inv, $"{"action",-15} {ActionAccuracy,6:0.000}  ({Articles.Sum(a => a.Action.Right)}/{Articles.Sum(a => a.Action.Total)} matched achievements)");
        return VerboseTail(text, verbose);
    }

    private string VerboseTail(StringBuilder text, bool verbose)
    {
        var inv = CultureInfo.InvariantCulture;
        if (verbose)
        {
            foreach (var article in Articles)
            {
                var kept = article.ContentKept is { } k ? $"   contentKept {k.ToString("0.000", inv)}" : "";
                text.AppendLine().AppendLine(inv, $"== {article.Id}{kept}   exact: {string.Join(' ', ExactOrder.Where(article.Exact.ContainsKey).Select(f => $"{f}={(article.Exact[f] ? "ok" : "NO")}"))}");
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
