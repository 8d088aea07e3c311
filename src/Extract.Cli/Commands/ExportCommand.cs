using System.CommandLine;
using System.Globalization;
using Extract.Store;

namespace Extract.Cli.Commands;

/// <summary><c>extract export --db FILE (--parquet DIR | --jsonl FILE|-)</c>: a store's records as Parquet tables or JSON Lines.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "The DuckDB store written by extract --db", HelpName = "FILE" };
        var parquet = new Option<string?>("--parquet") { Description = "Write one TABLE.parquet per table into DIR", HelpName = "DIR" };
        var jsonl = new Option<string?>("--jsonl") { Description = "Write every record as a JSON line (extract's output) to FILE, or - for standard output", HelpName = "FILE|-" };
        var command = new Command("export", "Export a store's records as Parquet or JSON Lines") { db, parquet, jsonl };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(db), parse.GetValue(parquet), parse.GetValue(jsonl), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Opens an existing store; a file that is not one is one line on <paramref name="stderr"/> and null.</summary>
    internal static async Task<DuckDbArticleStore?> OpenAsync(string path, string command, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await DuckDbArticleStore.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"{command}: cannot open the store {path}: {e.Message.Split('\n')[0]}").ConfigureAwait(false);
            return null;
        }
    }

    internal static async Task<int> RunAsync(string? db, string? parquet, string? jsonl, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (db is null)
        {
            await stderr.WriteLineAsync("extract export: --db FILE is required").ConfigureAwait(false);
            return Program.UserError;
        }

        if ((parquet is null) == (jsonl is null))
        {
            await stderr.WriteLineAsync("extract export: give one of --parquet DIR or --jsonl FILE|-").ConfigureAwait(false);
            return Program.UserError;
        }

        if (!File.Exists(db))
        {
            await stderr.WriteLineAsync($"extract export: not found: {db}").ConfigureAwait(false);
            return Program.UserError;
        }

        if (await OpenAsync(db, "extract export", stderr, cancellationToken).ConfigureAwait(false) is not { } opened)
        {
            return Program.UserError;
        }

        await using var store = opened;
        if (parquet is not null)
        {
            var files = await store.ExportParquetAsync(parquet, cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"extract export: {files.Length} Parquet file(s) in {parquet}")).ConfigureAwait(false);
            return Program.Ok;
        }

        if (jsonl == Inputs.StandardInput)
        {
            var count = await store.ExportJsonLinesAsync(stdout, cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"extract export: {count} record(s)")).ConfigureAwait(false);
            return Program.Ok;
        }

        StreamWriter file;
        try
        {
            file = new StreamWriter(jsonl!, append: false, new System.Text.UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"extract export: cannot write {jsonl}: {e.Message}").ConfigureAwait(false);
            return Program.UserError;
        }

        await using (file.ConfigureAwait(false))
        {
            var count = await store.ExportJsonLinesAsync(file, cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"extract export: {count} record(s) to {jsonl}")).ConfigureAwait(false);
        }

        return Program.Ok;
    }
}
