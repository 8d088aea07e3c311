using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Extract.Cli.Report;
using Spectre.Console;
using Spectre.Console.Rendering;
using SpectreText = Spectre.Console.Text;

namespace Extract.Cli.Commands;

/// <summary>How <c>extract summarize</c> prints its totals.</summary>
internal enum SummaryFormat
{
    /// <summary>Tables for people (Spectre.Console: headers, aligned columns, East Asian widths).</summary>
    Table,

    /// <summary>One CSV table for machines: a <c>table</c> column names the grouping.</summary>
    Csv,

    /// <summary>One JSON object for machines.</summary>
    Json,
}

/// <summary>
/// <c>extract summarize FILE.jsonl… | STORE.duckdb</c>: achievement totals per unit, per actor and unit, per actor, action
/// and unit, and per month and unit, from the JSON Lines <c>extract</c> wrote or from a store written with <c>--db</c>. The
/// figures come from <see cref="CorpusModel"/>, as <c>extract report</c>'s do.
/// </summary>
internal static class SummarizeCommand
{
    /// <summary>Rows per table when <c>--top</c> is not given and the output is a table.</summary>
    public const int DefaultTop = 30;

    private static readonly (string Name, string Title, AchievementGrouping Grouping)[] Groupings =
    [
        ("unit", "By unit", AchievementGrouping.Unit),
        ("actor", "By actor and unit", AchievementGrouping.Actor),
        ("actor-action", "By actor, action and unit", AchievementGrouping.Actor | AchievementGrouping.Action),
        ("month", "By month and unit", AchievementGrouping.Month),
    ];

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "JSON Lines written by extract, or one .duckdb store written with --db", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int?>("--top") { Description = $"Rows per table (default {DefaultTop} for a table, every row for csv and json)", HelpName = "N" };
        var format = CliOptions.Enum("--format", "table (for people), csv or json (for machines)", SummaryFormat.Table);
        var command = new Command("summarize", "Sum achievements across extracted records") { files, top, format };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(files)!, parse.GetValue(top), CliOptions.Parse(parse.GetValue(format), SummaryFormat.Table), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Reads the records and prints the totals in <paramref name="format"/>.</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> paths, int? top, SummaryFormat format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (top is < 1)
        {
            await stderr.WriteLineAsync("extract summarize: --top must be at least 1").ConfigureAwait(false);
            return Program.UserError;
        }

        var model = new CorpusModel();
        if (await CorpusInput.ReadAsync(paths, "extract summarize", model, stderr, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        var tables = Groupings.Select(g => (g.Name, g.Title, g.Grouping, Totals: model.Totals(g.Grouping))).ToList();
        switch (format)
        {
            case SummaryFormat.Csv:
                WriteCsv(stdout, tables.Select(t => (t.Name, Rows: Take(t.Totals, top))));
                break;
            case SummaryFormat.Json:
                WriteJson(stdout, model, tables.Select(t => (t.Name, Rows: Take(t.Totals, top))));
                break;
            default:
                WriteTables(stdout, model, tables.Select(t => (t.Title, t.Grouping, t.Totals)), top ?? DefaultTop);
                break;
        }

        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return model.Articles > 0 ? Program.Ok : Program.NothingExtracted;
    }

    /// <summary>The first line of the table output: what was read.</summary>
    internal static string Headline(CorpusModel model)
    {
        var skipped = model.UnreadableLines > 0
            ? string.Create(CultureInfo.InvariantCulture, $"; {model.UnreadableLines} line(s) neither a record nor an error record, skipped")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{model.Documents} document(s): {model.Articles} extracted, {model.Errors} error record(s){Kinds(model)}; {model.Figures.Count} achievement figure(s){skipped}");
    }

    private static string Kinds(CorpusModel model) =>
        model.Errors == 0 ? "" : " (" + string.Join(", ", model.ErrorsByKind.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value}"))) + ")";

    private static IEnumerable<GroupTotal> Take(ImmutableArray<GroupTotal> totals, int? top) => top is { } n ? totals.Take(n) : totals;

