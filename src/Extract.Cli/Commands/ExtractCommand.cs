using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Extract.Cli.Commands;

/// <summary>
/// The root action: <c>extract PATH… [--out FILE] [--format jsonl|json|csv] [--jobs N] [--reference-date YYYY-MM-DD]
/// [--entities learned|merged|rules|tagger] [--heuristic-page] [--timeout S] [--max-body N] [--max-clause N]
/// [--max-entity N] [--max-mentions N]</c>.
/// </summary>
internal static class ExtractCommand
{
    private const string Examples = """
        Extract: Chinese news pages in, extract.article/1 JSON Lines out.

        Examples:
          extract seeds/                                 a folder → JSON Lines on standard output
          extract crawl.jsonl -o records.jsonl --jobs 4  JSON Lines in ({"id", "url", "html"|"text"}) → a file
          extract page.html --format json --reference-date 2022-11-20
          extract eval --gold seeds --verbose            per-field scores against annotated articles

        Exit codes: 0 all documents extracted, 1 none, 2 user error, 3 cannot start, 4 some documents failed.
        """;

    public static RootCommand Create()
    {
        var defaults = ExtractorOptions.Default;
        var paths = new Argument<string[]>("paths") { Description = "Files (.html .htm .txt .jsonl, or JSON by content) or folders", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out", "-o") { Description = "Write to FILE instead of standard output", HelpName = "FILE" };
        var format = CliOptions.Enum("--format", "Output format", OutputFormat.Jsonl, "-f");
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents processed in parallel", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var referenceDate = new Option<string?>("--reference-date") { Description = "Resolves yearless dates when a document states no date and has no URL date or crawl time", HelpName = "YYYY-MM-DD" };
        var entities = CliOptions.Entities("How people, places and organisations are found");
        var heuristicPage = new Option<bool>("--heuristic-page") { Description = "Pick a page's article blocks with the hand-written scorer alone (no page model)" };
        var timeout = new Option<double>("--timeout") { Description = "Time budget per document in seconds (0: none); a document over it is an error record of kind timeout", DefaultValueFactory = _ => defaults.DocumentTimeout.TotalSeconds, HelpName = "SECONDS" };
        var maxBody = new Option<int>("--max-body") { Description = "Longest body analysed (characters); a longer one is cut and the record says truncated", DefaultValueFactory = _ => defaults.MaxBodyLength, HelpName = "N" };
        var maxClause = new Option<int>("--max-clause") { Description = "Longest achievement clause (characters)", DefaultValueFactory = _ => defaults.MaxClauseLength, HelpName = "N" };
        var maxEntity = new Option<int>("--max-entity") { Description = "Longest person, organisation or place name (characters)", DefaultValueFactory = _ => defaults.MaxEntityLength, HelpName = "N" };
        var maxMentions = new Option<int>("--max-mentions") { Description = "Mentions listed per name", DefaultValueFactory = _ => defaults.MaxMentionsPerName, HelpName = "N" };

        var root = new RootCommand(Examples) { paths, output, format, jobs, referenceDate, entities, heuristicPage, timeout, maxBody, maxClause, maxEntity, maxMentions };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds < 0 || double.IsNaN(seconds) || parse.GetValue(maxBody) < 1 || parse.GetValue(maxClause) < 1 || parse.GetValue(maxEntity) < 1 || parse.GetValue(maxMentions) < 1)
            {
                await Console.Error.WriteLineAsync("extract: --timeout must be 0 or more; --max-body, --max-clause, --max-entity and --max-mentions at least 1").ConfigureAwait(false);
                return Program.UserError;
            }

            return await RunAsync(
                parse.GetValue(paths) ?? [],
                parse.GetValue(output),
                CliOptions.Parse(parse.GetValue(format), OutputFormat.Jsonl),
                parse.GetValue(jobs),
                parse.GetValue(referenceDate),
                Console.Out,
                Console.Error,
                cancellationToken,
                defaults with
                {
                    Entities = CliOptions.Parse(parse.GetValue(entities), defaults.Entities),
                    UseLearnedPageBlocks = !parse.GetValue(heuristicPage),
                    DocumentTimeout = seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue / 1000.0)),
                    MaxBodyLength = parse.GetValue(maxBody),
                    MaxClauseLength = parse.GetValue(maxClause),
                    MaxEntityLength = parse.GetValue(maxEntity),
                    MaxMentionsPerName = parse.GetValue(maxMentions),
                }).ConfigureAwait(false);
        });
        return root;
    }

    /// <summary>
    /// Runs the extraction. Exit code 0 when every document was extracted, 4 when some failed, 1 when none could be,
    /// 2 on bad arguments, missing paths, an empty input set or an output that cannot be written. Every failed document is
    /// an error record in its place and a line on <paramref name="stderr"/>; a repeated id is a warning line; the last
    /// line counts the documents, the failures per kind, the repeated ids and names the slowest document.
    /// </summary>
    internal static async Task<int> RunAsync(
        IReadOnlyList<string> paths,
        string? outputPath,
        OutputFormat format,
        int jobs,
        string? referenceDate,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken,
        ExtractorOptions? options = null)
    {
        if (paths.Count == 0)
        {
            await stderr.WriteLineAsync("extract: no input; give files or folders (see extract --help)").ConfigureAwait(false);
            return Program.UserError;
        }

        if (Inputs.Missing(paths).ToList() is { Count: > 0 } missing)
        {
            await stderr.WriteLineAsync($"extract: not found: {string.Join(", ", missing)}").ConfigureAwait(false);
            return Program.UserError;
        }

        if (jobs < 1)
        {
            await stderr.WriteLineAsync("extract: --jobs must be at least 1").ConfigureAwait(false);
            return Program.UserError;
        }

        DateOnly? reference = null;
        if (referenceDate is not null)
        {
            if (!DateOnly.TryParseExact(referenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                await stderr.WriteLineAsync($"extract: --reference-date '{referenceDate}' is not YYYY-MM-DD").ConfigureAwait(false);
                return Program.UserError;
            }

            reference = parsed;
        }

        StreamWriter? file = null;
        if (outputPath is not null)
        {
            try
            {
                file = new StreamWriter(outputPath, append: false, new System.Text.UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await stderr.WriteLineAsync($"extract: cannot write {outputPath}: {e.Message}").ConfigureAwait(false);
                return Program.UserError;
            }
        }

        var settings = (options ?? ExtractorOptions.Default) with { ReferenceDate = reference, MaxDegreeOfParallelism = jobs };
        var extractor = new ArticleExtractor(settings);

        // Load the models before the first document (a damaged build fails here, and the first document's time is its own).
        extractor.Extract(ArticleSource.FromHtml("warm-up", "<html><body><p>3月20日，城南街道志愿者服务群众100人次。</p></body></html>"), cancellationToken);

        var writer = new OutputWriter(file ?? stdout, format);
        var warnings = new List<string>();
        int ok = 0, failed = 0, duplicates = 0;
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        (string Id, TimeSpan Time) slowest = ("", TimeSpan.Zero);
        try
        {
            writer.Begin();
            var inputs = Inputs.Enumerate(paths, settings.MaxInputLength, w => { lock (warnings) { warnings.Add(w); } }, cancellationToken);
            var results = OrderedParallel.Map(inputs, (item, ct) => Process(extractor, item, ct), jobs, cancellationToken);
            await foreach (var (result, time) in results.ConfigureAwait(false))
            {
                await FlushWarnings().ConfigureAwait(false);
                writer.Write(result);
                if (time > slowest.Time)
                {
                    slowest = (result.Id, time);
                }

                if (!ids.Add(result.Id))
                {
                    duplicates++;
                    await stderr.WriteLineAsync($"extract: duplicate id '{result.Id}' (record {ok + failed + 1})").ConfigureAwait(false);
                }

                if (result.IsSuccess)
                {
                    ok++;
                }
                else
                {
                    failed++;
                    var kind = Json.ArticleJson.Name(result.ErrorKind ?? ExtractionErrorKind.Internal);
                    kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                    await stderr.WriteLineAsync($"extract: {result.Id}: {result.Error}").ConfigureAwait(false);
                }
            }

            await FlushWarnings().ConfigureAwait(false);
            writer.End();
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (ok + failed == 0)
        {
            await stderr.WriteLineAsync($"extract: no input documents in {string.Join(", ", paths)} (.html .htm .txt .jsonl files, or JSON)").ConfigureAwait(false);
            return Program.UserError;
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"extract: {ok} document(s) extracted, {failed} failed");
        if (kinds.Count > 0)
        {
            summary += $" ({string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))})";
        }

        if (duplicates > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $", {duplicates} duplicate id(s)");
        }

        summary += string.Create(CultureInfo.InvariantCulture, $"; slowest {slowest.Id} {slowest.Time.TotalSeconds:0.00} s");
        await stderr.WriteLineAsync(summary).ConfigureAwait(false);
        return failed == 0 ? Program.Ok : ok == 0 ? Program.NothingExtracted : Program.SomeFailed;

        async Task FlushWarnings()
        {
            string[] pending;
            lock (warnings)
            {
                pending = [.. warnings];
                warnings.Clear();
            }

            foreach (var warning in pending)
            {
                await stderr.WriteLineAsync($"extract: {warning}").ConfigureAwait(false);
            }
        }
    }

    /// <summary>Loads and extracts one item; a document that cannot be read is its own error record, never an exception.</summary>
    private static (ExtractionResult Result, TimeSpan Time) Process(ArticleExtractor extractor, InputItem item, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ArticleSource source;
        try
        {
            source = item.Load();
        }
        catch (InputException e)
        {
            return (ExtractionResult.Failure(e.Id, e.Message, e.Kind, "input"), clock.Elapsed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (ExtractionResult.Failure(item.Id, e.Message, ExtractionErrorKind.InvalidInput, "input"), clock.Elapsed);
        }

        return (extractor.Extract(source, cancellationToken), clock.Elapsed);
    }
}
