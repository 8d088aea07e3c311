using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Extract.Batch;
using Extract.Cli.Commands;
using Extract.Store;

namespace Extract.Cli.Tests;

/// <summary>The batch side of the built tool, run as a process: stdin, --db, --resume, --shard, progress and signals.</summary>
public sealed class BatchCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract-batch-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "Extract.Cli.dll");

    /// <summary>A JSON Lines crawl of <paramref name="count"/> small distinct documents.</summary>
    private string Crawl(int count, int sentences = 3)
    {
        var path = Path.Combine(_dir, $"crawl-{count}.jsonl");
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var body = string.Concat(Enumerable.Range(0, sentences).Select(s => $"{(s % 12) + 1}月{(i % 28) + 1}日，城南街道第{i}社区志愿者服务群众{i + s + 1}人次，发放资料{s + 2}份。"));
            builder.Append(JsonSerializer.Serialize(new { id = $"doc-{i}", text = $"城南街道志愿服务纪实{i}\n{body}" })).Append('\n');
        }

        File.WriteAllText(path, builder.ToString());
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(string[] args, string? stdin = null)
    {
        var start = new ProcessStartInfo("dotnet", [Cli, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        process.WaitForExit(180_000).Should().BeTrue();
        return (process.ExitCode, await stdoutTask, await stderrTask);
    }

    private static List<string> Ids(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_dash_reads_json_lines_from_standard_input_like_the_file()
    {
        var crawl = Crawl(12);
        var fromFile = await Run([crawl, "--quiet"]);
        var fromStdin = await Run(["-", "--quiet"], File.ReadAllText(crawl) + "not json\n");

        fromFile.Code.Should().Be(0, fromFile.Err);
        fromStdin.Code.Should().Be(4, fromStdin.Err);
        var lines = fromStdin.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(13);
        string.Join('\n', lines[..12]).Should().Be(fromFile.Out.TrimEnd('\n'));
        lines[12].Should().Contain("\"id\":\"stdin:13\"").And.Contain("invalid-input");
        fromStdin.Err.Should().Contain("12 document(s) extracted, 1 failed");
    }

    [Fact]
    public async Task A_db_run_writes_the_store_alone_and_resume_skips_what_it_holds()
    {
        var crawl = Crawl(10);
        var db = Path.Combine(_dir, "crawl.duckdb");
        var first = await Run([crawl, "--db", db, "--quiet"]);
        first.Code.Should().Be(0, first.Err);
        first.Out.Should().BeEmpty("with --db and no --out the records go to the store alone");

        var again = await Run([crawl, "--db", db, "--resume", "--quiet"]);
        again.Code.Should().Be(0, again.Err);
        again.Err.Should().Contain("0 document(s) extracted").And.Contain("10 already stored");

        var withOut = Path.Combine(_dir, "out.jsonl");
        var both = await Run([crawl, "--db", db, "-o", withOut, "--quiet"]);
        both.Code.Should().Be(0, both.Err);
        Ids(File.ReadAllText(withOut)).Should().HaveCount(10);

        await using var store = await DuckDbArticleStore.OpenAsync(db);
        (await store.CountAsync()).Should().Be(10);
    }

    [Fact]
    public async Task Shards_partition_the_documents()
    {
        var crawl = Crawl(20);
        var all = await Run([crawl, "--quiet"]);
        var zero = await Run([crawl, "--shard", "0/2", "--quiet"]);
        var one = await Run([crawl, "--shard", "1/2", "--quiet"]);

        var zeroIds = Ids(zero.Out);
        var oneIds = Ids(one.Out);
        zeroIds.Should().NotBeEmpty().And.NotIntersectWith(oneIds);
        zeroIds.Concat(oneIds).Should().BeEquivalentTo(Ids(all.Out));
        zeroIds.Should().OnlyContain(id => Shard.Of(id, 2) == 0);
        zero.Err.Should().Contain($"{oneIds.Count} in other shards");
    }

    [Fact]
    public void A_progress_line_counts_documents_rate_failures_and_the_eta()
    {
        var line = ProgressReporter.Line(new BatchProgress { Processed = 100, Failed = 2, Total = 300, Elapsed = TimeSpan.FromSeconds(10) });
        line.Should().Be("100 documents, 10.0 docs/s, 2 failed, ETA 0:00:20");
        ProgressReporter.Line(new BatchProgress { Processed = 5, Elapsed = TimeSpan.FromSeconds(1) }).Should().NotContain("ETA");
    }

    [Fact]
    public void Off_a_terminal_a_report_is_one_line_with_the_eta_once_the_count_ahead_is_known()
    {
        using var stderr = new StringWriter();
        var reporter = new ProgressReporter(stderr, terminal: false);
        reporter.Report(new BatchProgress { Processed = 50, Elapsed = TimeSpan.FromSeconds(5) });
        reporter.Total = 150;
        reporter.Report(new BatchProgress { Processed = 100, Elapsed = TimeSpan.FromSeconds(10) });
        reporter.Report(new BatchProgress { Processed = 150, Elapsed = TimeSpan.FromSeconds(15), Final = true });

        stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "extract: 50 documents, 10.0 docs/s, 0 failed",
            "extract: 100 documents, 10.0 docs/s, 0 failed, ETA 0:00:05");
    }

    [Fact]
    public async Task Sigterm_mid_run_keeps_whole_records_and_exits_143_without_a_stack_trace()
    {
        var crawl = Crawl(3000, sentences: 20);
        var output = Path.Combine(_dir, "partial.jsonl");
        var start = new ProcessStartInfo("dotnet", [Cli, crawl, "-o", output, "--jobs", "1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        var progressSeen = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data.Contains("docs/s", StringComparison.Ordinal))
            {
                progressSeen.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        _ = process.StandardOutput.ReadToEndAsync();

        // Off a terminal, progress is a line every few seconds: the first one says the run is under way.
        (await Task.WhenAny(progressSeen.Task, Task.Delay(120_000))).Should().Be(progressSeen.Task, "a progress line on stderr");
        process.HasExited.Should().BeFalse("3,000 documents on one worker take longer than the first progress line");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit(10_000);
        }

        process.WaitForExit(60_000).Should().BeTrue();
        process.WaitForExit();
        string err;
        lock (stderr)
        {
            err = stderr.ToString();
        }

        process.ExitCode.Should().Be(143, err);
        err.Should().NotContain("   at ").And.NotContain("Exception").And.Contain("stopped early");
        var text = File.ReadAllText(output);
        text.Should().NotBeEmpty().And.EndWith("\n");
        var ids = Ids(text);
        ids.Should().HaveCountLessThan(3000).And.OnlyHaveUniqueItems();
        ids.Should().Equal(Enumerable.Range(0, ids.Count).Select(i => $"doc-{i}"), "finished records are written in input order");
    }

    [Fact]
    public async Task Export_and_summarize_read_the_store_a_db_run_wrote()
    {
        var crawl = Crawl(15);
        var db = Path.Combine(_dir, "export.duckdb");
        var records = Path.Combine(_dir, "records.jsonl");
        (await Run([crawl, "--db", db, "-o", records, "--quiet"])).Code.Should().Be(0);

        var exported = await Run(["export", "--db", db, "--jsonl", "-"]);
        exported.Code.Should().Be(0, exported.Err);
        Ids(exported.Out).Should().BeEquivalentTo(Ids(File.ReadAllText(records)));

        var parquet = Path.Combine(_dir, "parquet");
        (await Run(["export", "--db", db, "--parquet", parquet])).Code.Should().Be(0);
        File.Exists(Path.Combine(parquet, "articles.parquet")).Should().BeTrue();
        File.Exists(Path.Combine(parquet, "achievements.parquet")).Should().BeTrue();

        var fromStore = await Run(["summarize", db]);
        var fromJsonl = await Run(["summarize", records]);
        fromStore.Code.Should().Be(0, fromStore.Err);
        fromStore.Out.Should().StartWith("15 document(s): 15 extracted, 0 error record(s)");
        fromStore.Out.Should().Be(fromJsonl.Out, "the store's records sum to the same tables as the JSON Lines of the same run");
    }

    [Fact]
    public async Task A_db_run_killed_outright_and_resumed_leaves_the_same_store_as_an_uninterrupted_run()
    {
        var crawl = Crawl(1500, sentences: 10);
        var killed = Path.Combine(_dir, "killed.duckdb");
        var start = new ProcessStartInfo("dotnet", [Cli, crawl, "--db", killed, "--jobs", "1"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using (var process = Process.Start(start)!)
        {
            var committed = new TaskCompletionSource();
            process.ErrorDataReceived += (_, e) =>
            {
                // A progress line past two batches: at least one batch is committed to the store.
                if (e.Data is { } line && line.StartsWith("extract: ", StringComparison.Ordinal) && line.Contains(" documents, ", StringComparison.Ordinal)
                    && long.Parse(line["extract: ".Length..line.IndexOf(' ', "extract: ".Length)], System.Globalization.CultureInfo.InvariantCulture) >= 600)
                {
                    committed.TrySetResult();
                }
            };
            process.BeginErrorReadLine();
            _ = process.StandardOutput.ReadToEndAsync();
            (await Task.WhenAny(committed.Task, Task.Delay(180_000))).Should().Be(committed.Task);
            process.HasExited.Should().BeFalse("1,500 documents on one worker outlast 600");
            process.Kill(entireProcessTree: true);
            process.WaitForExit(60_000).Should().BeTrue();
        }

        var resumed = await Run([crawl, "--db", killed, "--resume", "--quiet"]);
        resumed.Code.Should().Be(0, resumed.Err);
        resumed.Err.Should().MatchRegex(@"[1-9]\d* already stored \(resume\)");

        var whole = Path.Combine(_dir, "whole.duckdb");
        (await Run([crawl, "--db", whole, "--quiet"])).Code.Should().Be(0);
        var fromKilled = await Run(["export", "--db", killed, "--jsonl", "-"]);
        var fromWhole = await Run(["export", "--db", whole, "--jsonl", "-"]);
        Ids(fromKilled.Out).Should().HaveCount(1500).And.OnlyHaveUniqueItems();
        fromKilled.Out.Should().Be(fromWhole.Out);
    }
}
