using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using Extract.Fleet;
using StackExchange.Redis;

namespace Extract.Cli.Commands;

/// <summary>
/// <c>extract enqueue PATH…|- --redis CONN [--stream S]</c> and <c>extract worker --redis CONN --pg CONN [--stream S]
/// [--group G] [--consumer C] [--max-attempts N] [--dead-letter S] [--exit-when-drained] [--jobs N]</c>: the fleet on Redis Streams and PostgreSQL.
/// </summary>
internal static class FleetCommands
{
    private static readonly FleetOptions Defaults = new();

    public static Command Enqueue()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or JSON Lines (- for standard input), read as extract reads them", Arity = ArgumentArity.OneOrMore };
        var redis = new Option<string?>("--redis") { Description = "StackExchange.Redis connection string (host:port,…)", HelpName = "CONN" };
        var stream = new Option<string>("--stream") { Description = "The stream documents are pushed to", DefaultValueFactory = _ => Defaults.Stream, HelpName = "S" };
        var command = new Command("enqueue", "Push documents into the fleet's Redis Stream") { paths, redis, stream };
        command.SetAction((parse, cancellationToken) =>
            EnqueueAsync(parse.GetValue(paths)!, parse.GetValue(redis), Defaults with { Stream = parse.GetValue(stream)! }, Console.Error, cancellationToken));
        return command;
    }

    public static Command Worker()
    {
        var redis = new Option<string?>("--redis") { Description = "StackExchange.Redis connection string (host:port,…)", HelpName = "CONN" };
        var pg = new Option<string?>("--pg") { Description = "Npgsql connection string of the PostgreSQL database records go to", HelpName = "CONN" };
        var stream = new Option<string>("--stream") { Description = "The stream documents are read from", DefaultValueFactory = _ => Defaults.Stream, HelpName = "S" };
        var group = new Option<string>("--group") { Description = "The consumer group", DefaultValueFactory = _ => Defaults.Group, HelpName = "G" };
        var consumer = new Option<string?>("--consumer") { Description = "This worker's consumer name (default: host-pid)", HelpName = "C" };
        var maxAttempts = new Option<int>("--max-attempts") { Description = "Deliveries before a document goes to the dead-letter stream", DefaultValueFactory = _ => Defaults.MaxAttempts, HelpName = "N" };
        var deadLetter = new Option<string>("--dead-letter") { Description = "The stream a document goes to after --max-attempts deliveries", DefaultValueFactory = _ => Defaults.DeadLetterStream, HelpName = "S" };
        var drained = new Option<bool>("--exit-when-drained") { Description = "Stop when nothing is new or pending (default: wait for more)" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents of a read extracted in parallel", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var command = new Command("worker", "Extract documents from the Redis Stream into PostgreSQL (at-least-once, idempotent upsert)") { redis, pg, stream, group, consumer, maxAttempts, deadLetter, drained, jobs };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = Defaults with
            {
                Stream = parse.GetValue(stream)!,
                Group = parse.GetValue(group)!,
                Consumer = parse.GetValue(consumer) ?? Defaults.Consumer,
                MaxAttempts = parse.GetValue(maxAttempts),
                DeadLetterStream = parse.GetValue(deadLetter)!,
                ExitWhenDrained = parse.GetValue(drained),
            };
            using var stop = new Stop(cancellationToken);
            var code = await WorkerAsync(parse.GetValue(redis), parse.GetValue(pg), options, parse.GetValue(jobs), Console.Error, stop.Token).ConfigureAwait(false);
            return stop.ExitCode ?? code;
        });
        return command;
    }

    internal static async Task<int> EnqueueAsync(IReadOnlyList<string> paths, string? redis, FleetOptions options, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (redis is null)
        {
            await stderr.WriteLineAsync("extract enqueue: --redis CONN is required").ConfigureAwait(false);
            return Program.UserError;
        }

        if (Inputs.Missing(paths).ToList() is { Count: > 0 } missing)
        {
            await stderr.WriteLineAsync($"extract enqueue: not found: {string.Join(", ", missing)}").ConfigureAwait(false);
            return Program.UserError;
        }

        if (await ConnectAsync(redis, "extract enqueue", stderr).ConfigureAwait(false) is not { } connection)
        {
            return Program.UserError;
        }

        await using (connection.ConfigureAwait(false))
        {
            var unreadable = 0;
            var sources = Sources(paths, ExtractorOptions.Default.MaxInputLength, stderr, () => unreadable++, cancellationToken);
            var count = await new StreamEnqueuer(connection.GetDatabase(), options).EnqueueAsync(sources, cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"extract enqueue: {count} document(s) pushed to {options.Stream}, {unreadable} unreadable")).ConfigureAwait(false);
            return count == 0 ? Program.NothingExtracted : unreadable > 0 ? Program.SomeFailed : Program.Ok;
        }
    }

    internal static async Task<int> WorkerAsync(string? redis, string? pg, FleetOptions options, int jobs, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (redis is null || pg is null)
        {
            await stderr.WriteLineAsync("extract worker: --redis CONN and --pg CONN are required").ConfigureAwait(false);
            return Program.UserError;
        }

        if (jobs < 1 || options.MaxAttempts < 1)
        {
            await stderr.WriteLineAsync("extract worker: --jobs and --max-attempts must be at least 1").ConfigureAwait(false);
            return Program.UserError;
        }

        if (await ConnectAsync(redis, "extract worker", stderr).ConfigureAwait(false) is not { } connection)
        {
            return Program.UserError;
        }

        await using (connection.ConfigureAwait(false))
        {
            PostgresArticleStore store;
            try
            {
                store = await PostgresArticleStore.OpenAsync(pg, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
            {
                await stderr.WriteLineAsync($"extract worker: cannot open PostgreSQL: {e.Message.Split('\n')[0]}").ConfigureAwait(false);
                return Program.UserError;
            }

            await using (store.ConfigureAwait(false))
            {
                var extractor = new ArticleExtractor(ExtractorOptions.Default with { MaxDegreeOfParallelism = jobs });
                var worker = new FleetWorker(connection.GetDatabase(), store, extractor, options, line => stderr.WriteLine($"extract worker: {line}"));
                var report = await worker.RunAsync(cancellationToken).ConfigureAwait(false);
                await stderr.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"extract worker {options.Consumer}: {report.Committed} committed, {report.Failed} failed, {report.Claimed} claimed from other workers, {report.DeadLettered} dead-lettered{(report.Cancelled ? "; stopped" : "")}")).ConfigureAwait(false);
                return Program.Ok;
            }
        }
    }

    private static async Task<ConnectionMultiplexer?> ConnectAsync(string redis, string command, TextWriter stderr)
    {
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(redis).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or ArgumentException)
        {
            await stderr.WriteLineAsync($"{command}: cannot connect to Redis {redis}: {e.Message.Split('\n')[0]}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The documents of <paramref name="paths"/>; one that cannot be read is a line on <paramref name="stderr"/>, not pushed.</summary>
    private static async IAsyncEnumerable<ArticleSource> Sources(IReadOnlyList<string> paths, int maxLineBytes, TextWriter stderr, Action unreadable, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in Inputs.Enumerate(paths, maxLineBytes, w => stderr.WriteLine($"extract enqueue: {w}"), cancellationToken).ConfigureAwait(false))
        {
            ArticleSource? source = null;
            try
            {
                source = item.Load();
            }
            catch (InputException e)
            {
                unreadable();
                await stderr.WriteLineAsync($"extract enqueue: {e.Id}: {e.Message}").ConfigureAwait(false);
            }

            if (source is not null)
            {
                yield return source;
            }
        }
    }
}
