using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Extract;
using Extract.Batch;
using Extract.Fleet;
using Extract.Store;
using Npgsql;
using StackExchange.Redis;

// batch-bench COMMAND [--name value | --flag]…
//   run      --input DIR[,DIR…] --count N [--db FILE] [--out FILE] [--resume] [--shard i/n] [--batch N] [--degree N] [--fast]
//   enqueue  --input DIR[,DIR…] --count N --redis CONN [--stream S]
//   worker   --redis CONN --pg CONN [--stream S] [--consumer C] [--degree N] [--fast] [--claim-idle-ms N] [--exit-when-drained]
//   export   --db FILE --jsonl FILE        pg-export --pg CONN --jsonl FILE        pg-reset --pg CONN
// Documents are the input folders' .txt/.html/.htm files repeated in name order under new ids (d0000000-NAME), read
// lazily, so memory does not depend on the count. The last stderr line is a summary: key=value pairs.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    stop.Cancel();
});

var command = args.Length > 0 ? args[0] : "";
var options = Options.Parse(args.Skip(1));
var clock = System.Diagnostics.Stopwatch.StartNew();
switch (command)
{
    case "run":
    {
        var count = options.Int("count");
        var batchOptions = new BatchOptions
        {
            BatchSize = options.Int("batch", 256),
            Resume = options.Flag("resume"),
            Shard = options.Get("shard") is { } shard ? Shard.Parse(shard) : null,
            Total = count,
            ProgressInterval = TimeSpan.FromSeconds(5),
            Progress = p => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"progress processed={p.Processed} skipped={p.Skipped} failed={p.Failed} docs/s={p.DocumentsPerSecond:0.0} eta={p.Eta:hh\\:mm\\:ss} rssMiB={Memory.CurrentMiB():0}")),
        };
        await using var store = options.Get("db") is { } db ? await DuckDbArticleStore.OpenAsync(db) : null;
        await using var output = options.Get("out") is { } path ? new StreamWriter(path, append: true) : null;
        var progress = await new BatchRunner(Extractor(options), batchOptions)
            .RunAsync(Documents.Inputs(options.Get("input")!, count), output, store, stop.Token);
        Summary($"processed={progress.Processed} skipped={progress.Skipped} failed={progress.Failed} cancelled={progress.Cancelled}", progress.Processed);
        return progress.Cancelled ? 130 : 0;
    }

    case "enqueue":
    {
        var fleet = Fleet(options);
        using var redis = await ConnectionMultiplexer.ConnectAsync(options.Get("redis")!);
        var pushed = await new StreamEnqueuer(redis.GetDatabase(), fleet).EnqueueAsync(Documents.Sources(options.Get("input")!, options.Int("count")), stop.Token);
        Summary($"enqueued={pushed}", pushed);
        return 0;
    }

    case "worker":
    {
        var fleet = Fleet(options);
        using var redis = await ConnectionMultiplexer.ConnectAsync(options.Get("redis")!);
        await using var store = await PostgresArticleStore.OpenAsync(options.Get("pg")!);
        var extractor = Extractor(options);

        // Load the models before taking the time, so startedAt..endedAt is the work alone (the script times the fleet
        // from the first worker's start to the last one's end).
        extractor.Extract(ArticleSource.FromHtml("warm-up", "<html><head><title>标题</title></head><body><div><p>2022年11月2日，社区志愿者张明为居民配送生活物资300份。</p></div></body></html>"));
        var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var report = await new FleetWorker(redis.GetDatabase(), store, extractor, fleet, Console.Error.WriteLine).RunAsync(stop.Token);
        var ended = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Summary($"committed={report.Committed} claimed={report.Claimed} dead={report.DeadLettered} cancelled={report.Cancelled} startedAt={started} endedAt={ended}", report.Committed);
        return 0;
    }

    case "export":
    {
        await using var store = await DuckDbArticleStore.OpenAsync(options.Get("db")!);
        await using var writer = new StreamWriter(options.Get("jsonl")!);
        Summary($"exported={await store.ExportJsonLinesAsync(writer)}", 0);
        return 0;
    }

    case "pg-export":
    {
        await using var store = await PostgresArticleStore.OpenAsync(options.Get("pg")!);
        await using var writer = new StreamWriter(options.Get("jsonl")!);
        var n = 0L;
        await foreach (var record in store.ReadAllAsync())
        {
            await writer.WriteLineAsync(Extract.Json.ArticleJson.Serialize(record.Result));
            n++;
        }

        Summary($"exported={n}", 0);
        return 0;
    }

    case "pg-reset":
    {
        await using var connection = new NpgsqlConnection(options.Get("pg")!);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand("DROP TABLE IF EXISTS articles, people, organizations, places, dates, achievements, schema_version", connection);
        await drop.ExecuteNonQueryAsync();
        return 0;
    }

    default:
        Console.Error.WriteLine("usage: batch-bench run|enqueue|worker|export|pg-export|pg-reset [options] (see Program.cs)");
        return 2;
}

void Summary(string what, long documents)
{
    var seconds = clock.Elapsed.TotalSeconds;
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"summary {what} seconds={seconds:0.0} docs/s={documents / Math.Max(seconds, 1e-9):0.0} cpuSeconds={System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} peakRssMiB={Memory.PeakMiB():0}"));
}

static ArticleExtractor Extractor(Options options) => new(ExtractorOptions.Default with
{
    ReferenceDate = new DateOnly(2022, 11, 20),
    MaxDegreeOfParallelism = options.Int("degree", 1),
    Entities = options.Flag("fast") ? EntityStrategy.Rules : EntityStrategy.Merged,
    UseLearnedPageBlocks = !options.Flag("fast"),
});

static FleetOptions Fleet(Options options) => new FleetOptions
{
    ExitWhenDrained = options.Flag("exit-when-drained"),
    ClaimIdle = TimeSpan.FromMilliseconds(options.Int("claim-idle-ms", 60_000)),
    PollInterval = TimeSpan.FromMilliseconds(200),
} with
{
    Stream = options.Get("stream") ?? "extract:documents",
    Consumer = options.Get("consumer") ?? $"{Environment.MachineName}-{Environment.ProcessId}",
};

internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                options._values[name] = null;
            }
            else if (name is not null)
            {
                options._values[name] = arg;
                name = null;
            }
        }

        return options;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.ContainsKey(name);

    public int Int(string name, int fallback = 0) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

internal static class Documents
{
    private static List<(string Name, string Path, bool Html)> Files(string folders) =>
    [
        .. folders.Split(',').SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".txt" or ".html" or ".htm")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), f, Path.GetExtension(f) != ".txt")),
    ];

    public static async IAsyncEnumerable<BatchInput> Inputs(string folders, int count)
    {
        var files = Files(folders);
        for (var i = 0; i < count; i++)
        {
            var (name, path, html) = files[i % files.Count];
            var id = string.Create(CultureInfo.InvariantCulture, $"d{i:D7}-{name}");
            yield return BatchInput.Deferred(id, () => ArticleSource.FromBytes(id, File.ReadAllBytes(path), html));
            if (i % 1024 == 0)
            {
                await Task.Yield();
            }
        }
    }

    public static async IAsyncEnumerable<ArticleSource> Sources(string folders, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var input in Inputs(folders, count).WithCancellation(cancellationToken))
        {
            yield return input.Load();
        }
    }
}

internal static class Memory
{
    public static double PeakMiB() => Status("VmHWM:");

    public static double CurrentMiB() => Status("VmRSS:");

    private static double Status(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }
}