    private static void WriteTables(TextWriter stdout, CorpusModel model, IEnumerable<(string Title, AchievementGrouping Grouping, ImmutableArray<GroupTotal> Totals)> tables, int top)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected ? Math.Max(Console.WindowWidth, 60) : 200;
        console.WriteLine(Headline(model));
        foreach (var (title, grouping, totals) in tables)
        {
            console.WriteLine();
            var table = new Table().Border(TableBorder.Simple).Title(string.Create(CultureInfo.InvariantCulture,
                $"{title}{(totals.Length > top ? $" (top {top} of {totals.Length}, most figures first)" : "")}"));
            if (grouping.HasFlag(AchievementGrouping.Actor))
            {
                table.AddColumn("Actor");
            }

            if (grouping.HasFlag(AchievementGrouping.Action))
            {
                table.AddColumn("Action");
            }

            if (grouping.HasFlag(AchievementGrouping.Month))
            {
                table.AddColumn("Month");
            }

            table.AddColumn("Unit");
            table.AddColumn(new TableColumn("Total").RightAligned());
            table.AddColumn("Approx.");
            table.AddColumn(new TableColumn("Figures").RightAligned());
            table.AddColumn(new TableColumn("Articles").RightAligned());
            foreach (var (total, rows) in totals.Take(top))
            {
                var cells = new List<IRenderable>();
                if (grouping.HasFlag(AchievementGrouping.Actor))
                {
                    cells.Add(new SpectreText(total.Actor ?? "(no actor)"));
                }

                if (grouping.HasFlag(AchievementGrouping.Action))
                {
                    cells.Add(new SpectreText(total.Action ?? "(no action)"));
                }

                if (grouping.HasFlag(AchievementGrouping.Month))
                {
                    cells.Add(new SpectreText(total.Month ?? "(no date)"));
                }

                cells.Add(new SpectreText(total.Unit));
                cells.Add(new SpectreText(total.Value.ToString("#,0.##", CultureInfo.InvariantCulture)));
                cells.Add(new SpectreText(total.Approx ? "yes" : ""));
                cells.Add(new SpectreText(total.Count.ToString(CultureInfo.InvariantCulture)));
                cells.Add(new SpectreText(rows.Length.ToString(CultureInfo.InvariantCulture)));
                table.AddRow(cells);
            }

            console.Write(table);
        }

        console.WriteLine();
        console.WriteLine("Total: the figures summed, in their unit (万 and 亿 already multiplied out). Approx.: at least one summed figure");
        console.WriteLine("was qualified in the text (余/多/近/约/超…), so the total is approximate. Figures: achievement figures summed.");
        console.WriteLine("Articles: the documents they come from. Month: of the figure's date, else of the article's publish date.");
    }

    private static void WriteCsv(TextWriter stdout, IEnumerable<(string Name, IEnumerable<GroupTotal> Rows)> tables)
    {
        stdout.WriteLine("table,actor,action,month,unit,total,approx,figures,articles");
        foreach (var (name, rows) in tables)
        {
            foreach (var (total, articles) in rows)
            {
                stdout.WriteLine(string.Join(',',
                    name, Csv(total.Actor), Csv(total.Action), Csv(total.Month), Csv(total.Unit),
                    total.Value.ToString(CultureInfo.InvariantCulture), total.Approx ? "true" : "false",
                    total.Count.ToString(CultureInfo.InvariantCulture), articles.Length.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; null is the empty field.
    private static string Csv(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void WriteJson(TextWriter stdout, CorpusModel model, IEnumerable<(string Name, IEnumerable<GroupTotal> Rows)> tables)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("documents", model.Documents);
            json.WriteNumber("extracted", model.Articles);
            json.WriteNumber("errors", model.Errors);
            json.WriteStartObject("errorsByKind");
            foreach (var (kind, count) in model.ErrorsByKind)
            {
                json.WriteNumber(kind, count);
            }

            json.WriteEndObject();
            json.WriteNumber("figures", model.Figures.Count);
            json.WriteNumber("unreadableLines", model.UnreadableLines);
            json.WriteStartObject("tables");
            foreach (var (name, rows) in tables)
            {
                json.WriteStartArray(name);
                foreach (var (total, articles) in rows)
                {
                    json.WriteStartObject();
                    json.WriteString("actor", total.Actor);
                    json.WriteString("action", total.Action);
                    json.WriteString("month", total.Month);
                    json.WriteString("unit", total.Unit);
                    json.WriteNumber("total", total.Value);
                    json.WriteBoolean("approx", total.Approx);
                    json.WriteNumber("figures", total.Count);
                    json.WriteNumber("articles", articles.Length);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
