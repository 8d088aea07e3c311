using Npgsql;
using StackExchange.Redis;

namespace Extract.Fleet.Tests;

/// <summary>
/// The servers the integration tests need, from EXTRACT_TEST_REDIS and EXTRACT_TEST_PG (.ci/services.sh starts both and
/// sets them). Without them the tests are skipped with the reason, unless EXTRACT_REQUIRE_SERVICES=1 (CI), where they fail.
/// </summary>
internal static class Services
{
    public static string? Redis => Environment.GetEnvironmentVariable("EXTRACT_TEST_REDIS") is { Length: > 0 } v ? v : null;

    public static string? Postgres => Environment.GetEnvironmentVariable("EXTRACT_TEST_PG") is { Length: > 0 } v ? v : null;

    public static bool Required => Environment.GetEnvironmentVariable("EXTRACT_REQUIRE_SERVICES") == "1";

    public static string? Missing =>
        Redis is null || Postgres is null
            ? $"needs redis-server and PostgreSQL: set {(Redis is null ? "EXTRACT_TEST_REDIS " : "")}{(Postgres is null ? "EXTRACT_TEST_PG " : "")}(`. .ci/services.sh` starts both and sets them)"
            : null;

    /// <summary>Fails with the reason when a server is not configured (reached only when the tests are required).</summary>
    public static void Check()
    {
        if (Missing is { } reason)
        {
            throw new InvalidOperationException("EXTRACT_REQUIRE_SERVICES=1 but this test " + reason);
        }
    }

    public static async Task<ConnectionMultiplexer> RedisAsync()
    {
        Check();
        return await ConnectionMultiplexer.ConnectAsync(Redis!);
    }

    /// <summary>A connection string whose search path is a new, empty schema: each test has its own tables.</summary>
    public static async Task<string> FreshPostgresAsync()
    {
        Check();
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Postgres))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Postgres) { SearchPath = schema }.ConnectionString;
    }

    public static FleetOptions Fleet(string consumer) => new()
    {
        Stream = "test:" + Guid.NewGuid().ToString("N")[..12],
        DeadLetterStream = "test-dead:" + Guid.NewGuid().ToString("N")[..12],
        Consumer = consumer,
    };
}

/// <summary>A fact that needs redis-server and PostgreSQL: skipped without them unless EXTRACT_REQUIRE_SERVICES=1.</summary>
internal sealed class ServiceFactAttribute : FactAttribute
{
    public ServiceFactAttribute()
    {
        if (Services.Missing is { } reason && !Services.Required)
        {
            Skip = reason;
        }
    }
}
