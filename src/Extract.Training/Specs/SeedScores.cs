using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Extract.Recognition;
using Extract.Recognition.Numbers;
using Extract.Calendar;

namespace Extract.Training.Specs;

/// <summary>
/// Scores dates and achievement values on the seeds: dates match gold by value with overlapping text (both sides
/// de-duplicated by text and value); every gold achievement's (value, unit) must be among the quantities found.
/// </summary>
internal static class SeedScores
{
    public static void Run(string seedsDirectory, bool verbose)
    {
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(seedsDirectory, "meta.json"))).RootElement;
        int truePositives = 0, predicted = 0, gold = 0, valuesFound = 0, valuesGold = 0;
        Console.WriteLine();
        Console.WriteLine("seed                      dates P   R     F1    | achievement values found");
        foreach (var goldPath in Directory.GetFiles(seedsDirectory, "*.gold.json").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(goldPath)[..^".gold.json".Length];
            var text = File.ReadAllText(Path.Combine(seedsDirectory, id + ".txt"));
            var source = ArticleSource.FromText(id, text);
            if (meta.TryGetProperty(id, out var m) && SpecCase.Text(m, "fetchedAt") is { } fetched)
            {
                source = source with { FetchedAt = DateTimeOffset.Parse(fetched, CultureInfo.InvariantCulture) };
            }

            var result = ArticleExtractor.Default.Extract(source);
            if (result.Article is not { } article)
            {
                Console.WriteLine($"{id}: extraction failed: {result.Error}");
                continue;
            }

            var goldRecord = JsonDocument.Parse(File.ReadAllText(goldPath)).RootElement;
            var goldDates = goldRecord.GetProperty("dates").EnumerateArray()
                .Select(d => (Text: SpecCase.Text(d, "text") ?? string.Empty, Value: SpecCase.Text(d, "value") ?? string.Empty))
                .Distinct().ToList();
            var ours = article.Dates.Select(d => (d.Text, d.Value)).Distinct().ToList();
            var unmatched = new List<(string Text, string Value)>(goldDates);
            var wrong = new List<(string Text, string Value)>();
            foreach (var date in ours)
            {
                var hit = unmatched.FindIndex(g => g.Value == date.Value && (g.Text.Contains(date.Text, StringComparison.Ordinal) || date.Text.Contains(g.Text, StringComparison.Ordinal)));
                if (hit >= 0)
                {
                    unmatched.RemoveAt(hit);
                }
                else
                {
                    wrong.Add(date);
                }
            }

            var tp = ours.Count - wrong.Count;
            truePositives += tp;
            predicted += ours.Count;
            gold += goldDates.Count;

            var quantities = Quantities(article);
            var goldValues = goldRecord.GetProperty("achievements").EnumerateArray()
                .Select(a => (Value: a.GetProperty("value").GetDecimal(), Unit: SpecCase.Text(a, "unit") ?? string.Empty, Text: SpecCase.Text(a, "text") ?? string.Empty))
                .ToList();
            var missing = goldValues.Where(g => !quantities.Any(q => q.Value == g.Value && q.Unit == g.Unit)).ToList();
            valuesFound += goldValues.Count - missing.Count;
            valuesGold += goldValues.Count;
            var (p, r, f) = Prf(tp, ours.Count, goldDates.Count);
            Console.WriteLine($"{id,-25} {p,5:P0} {r,5:P0} {f,6:F3} | {goldValues.Count - missing.Count}/{goldValues.Count}");
            if (verbose)
            {
                foreach (var w in wrong)
                {
                    Console.WriteLine($"    extra date  {w.Text} = {w.Value}");
                }

                foreach (var u in unmatched)
                {
                    Console.WriteLine($"    missed date {u.Text} = {u.Value}");
                }

                foreach (var a in missing)
                {
                    Console.WriteLine($"    missed value {a.Value} {a.Unit}  ({a.Text})");
                }

                var others = quantities.Where(q => !goldValues.Any(g => g.Value == q.Value && g.Unit == q.Unit)).Select(q => $"{q.Text}={q.Value}{q.Unit}");
                Console.WriteLine($"    other quantities (not gold achievements): {string.Join(", ", others)}");
            }
        }

        var (tp2, tr2, tf2) = Prf(truePositives, predicted, gold);
        Console.WriteLine($"{"all seeds",-25} {tp2,5:P0} {tr2,5:P0} {tf2,6:F3} | {valuesFound}/{valuesGold}");
    }

    private static (double P, double R, double F) Prf(int tp, int predicted, int gold)
    {
        var p = predicted == 0 ? 1.0 : (double)tp / predicted;
        var r = gold == 0 ? 1.0 : (double)tp / gold;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /// <summary>The quantity recogniser's output on the article's body, with the article's dates masking date spans.</summary>
    private static ImmutableArray<QuantityMention> Quantities(Article article)
    {
        var dates = article.Dates.Where(d => d.Span is not null).Select(d => new DateValueMention(d.Span!.Value, d.Text, d.Value)).ToImmutableArray();
        var document = new DocumentText(article.Body, [new TextSpan(0, article.Body.Length)], [], new ReferenceDates(null, null, null, null));
        return new QuantityRecognizer().Recognize(document, Mentions.Empty with { Dates = dates }, CancellationToken.None).Quantities;
    }
}
