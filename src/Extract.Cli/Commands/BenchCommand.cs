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
        var command = new Command("bench", "Measure cold start, throughput and peak memory") { paths, repeat, jobs, entities };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(paths)!, parse.GetValue(repeat), parse.GetValue(jobs), Console.Out, ct, CliOptions.Parse(parse.GetValue(entities), ExtractorOptions.Default.Entities)));
        return command;
    }

    internal static async Task<int> RunAsync(IReadOnlyList<string> paths, int repeat, int jobs, TextWriter stdout, CancellationToken cancellationToken, EntityStrategy? entities = null)
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
        await stdout.WriteLineAsync(string.Create(inv, $"single-threaded      {documents / single:0.0} docs/s, {megabytes / single:0.00} MB/s")).ConfigureAwait(false);
        await stdout.WriteLineAsync(string.Create(inv, $"parallel ({jobs} jobs)    {documents / parallel:0.0} docs/s, {megabytes / parallel:0.00} MB/s")).ConfigureAwait(false);
        await stdout.WriteLineAsync(string.Create(inv, $"peak working set     {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB")).ConfigureAwait(false);
        return 0;
    }
}
