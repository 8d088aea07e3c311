using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Extract.Json;

namespace Extract.Cli.Commands;

/// <summary><c>extract summarize FILE.jsonl…</c>: achievement totals per resolved actor and unit, per actor, unit and action, and per month.</summary>
internal static class SummarizeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "JSON Lines written by extract", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int>("--top") { Description = "Rows per table", DefaultValueFactory = _ => 30 };
        var command = new Command("summarize", "Sum achievements across extracted records") { files, top };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(top), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(IReadOnlyList<string> files, int top, TextWriter stdout, TextWriter stderr)
    {
        var articles = new List<Article>();
        var skipped = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                stderr.WriteLine($"extract summarize: not found: {file}");
                return 2;
            }

            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    articles.Add(ArticleJson.Deserialize(line));
                }
                catch (JsonException)
                {
                    skipped++; // error lines and foreign records
                }
            }
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles.Count} article(s), {articles.Sum(a => a.Achievements.Length)} achievement(s), {skipped} line(s) skipped"));
        Table(stdout, "by actor and unit", AchievementSummary.Sum(articles, AchievementGrouping.Actor), top, t => [t.Actor ?? "-"]);
        Table(stdout, "by actor, unit and action", AchievementSummary.Sum(articles, AchievementGrouping.Actor | AchievementGrouping.Action), top, t => [t.Actor ?? "-", t.Action ?? "-"]);
        Table(stdout, "by month and unit", AchievementSummary.Sum(articles, AchievementGrouping.Month), top, t => [t.Month ?? "-"]);
        return articles.Count > 0 ? 0 : 1;
    }

    private static void Table(TextWriter stdout, string title, IReadOnlyList<AchievementTotal> totals, int top, Func<AchievementTotal, string[]> keys)
    {
        stdout.WriteLine();
        stdout.WriteLine($"== {title}");
        foreach (var total in totals.Take(top))
        {
            var value = total.Value.ToString("0.##", CultureInfo.InvariantCulture) + (total.Approx ? "+" : "");
            stdout.WriteLine($"{value,12} {total.Unit,-4} ×{total.Count,-4} {string.Join("  ", keys(total))}");
        }
    }
}
