using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Extract.Cli.Commands;

/// <summary>
/// <c>extract bench PATH… [--repeat N] [--jobs N] [--entities learned|merged|rules|tagger]</c>: process start to first record (cold), warm single-threaded
/// and parallel throughput, and peak memory, over the given files. Figures only; no thresholds.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to extract", Arity = ArgumentArity.OneOrMore };
        var repeat = new Option<int>("--repeat") { Description = "Passes over the inputs for the warm figures", DefaultValueFactory = _ => 20 };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Workers for the parallel figure", DefaultValueFactory = _ => Environment.ProcessorCount };
        var entities = CliOptions.Entities("Which entity layer to run");
        var stages = new Option<bool>("--stages") { Description = "Also time each stage (time and allocated bytes per document, one extra single-threaded pass per repeat)" };
        var command = new Command("bench", "Measure cold start, throughput and peak memory") { paths, repeat, jobs, entities, stages };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(paths)!, parse.GetValue(repeat), parse.GetValue(jobs), Console.Out, ct, CliOptions.Parse(parse.GetValue(entities), ExtractorOptions.Default.Entities), parse.GetValue(stages)));
        return command;
    }

    internal static async Task<int> RunAsync(IReadOnlyList<string> paths, int repeat, int jobs, TextWriter stdout, CancellationToken cancellationToken, EntityStrategy? entities = null, bool stages = false)
    {
        if (Inputs.Missing(paths).ToList() is { Count: > 0 } missing)
        {
            await Console.Error.WriteLineAsync($"extract bench: not found: {string.Join(", ", missing)}").ConfigureAwait(false);
            return Program.UserError;
        }

        var sources = new List<ArticleSource>();
        await foreach (var item in Inputs.Enumerate(paths, ExtractorOptions.Default.MaxInputLength, null, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                sources.Add(item.Load());
            }
            catch (InputException)
            {
                // A document that does not read is not timed.
            }
        }

        if (sources.Count == 0)
        {
            await Console.Error.WriteLineAsync("extract bench: no input documents").ConfigureAwait(false);
            return Program.UserError;
        }

        var extractor = new ArticleExtractor(ExtractorOptions.Default with { MaxDegreeOfParallelism = Math.Max(1, jobs), Entities = entities ?? ExtractorOptions.Default.Entities });
        var first = extractor.Extract(sources[0], cancellationToken);
        var coldMs = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var bytes = sources.Sum(s => s.Kind == SourceKind.Bytes ? (long)s.Bytes.Length : System.Text.Encoding.UTF8.GetByteCount(s.Content!));

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var failed = first.IsSuccess ? 0 : 1;
        for (var pass = 0; pass < repeat; pass++)
        {
            foreach (var source in sources)
            {
                failed += extractor.Extract(source, cancellationToken).IsSuccess ? 0 : 1;
            }
        }

        var single = clock.Elapsed.TotalSeconds;
        var singleCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        clock.Restart();
        var all = Enumerable.Repeat(sources, repeat).SelectMany(s => s).ToAsyncEnumerable();
        await foreach (var _ in extractor.ExtractAsync(all, cancellationToken).ConfigureAwait(false))
        {
        }

        var parallel = clock.Elapsed.TotalSeconds;
        var documents = (double)sources.Count * repeat;
        var megabytes = bytes * (double)repeat / (1024 * 1024);
        var inv = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync(string.Create(inv, $"inputs               {sources.Count} document(s), {bytes / 1024.0:0.0} KiB, {repeat} pass(es), {failed} failure(s)")).ConfigureAwait(false);
        await stdout.WriteLineAsync(string.Create(inv, $"cold start           {coldMs:0} ms (process start to first record)")).ConfigureAwait(false);
        await stdout.WriteLineAsync(string.Create(inv, $"single-threaded      {documents / single:0.0} docs/s, {megabytes / single:0.00} MB/s; {documents / singleCpu:0.0} docs per CPU-second (process CPU time, JIT and GC threads included)")).ConfigureAwait(false);
        await stdout.WriteLineAsync(string.Create(inv, $"parallel ({jobs} jobs)    {documents / parallel:0.0} docs/s, {megabytes / parallel:0.00} MB/s")).ConfigureAwait(false);
        await stdout.WriteLineAsync(string.Create(inv, $"peak working set     {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB")).ConfigureAwait(false);
        await BenchAnchors.WriteAsync(extractor, sources, repeat, documents / single, stdout, cancellationToken).ConfigureAwait(false);
        if (stages)
        {
            await WriteStagesAsync(extractor, sources, repeat, stdout, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// One more single-threaded pass per repeat with every stage timed (<see cref="StageTimings"/>, plus the JSON of the
    /// record): milliseconds and KiB allocated per document, and each stage's share of the whole.
    /// </summary>
    private static async Task WriteStagesAsync(ArticleExtractor extractor, List<ArticleSource> sources, int repeat, TextWriter stdout, CancellationToken cancellationToken)
    {
        var timings = new StageTimings();
        var clock = Stopwatch.StartNew();
        for (var pass = 0; pass < repeat; pass++)
        {
            foreach (var source in sources)
            {
                var result = extractor.ExtractTimed(source, timings, cancellationToken);
                timings.Time("json", () => Extract.Json.ArticleJson.Serialize(result));
            }
        }

        var whole = clock.Elapsed;
        var documents = (double)sources.Count * repeat;
        var rows = timings.Stages.ToList();
        var total = rows.Aggregate(TimeSpan.Zero, (sum, row) => sum + row.Time);
        var inv = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync(string.Create(inv, $"stages ({documents:0} documents, single-threaded, {documents / whole.TotalSeconds:0.0} docs/s with the clocks)")).ConfigureAwait(false);
        await stdout.WriteLineAsync("  stage                         ms/doc   share   KiB/doc").ConfigureAwait(false);
        foreach (var (stage, time, bytes) in rows)
        {
            await stdout.WriteLineAsync(string.Create(inv, $"  {stage,-28} {time.TotalMilliseconds / documents,7:0.000} {time / total,7:0.0%} {bytes / 1024.0 / documents,9:0.0}")).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync(string.Create(inv, $"  {"(sum of stages)",-28} {total.TotalMilliseconds / documents,7:0.000} {1,7:0.0%} {rows.Sum(r => r.Bytes) / 1024.0 / documents,9:0.0}")).ConfigureAwait(false);
    }
}
