using System.Text.Json;

namespace Extract.Training;

/// <summary>
/// <c>score-entities --seeds DIR [--show]</c>: runs the extractor over seeds/*.txt and prints per-field precision,
/// recall and F1 for people (by name), organisations and places (by surface form) and organisations ∪ places.
/// A stand-in until the lead's <c>extract eval</c> lands on main.
/// </summary>
internal static class ScoreSeedsCommand
{
    public static int Run(string[] args)
    {
        var folder = args.SkipWhile(a => a != "--seeds").Skip(1).FirstOrDefault() ?? "seeds";
        var show = args.Contains("--show");
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "meta.json")));
        var totals = new Dictionary<string, Counts>(StringComparer.Ordinal);
        foreach (var textFile in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(textFile);
            var source = ArticleSource.FromText(id, File.ReadAllText(textFile));
            if (meta.RootElement.TryGetProperty(id, out var m) && m.TryGetProperty("fetchedAt", out var fetched))
            {
                source = source with { FetchedAt = DateTimeOffset.Parse(fetched.GetString()!, System.Globalization.CultureInfo.InvariantCulture) };
            }

            var result = ArticleExtractor.Default.Extract(source);
            if (result.Article is not { } article)
            {
                Console.WriteLine($"{id}: error {result.Error}");
                continue;
            }

            using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, id + ".gold.json")));
            var fields = new (string Field, HashSet<string> Got, HashSet<string> Want)[]
            {
                ("people", [.. article.People.Select(p => p.Name)], Names(gold, "people")),
                ("organizations", [.. article.Organizations.Select(o => o.Name)], Names(gold, "organizations")),
                ("places", [.. article.Places.Select(p => p.Name)], Names(gold, "places")),
                ("orgs+places", [.. article.Organizations.Select(o => o.Name).Concat(article.Places.Select(p => p.Name))], [.. Names(gold, "organizations").Concat(Names(gold, "places"))]),
            };
            foreach (var (field, got, want) in fields)
            {
                var counts = totals.TryGetValue(field, out var c) ? c : new Counts();
                totals[field] = counts.Add(got.Count(want.Contains), got.Count, want.Count);
                if (show && field != "orgs+places")
                {
                    Console.WriteLine($"{id} {field}\n  missed: {string.Join(' ', want.Except(got))}\n  wrong:  {string.Join(' ', got.Except(want))}");
                }
            }
        }

        Console.WriteLine($"{"field",-14} {"P",6} {"R",6} {"F1",6}   (tp/got/gold)");
        foreach (var (field, c) in totals)
        {
            Console.WriteLine($"{field,-14} {c.Precision,6:F3} {c.Recall,6:F3} {c.F1,6:F3}   ({c.Correct}/{c.Got}/{c.Gold})");
        }

        return 0;
    }

    private static HashSet<string> Names(JsonDocument gold, string field) =>
        [.. gold.RootElement.GetProperty(field).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetProperty("name").GetString()!)];

    /// <summary>Micro-averaged counts.</summary>
    internal readonly record struct Counts(int Correct, int Got, int Gold)
    {
        public double Precision => Got == 0 ? 0 : (double)Correct / Got;

        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public Counts Add(int correct, int got, int gold) => new(Correct + correct, Got + got, Gold + gold);
    }
}
