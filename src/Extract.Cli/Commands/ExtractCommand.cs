using System.CommandLine;
using System.Globalization;

namespace Extract.Cli.Commands;

/// <summary>
/// The root action: <c>extract PATH… [--out FILE] [--format jsonl|json|csv] [--jobs N] [--reference-date YYYY-MM-DD]
/// [--entities learned|merged|rules|tagger] [--heuristic-page]</c>.
/// </summary>
internal static class ExtractCommand
{
    public static RootCommand Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files (.html .htm .txt .jsonl) or folders", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out", "-o") { Description = "Write to FILE instead of standard output" };
        var format = new Option<OutputFormat>("--format", "-f") { Description = "jsonl (default), json or csv", DefaultValueFactory = _ => OutputFormat.Jsonl };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents processed in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var referenceDate = new Option<string?>("--reference-date") { Description = "YYYY-MM-DD: resolves yearless dates when a document states no date and has no URL date or crawl time" };
        var entities = new Option<EntityStrategy>("--entities") { Description = "learned (default), merged, rules or tagger: how people, places and organisations are found", DefaultValueFactory = _ => ExtractorOptions.Default.Entities };
        var heuristicPage = new Option<bool>("--heuristic-page") { Description = "Pick a page's article blocks with the hand-written scorer alone (no page model)" };

        var root = new RootCommand("Extract: Chinese news pages in, extract.article/1 JSON Lines out.") { paths, output, format, jobs, referenceDate, entities, heuristicPage };
        root.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(paths) ?? [],
            parse.GetValue(output),
            parse.GetValue(format),
            parse.GetValue(jobs),
            parse.GetValue(referenceDate),
            Console.Out,
            Console.Error,
            cancellationToken,
            ExtractorOptions.Default with { Entities = parse.GetValue(entities), UseLearnedPageBlocks = !parse.GetValue(heuristicPage) }));
        return root;
    }

    /// <summary>Runs the extraction; exit code 0 when at least one document was processed, 1 when none could be, 2 on bad arguments.</summary>
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
            await stderr.WriteLineAsync("extract: no input; give files or folders (see --help)").ConfigureAwait(false);
            return 2;
        }

        if (Inputs.Missing(paths).ToList() is { Count: > 0 } missing)
        {
            await stderr.WriteLineAsync($"extract: not found: {string.Join(", ", missing)}").ConfigureAwait(false);
            return 2;
        }

        if (jobs < 1)
        {
            await stderr.WriteLineAsync("extract: --jobs must be at least 1").ConfigureAwait(false);
            return 2;
        }

        DateOnly? reference = null;
        if (referenceDate is not null)
        {
            if (!DateOnly.TryParseExact(referenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                await stderr.WriteLineAsync($"extract: --reference-date '{referenceDate}' is not YYYY-MM-DD").ConfigureAwait(false);
                return 2;
            }

            reference = parsed;
        }

        var extractor = new ArticleExtractor((options ?? ExtractorOptions.Default) with { ReferenceDate = reference, MaxDegreeOfParallelism = jobs });
        var file = outputPath is null ? null : new StreamWriter(outputPath, append: false, new System.Text.UTF8Encoding(false));
        var writer = new OutputWriter(file ?? stdout, format);
        int ok = 0, failed = 0;
        try
        {
            writer.Begin();
            var results = OrderedParallel.Map(Inputs.Enumerate(paths, cancellationToken), (item, ct) => Process(extractor, item, ct), jobs, cancellationToken);
            await foreach (var result in results.ConfigureAwait(false))
            {
                writer.Write(result);
                if (result.IsSuccess)
                {
                    ok++;
                }
                else
                {
                    failed++;
                    await stderr.WriteLineAsync($"extract: {result.Id}: {result.Error}").ConfigureAwait(false);
                }
            }

            writer.End();
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }

        await stderr.WriteLineAsync($"extract: {ok} document(s) extracted, {failed} failed").ConfigureAwait(false);
        return ok > 0 ? 0 : 1;
    }

    private static ExtractionResult Process(ArticleExtractor extractor, InputItem item, CancellationToken cancellationToken)
    {
        ArticleSource source;
        try
        {
            source = item.Load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return ExtractionResult.Failure(item.Id, e.Message);
        }

        return extractor.Extract(source, cancellationToken);
    }
}
