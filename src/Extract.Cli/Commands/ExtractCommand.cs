using System.CommandLine;
using System.Globalization;
using Extract.Batch;
using Extract.Store;

namespace Extract.Cli.Commands;

/// <summary>
/// The root action: <c>extract PATH… [--out FILE|DIR] [--format jsonl|json|csv] [--bom|--no-bom] [--jobs N] [--reference-date YYYY-MM-DD]
/// [--entities learned|merged|rules|tagger] [--heuristic-page] [--timeout S] [--max-body N] [--max-markup N] [--max-clause N]
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
          extract crawl.jsonl --format csv -o out/        out/articles.csv + out/achievements.csv (UTF-8 with BOM, for Excel)
          crawler | extract - --db crawl.duckdb          JSON Lines on stdin → a DuckDB store (then extract export, summarize)
          extract crawl.jsonl --db crawl.duckdb --resume --shard 0/4   continue a killed run, this machine's quarter
          extract eval --gold seeds --verbose            per-field scores against annotated articles

        Exit codes: 0 all documents extracted, 1 none, 2 user error, 3 cannot start, 4 some documents failed,
        130/143 stopped by SIGINT/SIGTERM (the records finished are written).
        """;

    public static RootCommand Create()
    {
        var defaults = ExtractorOptions.Default;
        var paths = new Argument<string[]>("paths") { Description = "Files (.html .htm .txt .jsonl, or JSON by content) or folders", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out", "-o") { Description = "Write to FILE instead of standard output; with --format csv, a folder (existing, or ending in /) gets articles.csv and achievements.csv", HelpName = "FILE|DIR" };
        var format = CliOptions.Enum("--format", "Output format", OutputFormat.Jsonl, "-f");
        var bom = new Option<bool>("--bom") { Description = "Start CSV output with a UTF-8 byte-order mark (Excel needs it for Chinese); the default for CSV files, not for standard output" };
        var noBom = new Option<bool>("--no-bom") { Description = "No byte-order mark in CSV files" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents processed in parallel", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var referenceDate = new Option<string?>("--reference-date") { Description = "Resolves yearless dates when a document states no date and has no URL date or crawl time", HelpName = "YYYY-MM-DD" };
        var entities = CliOptions.Entities("How people, places and organisations are found");
        var heuristicPage = new Option<bool>("--heuristic-page") { Description = "Pick a page's article blocks with the hand-written scorer alone (no page model)" };
        var timeout = new Option<double>("--timeout") { Description = "Time budget per document in seconds (0: none); a document over it is an error record of kind timeout", DefaultValueFactory = _ => defaults.DocumentTimeout.TotalSeconds, HelpName = "SECONDS" };
        var maxBody = new Option<int>("--max-body") { Description = "Longest body analysed (characters); a longer one is cut and the record says truncated", DefaultValueFactory = _ => defaults.MaxBodyLength, HelpName = "N" };
        var maxMarkup = new Option<int>("--max-markup") { Description = "Most HTML parsed per page (characters, after dropping scripts and styles); a longer page is cut and the record says truncated", DefaultValueFactory = _ => defaults.MaxMarkupLength, HelpName = "N" };
        var maxClause = new Option<int>("--max-clause") { Description = "Longest achievement clause (characters)", DefaultValueFactory = _ => defaults.MaxClauseLength, HelpName = "N" };
        var maxEntity = new Option<int>("--max-entity") { Description = "Longest person, organisation or place name (characters)", DefaultValueFactory = _ => defaults.MaxEntityLength, HelpName = "N" };
        var maxMentions = new Option<int>("--max-mentions") { Description = "Mentions listed per name", DefaultValueFactory = _ => defaults.MaxMentionsPerName, HelpName = "N" };
        var db = new Option<string?>("--db") { Description = "Write records to this DuckDB store (upsert by id); with no --out, to the store alone", HelpName = "FILE" };
        var resume = new Option<bool>("--resume") { Description = "Skip documents the --db store already holds with the same content" };
        var shard = new Option<string?>("--shard") { Description = "Only the documents whose stable id hash falls in shard i of n (0-based)", HelpName = "i/n" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on standard error (failures and the summary still)" };

        var root = new RootCommand(Examples) { paths, output, format, bom, noBom, jobs, referenceDate, entities, heuristicPage, timeout, maxBody, maxMarkup, maxClause, maxEntity, maxMentions, db, resume, shard, quiet };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds < 0 || double.IsNaN(seconds) || parse.GetValue(maxBody) < 1 || parse.GetValue(maxMarkup) < 1 || parse.GetValue(maxClause) < 1 || parse.GetValue(maxEntity) < 1 || parse.GetValue(maxMentions) < 1)
            {
                await Console.Error.WriteLineAsync("extract: --timeout must be 0 or more; --max-body, --max-markup, --max-clause, --max-entity and --max-mentions at least 1").ConfigureAwait(false);
                return Program.UserError;
            }

            if (parse.GetValue(bom) && parse.GetValue(noBom))
            {
                await Console.Error.WriteLineAsync("extract: --bom and --no-bom contradict each other").ConfigureAwait(false);
                return Program.UserError;
            }

            Shard? shardValue = null;
            if (parse.GetValue(shard) is { } shardText)
            {
                try
                {
                    shardValue = Shard.Parse(shardText);
                }
                catch (FormatException e)
                {
                    await Console.Error.WriteLineAsync($"extract: --shard: {e.Message}").ConfigureAwait(false);
                    return Program.UserError;
                }
            }

            var batch = new BatchSettings(
                parse.GetValue(db),
                parse.GetValue(resume),
                shardValue,
                // The live bar only when records do not go to the same terminal (its redraws would cut through them).
                parse.GetValue(quiet) ? null : new ProgressReporter(
                    Console.Error,
                    terminal: !Console.IsErrorRedirected && (Console.IsOutputRedirected || parse.GetValue(output) is not null || parse.GetValue(db) is not null)));

            using var stop = new Stop(cancellationToken);
            var code = await RunAsync(
                parse.GetValue(paths) ?? [],
                parse.GetValue(output),
                CliOptions.Parse(parse.GetValue(format), OutputFormat.Jsonl),
                parse.GetValue(jobs),
                parse.GetValue(referenceDate),
                Console.Out,
                Console.Error,
                stop.Token,
                defaults with
                {
                    Entities = CliOptions.Parse(parse.GetValue(entities), defaults.Entities),
                    UseLearnedPageBlocks = !parse.GetValue(heuristicPage),
                    DocumentTimeout = seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue / 1000.0)),
                    MaxBodyLength = parse.GetValue(maxBody),
                    MaxMarkupLength = parse.GetValue(maxMarkup),
                    MaxClauseLength = parse.GetValue(maxClause),
                    MaxEntityLength = parse.GetValue(maxEntity),
                    MaxMentionsPerName = parse.GetValue(maxMentions),
                },
                batch,
                parse.GetValue(bom) ? true : parse.GetValue(noBom) ? false : null).ConfigureAwait(false);
            return stop.ExitCode ?? code;
        });
        return root;
    }

    /// <summary>
    /// Runs the extraction. Exit code 0 when every document was extracted, 4 when some failed, 1 when none could be,
    /// 2 on bad arguments, missing paths, an empty input set or an output that cannot be written. Every failed document is
    /// an error record in its place and a line on <paramref name="stderr"/>; a repeated id is a warning line; the last
    /// line counts the documents, the failures per kind, the repeated ids and names the slowest document.
    /// CSV: <paramref name="outputPath"/> may be a folder (an existing one, or a path ending in a separator), which gets
    /// <c>articles.csv</c> and <c>achievements.csv</c>; <paramref name="bom"/> null means a byte-order mark in CSV files
    /// and none on standard output.
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
        ExtractorOptions? options = null,
        BatchSettings? batch = null,
        bool? bom = null)
    {
        if (paths.Count == 0)
        {
            await stderr.WriteLineAsync("extract: no input; give files or folders (see extract --help)").ConfigureAwait(false);
            return Program.UserError;
        }

        if (Inputs.Missing(paths).ToList() is { Count: > 0 } missing)
        {
            // An option the parser does not know arrives as a path: say so rather than "not found".
            if (missing.FirstOrDefault(p => p.Length > 1 && p[0] == '-') is { } option)
            {
                await stderr.WriteLineAsync($"extract: unknown option {option} (see extract --help)").ConfigureAwait(false);
                return Program.UserError;
            }

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

        if (batch?.Resume == true && batch.Db is null)
        {
            await stderr.WriteLineAsync("extract: --resume needs --db FILE (it skips the documents the store already holds)").ConfigureAwait(false);
            return Program.UserError;
        }

        if (bom is not null && format != OutputFormat.Csv)
        {
            await stderr.WriteLineAsync("extract: --bom and --no-bom apply to --format csv").ConfigureAwait(false);
            return Program.UserError;
        }

        var toFolder = outputPath is not null
            && (Directory.Exists(outputPath) || outputPath.EndsWith(Path.DirectorySeparatorChar) || outputPath.EndsWith(Path.AltDirectorySeparatorChar));
        if (toFolder && format != OutputFormat.Csv)
        {
            await stderr.WriteLineAsync($"extract: --out {outputPath} is a folder; a folder output needs --format csv (articles.csv + achievements.csv)").ConfigureAwait(false);
            return Program.UserError;
        }

        StreamWriter? file = null;
        StreamWriter? achievementsFile = null;
        if (outputPath is not null)
        {
            var encoding = format == OutputFormat.Csv ? OutputWriter.CsvEncoding(bom ?? true) : new System.Text.UTF8Encoding(false);
            var target = outputPath;
            try
            {
                if (toFolder)
                {
                    Directory.CreateDirectory(outputPath);
                    target = Path.Combine(outputPath, "articles.csv");
                    file = new StreamWriter(target, append: false, encoding);
                    target = Path.Combine(outputPath, "achievements.csv");
                    achievementsFile = new StreamWriter(target, append: false, encoding);
                }
                else
                {
                    file = new StreamWriter(outputPath, append: false, encoding);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                if (file is not null)
                {
                    await file.DisposeAsync().ConfigureAwait(false);
                }

                await stderr.WriteLineAsync($"extract: cannot write {target}: {e.Message}").ConfigureAwait(false);
                return Program.UserError;
            }
        }
        else if (bom == true && batch?.Db is null)
        {
            // Asked for on standard output: the mark as a character, which the console's UTF-8 writer encodes as EF BB BF.
            await stdout.WriteAsync('\uFEFF').ConfigureAwait(false);
        }

        var settings = (options ?? ExtractorOptions.Default) with { ReferenceDate = reference, MaxDegreeOfParallelism = jobs };
        var extractor = new ArticleExtractor(settings);

        // Load the models before the first document (a damaged build fails here, and the first document's time is its own).
        // The page-block model and the HTML path warm up beside the run once the first input that may be a page is read:
        // a text document neither waits for them nor holds them in memory.
        extractor.Extract(ArticleSource.FromText("warm-up", "3月20日，城南街道志愿者服务群众100人次。"), CancellationToken.None);
        var pageWarmUp = 0;
        var pacer = new GarbagePacer(GarbagePacer.DefaultBudget);
        void Loaded(ArticleSource source)
        {
            if (MayBePage(source) && Interlocked.Exchange(ref pageWarmUp, 1) == 0)
            {
                _ = Task.Run(() => extractor.Extract(ArticleSource.FromHtml("warm-up", "<html><body><p>3月20日，城南街道志愿者服务群众100人次。</p></body></html>"), CancellationToken.None), CancellationToken.None);
            }
        }

        DuckDbArticleStore? store = null;
        if (batch?.Db is { } db)
        {
            try
            {
                store = await DuckDbArticleStore.OpenAsync(db, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (file is not null)
                {
                    await file.DisposeAsync().ConfigureAwait(false);
                }

                if (achievementsFile is not null)
                {
                    await achievementsFile.DisposeAsync().ConfigureAwait(false);
                }

                await stderr.WriteLineAsync($"extract: cannot open the store {db}: {e.Message.Split('\n')[0]}").ConfigureAwait(false);
                return Program.UserError;
            }
        }

        // With a store and no --out, records go to the store alone.
        var writer = file is null && store is not null ? null : new OutputWriter(file ?? stdout, format, achievementsFile);
        var warnings = new List<string>();
        int ok = 0, failed = 0, duplicates = 0;
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var loadErrors = new System.Collections.Concurrent.ConcurrentQueue<(string InputId, InputException Error)>();
        var batchSize = new BatchOptions().BatchSize;
        var progress = batch?.Progress;
        var runOptions = new BatchOptions
        {
            Shard = batch?.Shard,
            Resume = batch?.Resume ?? false,
            Progress = progress is null ? null : p => progress.Report(p),
            Record = OnRecord,
        };

        // The ETA needs the total: count the documents ahead of the run (not on stdin, which is read once).
        using var counting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (progress is not null && !paths.Contains(Inputs.StandardInput))
        {
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        var total = 0L;
                        await foreach (var _ in Inputs.Enumerate(paths, settings.MaxInputLength, null, counting.Token).ConfigureAwait(false))
                        {
                            total++;
                        }

                        progress.Total = total;
                    }
                    catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or UnauthorizedAccessException)
                    {
                        // No total, no ETA: the run itself reports what it cannot read.
                    }
                },
                CancellationToken.None);
        }

        BatchProgress final;
        try
        {
            writer?.Begin();
            var inputs = Inputs.Enumerate(paths, settings.MaxInputLength, w => { lock (warnings) { warnings.Add(w); } }, cancellationToken);
            var runner = new BatchRunner(extractor, runOptions);
            final = progress is null
                ? await runner.RunAsync(ToBatch(inputs, loadErrors, batch?.Shard is not null, Loaded, cancellationToken), null, store, cancellationToken).ConfigureAwait(false)
                : await progress.RunAsync(() => runner.RunAsync(ToBatch(inputs, loadErrors, batch?.Shard is not null, Loaded, cancellationToken), null, store, cancellationToken)).ConfigureAwait(false);
            FlushWarnings();
            writer?.End();
        }
        finally
        {
            await counting.CancelAsync().ConfigureAwait(false);
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }

            if (achievementsFile is not null)
            {
                await achievementsFile.DisposeAsync().ConfigureAwait(false);
            }

            if (store is not null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (ok + failed == 0 && final.Skipped == 0 && final.OtherShards == 0 && !final.Cancelled)
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

        if (final.Skipped > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $", {final.Skipped} already stored (resume)");
        }

        if (final.OtherShards > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $", {final.OtherShards} in other shards");
        }

        summary += string.Create(CultureInfo.InvariantCulture, $"; {final.Elapsed.TotalSeconds:0.0} s, {final.DocumentsPerSecond:0.0} docs/s");
        if (final.Cancelled)
        {
            summary += "; stopped early: the records above are complete";
        }

        await stderr.WriteLineAsync(summary).ConfigureAwait(false);
        return failed == 0 ? Program.Ok : ok + final.Skipped == 0 ? Program.NothingExtracted : Program.SomeFailed;

        void OnRecord(ArticleRecord record)
        {
            pacer.Tick();
            FlushWarnings();
            var result = record.Result;
            if (!result.IsSuccess && loadErrors.TryPeek(out var head) && head.InputId == result.Id && loadErrors.TryDequeue(out head))
            {
                // The CLI's own reading error (its kind and the line's id), not the runner's generic one.
                result = ExtractionResult.Failure(head.Error.Id, head.Error.Message, head.Error.Kind, "input");
            }

            writer?.Write(result);
            if (!ids.Add(result.Id))
            {
                duplicates++;
                stderr.WriteLine($"extract: duplicate id '{result.Id}' (record {ok + failed + 1})");
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
                stderr.WriteLine($"extract: {result.Id}: {result.Error}");
            }

            if ((ok + failed) % batchSize == 0)
            {
                // Before the runner commits this batch to the store: every stored record is also in the output.
                (file ?? stdout).Flush();
                achievementsFile?.Flush();
            }
        }

        void FlushWarnings()
        {
            string[] pending;
            lock (warnings)
            {
                if (warnings.Count == 0)
                {
                    return;
                }

                pending = [.. warnings];
                warnings.Clear();
            }

            foreach (var warning in pending)
            {
                stderr.WriteLine($"extract: {warning}");
            }
        }
    }

    /// <summary>
    /// The CLI's inputs as batch inputs; a reading error is remembered (in order) so its record keeps the CLI's kind and
    /// id. With <paramref name="idFromContent"/> (a shard), each document is read here, so the shard is chosen by the id
    /// the document carries (a JSONL line's "id"), not by its place in a file.
    /// </summary>
    /// <summary>True when <paramref name="source"/> is HTML or may be (bytes not said to be text): the page models may be needed.</summary>
    internal static bool MayBePage(ArticleSource source) =>
        source.Kind == SourceKind.Html || (source.Kind == SourceKind.Bytes && source.BytesAreHtml != false);

    private static async IAsyncEnumerable<BatchInput> ToBatch(
        IAsyncEnumerable<InputItem> items,
        System.Collections.Concurrent.ConcurrentQueue<(string InputId, InputException Error)> loadErrors,
        bool idFromContent,
        Action<ArticleSource> loaded,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (idFromContent)
            {
                ArticleSource? source = null;
                InputException? error = null;
                try
                {
                    source = item.Load();
                }
                catch (InputException e)
                {
                    error = e;
                }

                if (source is not null)
                {
                    loaded(source);
                    yield return BatchInput.From(source);
                    continue;
                }

                yield return BatchInput.Deferred(item.Id, () =>
                {
                    loadErrors.Enqueue((item.Id, error!));
                    throw error!;
                });
                continue;
            }

            yield return BatchInput.Deferred(item.Id, () =>
            {
                try
                {
                    var source = item.Load();
                    loaded(source);
                    return source;
                }
                catch (InputException e)
                {
                    loadErrors.Enqueue((item.Id, e));
                    throw;
                }
            });
        }
    }
}
