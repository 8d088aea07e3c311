using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Extract.Json;

namespace Extract.Cli.Commands;

/// <summary>
/// <c>extract summarize FILE.jsonl… | STORE.duckdb</c>: achievement totals per resolved actor and unit, per actor, unit
/// and action, and per month, from JSON Lines or from a store written with <c>--db</c> (summed there by DuckDB).
/// </summary>
internal static class SummarizeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "JSON Lines written by extract, or one .duckdb store written with --db", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int>("--top") { Description = "Rows per table", DefaultValueFactory = _ => 30 };
        var command = new Command("summarize", "Sum achievements across extracted records") { files, top };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(files)!;
            if (!paths.Any(IsStore))
            {
                return Run(paths, parse.GetValue(top), Console.Out, Console.Error);
            }

            if (paths.Length != 1)
            {
                await Console.Error.WriteLineAsync("extract summarize: give one .duckdb store alone, or JSON Lines files").ConfigureAwait(false);
                return Program.UserError;
            }

            return await RunStoreAsync(paths[0], parse.GetValue(top), Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A path that names a DuckDB store (by its extension, as <c>--db</c> files are named).</summary>
    internal static bool IsStore(string path) => Path.GetExtension(path).ToLowerInvariant() is ".duckdb" or ".ddb";

    /// <summary>The same tables from a store: DuckDB sums the achievements table.</summary>
    internal static async Task<int> RunStoreAsync(string path, int top, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"extract summarize: not found: {path}").ConfigureAwait(false);
            return Program.UserError;
        }

        if (await ExportCommand.OpenAsync(path, "extract summarize", stderr, cancellationToken).ConfigureAwait(false) is not { } opened)
        {
            return Program.UserError;
        }

        await using var store = opened;
        var records = await store.CountAsync(cancellationToken).ConfigureAwait(false);
        var byActor = await store.SummarizeAsync(AchievementGrouping.Actor, cancellationToken).ConfigureAwait(false);
        var byAction = await store.SummarizeAsync(AchievementGrouping.Actor | AchievementGrouping.Action, cancellationToken).ConfigureAwait(false);
        var byMonth = await store.SummarizeAsync(AchievementGrouping.Month, cancellationToken).ConfigureAwait(false);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{records} record(s), {byActor.Sum(t => t.Count)} achievement(s)"));
        Table(stdout, "by actor and unit", byActor, top, t => [t.Actor ?? "-"]);
        Table(stdout, "by actor, unit and action", byAction, top, t => [t.Actor ?? "-", t.Action ?? "-"]);
        Table(stdout, "by month and unit", byMonth, top, t => [t.Month ?? "-"]);
        return records > 0 ? Program.Ok : Program.NothingExtracted;
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
