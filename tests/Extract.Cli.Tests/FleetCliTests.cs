using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Extract.Fleet;
using Npgsql;

namespace Extract.Cli.Tests;

/// <summary>
/// The servers the fleet commands need, from EXTRACT_TEST_REDIS and EXTRACT_TEST_PG (`. .ci/services.sh` starts both
/// and sets them). Without them the tests are skipped with the reason, unless EXTRACT_REQUIRE_SERVICES=1 (CI).
/// </summary>
internal static class FleetServices
{
    public static string? Redis => Environment.GetEnvironmentVariable("EXTRACT_TEST_REDIS") is { Length: > 0 } v ? v : null;

    public static string? Postgres => Environment.GetEnvironmentVariable("EXTRACT_TEST_PG") is { Length: > 0 } v ? v : null;

    public static string? Missing =>
        Redis is null || Postgres is null ? "needs redis-server and PostgreSQL: set EXTRACT_TEST_REDIS and EXTRACT_TEST_PG (`. .ci/services.sh`)" : null;

    /// <summary>A connection string whose search path is a new, empty schema.</summary>
    public static async Task<string> FreshPostgresAsync()
    {
        if (Missing is { } reason)
        {
            throw new InvalidOperationException("EXTRACT_REQUIRE_SERVICES=1 but this test " + reason);
        }

        var schema = "cli_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Postgres))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Postgres) { SearchPath = schema }.ConnectionString;
    }
}

/// <summary>A fact that needs redis-server and PostgreSQL: skipped without them unless EXTRACT_REQUIRE_SERVICES=1.</summary>
internal sealed class FleetFactAttribute : FactAttribute
{
    public FleetFactAttribute()
    {
        if (FleetServices.Missing is { } reason && Environment.GetEnvironmentVariable("EXTRACT_REQUIRE_SERVICES") != "1")
        {
            Skip = reason;
        }
    }
}

/// <summary>extract enqueue and extract worker as processes against real servers.</summary>
public sealed class FleetCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract-fleet-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Extract.Cli.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(180_000).Should().BeTrue();
        return (process.ExitCode, await stdout, await stderr);
    }

    [FleetFact]
    public async Task Enqueued_documents_reach_postgresql_through_a_worker_once_each_as_extract_writes_them()
    {
        var crawl = Path.Combine(_dir, "crawl.jsonl");
        var builder = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            builder.Append(JsonSerializer.Serialize(new { id = $"f-{i}", text = $"城南街道志愿服务纪实{i}\n{i % 12 + 1}月5日，第{i}社区志愿者服务群众{i + 3}人次。" })).Append('\n');
        }

        builder.Append("not json\n");
        File.WriteAllText(crawl, builder.ToString());
        var pg = await FleetServices.FreshPostgresAsync();
        var stream = "cli-test:" + Guid.NewGuid().ToString("N")[..12];

        var enqueued = await Run("enqueue", crawl, "--redis", FleetServices.Redis!, "--stream", stream);
        enqueued.Code.Should().Be(4, enqueued.Err);
        enqueued.Err.Should().Contain("30 document(s) pushed").And.Contain("1 unreadable");

        var worker = await Run("worker", "--redis", FleetServices.Redis!, "--pg", pg, "--stream", stream, "--consumer", "cli-1", "--exit-when-drained");
        worker.Code.Should().Be(0, worker.Err);
        worker.Err.Should().Contain("30 committed");

        var local = await Run(crawl, "--quiet");
        var expected = local.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)
            .Where(id => id.StartsWith("f-", StringComparison.Ordinal));
        await using var store = await PostgresArticleStore.OpenAsync(pg);
        var ids = new List<string>();
        await foreach (var record in store.ReadAllAsync())
        {
            ids.Add(record.Id);
        }

        ids.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected);
    }

    [FleetFact]
    public async Task A_waiting_worker_stops_on_sigterm_with_exit_143_and_no_stack_trace()
    {
        var pg = await FleetServices.FreshPostgresAsync();
        var stream = "cli-test:" + Guid.NewGuid().ToString("N")[..12];
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Extract.Cli.dll"), "worker", "--redis", FleetServices.Redis!, "--pg", pg, "--stream", stream, "--consumer", "cli-waiting"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();

        // The worker is under way once the consumer group it creates at start exists.
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(FleetServices.Redis!);
        var joined = false;
        for (var i = 0; i < 600 && !joined && !process.HasExited; i++)
        {
            await Task.Delay(100);
            try
            {
                joined = (await redis.GetDatabase().StreamGroupInfoAsync(stream)).Any(g => g.Name == "extract");
            }
            catch (StackExchange.Redis.RedisServerException)
            {
                // The stream or group does not exist yet.
            }
        }

        joined.Should().BeTrue("the worker creates the consumer group");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit(10_000);
        }

        process.WaitForExit(60_000).Should().BeTrue();
        var err = await stderr;
        process.ExitCode.Should().Be(143, err);
        err.Should().Contain("stopped").And.NotContain("   at ").And.NotContain("Exception");
    }
}
