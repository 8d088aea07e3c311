using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extract.Cli.Report;

namespace Extract.Cli.Commands;

/// <summary>
/// <c>extract report STORE|FILE.jsonl… -o report.html</c>: one self-contained HTML page (Apache ECharts inline, no network
/// at view time) with achievement totals per month and per actor, places by division, the most named people and
/// organisations, articles by outlet over time, and extraction health; every chart links to the articles behind it.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "JSON Lines written by extract, or one .duckdb store written with --db", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write", HelpName = "FILE", Required = true };
        var command = new Command("report", "Write an HTML report (charts and tables) of extracted records") { files, output };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(files)!, parse.GetValue(output)!, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Reads the records, writes the page to <paramref name="output"/> (through a temporary file), and says what it wrote on <paramref name="stderr"/>.</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> paths, string output, TextWriter stderr, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var model = new CorpusModel();
        if (await CorpusInput.ReadAsync(paths, "extract report", model, stderr, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        var full = Path.GetFullPath(output);
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            await stderr.WriteLineAsync($"extract report: cannot write {output}: the folder does not exist").ConfigureAwait(false);
            return Program.UserError;
        }

        var temporary = full + ".tmp";
        try
        {
            await using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
            {
                ReportPage.Write(writer, model, ReportInfo.For(paths));
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            await stderr.WriteLineAsync($"extract report: cannot write {output}: {e.Message}").ConfigureAwait(false);
            return Program.UserError;
        }

        await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"extract report: {model.Documents} document(s) ({model.Errors} error record(s)), {model.Figures.Count} achievement figure(s) → {output} ({new FileInfo(full).Length / 1024.0 / 1024.0:0.0} MB) in {clock.Elapsed.TotalSeconds:0.00} s")).ConfigureAwait(false);
        return model.Articles > 0 ? Program.Ok : Program.NothingExtracted;
    }
}
