using System.Collections.Concurrent;
using Extract.Batch;
using Extract.Json;
using Extract.Store.Tests;
using StackExchange.Redis;

namespace Extract.Fleet.Tests;

/// <summary>Integration tests on a real redis-server and PostgreSQL (see <see cref="Services"/>).</summary>
public sealed class FleetTests
{
    /// <summary>Documents in the kill test (EXTRACT_FLEET_DOCS overrides; the issue's bar runs 5,000 in the benchmark script).</summary>
    private static int FleetDocuments => int.TryParse(Environment.GetEnvironmentVariable("EXTRACT_FLEET_DOCS"), out var n) && n > 0 ? n : 1000;

    private static async Task<List<string>> LinesAsync(PostgresArticleStore store)
    {
        var lines = new List<string>();
        await foreach (var record in store.ReadAllAsync())
        {
            lines.Add(ArticleJson.Serialize(record.Result));
        }

        return lines;
    }

    private static List<string> Reference(IEnumerable<ArticleSource> sources, ArticleExtractor extractor) =>
        [.. sources.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => ArticleJson.Serialize(extractor.Extract(s)))];

    [ServiceFact]
    public async Task Postgres_store_upserts_idempotently_and_reads_back_the_same_records()
    {
        await using var store = await PostgresArticleStore.OpenAsync(await Services.FreshPostgresAsync());
        var extractor = TestDocuments.Extractor();
        var sources = TestDocuments.Sources(25);
        var records = sources.Select(s => new ArticleRecord(ContentHash.Of(s), extractor.Extract(s))).ToList();
        records.Add(new ArticleRecord("", ExtractionResult.Failure("zz-broken", "document too large")));
        records.Add(new ArticleRecord("", ExtractionResult.Failure("zz-slow", "over its time budget", ExtractionErrorKind.Timeout, "recognition")));
        var cut = records.First(r => r.Result.IsSuccess);
        records.Add(new ArticleRecord(cut.ContentHash, ExtractionResult.Success(cut.Result.Article! with { Id = "zz-truncated", Truncated = true })));
        records.Should().Contain(r => r.Result.IsSuccess && (r.Result.Article!.People.Any(p => p.TitleMentions.Length > 0) || r.Result.Article.Places.Any(p => p.TitleMentions.Length > 0)), "the title mention columns are exercised");

        await store.WriteAsync(records);
        await store.WriteAsync(records.Take(7).ToArray());
        await store.WriteAsync(records);
        (await store.CountAsync()).Should().Be(records.Count);
        (await LinesAsync(store)).Should().Equal(records.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => ArticleJson.Serialize(r.Result)));
        (await store.ContainsAsync(records[0].Id, records[0].ContentHash)).Should().BeTrue();
        (await store.ContainsAsync(records[0].Id, records[1].ContentHash)).Should().BeFalse();

        // Reopening an existing database keeps it (the schema is there, same version).
        await using var again = await PostgresArticleStore.OpenAsync(await Services.FreshPostgresAsync());
        (await again.CountAsync()).Should().Be(0);
    }

    [ServiceFact]
    public async Task A_version_1_database_is_refused_not_migrated()
    {
        var connection = await Services.FreshPostgresAsync();
        await using (await PostgresArticleStore.OpenAsync(connection))
        {
        }

        await using (var database = new Npgsql.NpgsqlConnection(connection))
        {
            await database.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("UPDATE schema_version SET version = 1", database);
            await command.ExecuteNonQueryAsync();
        }

        var open = async () => await PostgresArticleStore.OpenAsync(connection);
        (await open.Should().ThrowAsync<InvalidDataException>()).WithMessage("the database has schema version 1;*not migrated*new store*");
    }

    [ServiceFact]
    public async Task Two_workers_one_killed_mid_run_store_every_document_exactly_once_as_one_process_would()
    {
        var count = FleetDocuments;
        var sources = TestDocuments.Sources(count);
        var extractor = TestDocuments.Extractor();
        using var redis = await Services.RedisAsync();
        var db = redis.GetDatabase();
        var connection = await Services.FreshPostgresAsync();
        await using var store = await PostgresArticleStore.OpenAsync(connection);
        var options = Services.Fleet("a") with { ReadCount = 8, ClaimIdle = TimeSpan.FromSeconds(2), PollInterval = TimeSpan.FromMilliseconds(100), ExitWhenDrained = true };

        (await new StreamEnqueuer(db, options).EnqueueAsync(sources.ToAsyncEnumerable())).Should().Be(count);

        // Worker a dies right after a commit, before its acknowledgement: the worst moment (its batch is stored but
        // still pending, and is delivered again). Worker b must take over a's pending messages and finish the stream.
        using var killA = new CancellationTokenSource();
        var dying = new DyingStore(store, killA, diesAfterWrites: Math.Max(3, count / options.ReadCount / 4));
        var a = Task.Run(() => new FleetWorker(db, dying, extractor, options).RunAsync(killA.Token));
        var b = Task.Run(() => new FleetWorker(db, store, extractor, options with { Consumer = "b" }).RunAsync());
        var reportA = await a;
        var reportB = await b;

        reportA.Cancelled.Should().BeTrue("worker a was killed");
        dying.Died.Should().BeTrue();
        reportB.Claimed.Should().BePositive("b takes over the messages a left pending");
        (await store.CountAsync()).Should().Be(count);
        (await LinesAsync(store)).Should().Equal(Reference(sources, extractor), "records equal a single-process run");
        (await db.StreamPendingAsync(options.Stream, options.Group)).PendingMessageCount.Should().Be(0);
        (await db.StreamLengthAsync(options.DeadLetterStream)).Should().Be(0);
        await db.KeyDeleteAsync([options.Stream, options.DeadLetterStream]);
    }

    [ServiceFact]
    public async Task A_document_the_store_keeps_refusing_goes_to_the_dead_letter_stream_with_its_error_record()
    {
        var sources = TestDocuments.Sources(12);
        var poisoned = sources[5].Id;
        using var redis = await Services.RedisAsync();
        var db = redis.GetDatabase();
        await using var store = await PostgresArticleStore.OpenAsync(await Services.FreshPostgresAsync());
        var options = Services.Fleet("w") with
        {
            ReadCount = 4, MaxAttempts = 2, ClaimIdle = TimeSpan.FromMilliseconds(200), PollInterval = TimeSpan.FromMilliseconds(50), ExitWhenDrained = true,
        };
        await new StreamEnqueuer(db, options).EnqueueAsync(sources.ToAsyncEnumerable());
        await db.StreamAddAsync(options.Stream, [new NameValueEntry("id", "odd"), new NameValueEntry("kind", "pdf"), new NameValueEntry("content", "x")]);
        var log = new ConcurrentQueue<string>();

        var report = await new FleetWorker(db, new RefusingStore(store, poisoned), TestDocuments.Extractor(), options, log.Enqueue)
            .RunAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        report.Cancelled.Should().BeFalse();
        report.DeadLettered.Should().Be(2);
        (await store.CountAsync()).Should().Be(11);
        var dead = await db.StreamRangeAsync(options.DeadLetterStream);
        dead.Should().HaveCount(2);
        var refused = dead.Single(e => e["id"] == poisoned);
        ((string)refused["error"]!).Should().StartWith($"{{\"id\":\"{poisoned}\",\"error\":\"delivered 3 times, the store refused the record");
        ((int)refused["attempts"]).Should().Be(2);
        ((byte[])refused["content"]!).Should().Equal(sources[5].Bytes.ToArray(), "the dead letter keeps the document");
        ((string)dead.Single(e => e["id"] == "odd")["error"]!).Should().Contain("malformed message").And.Contain("pdf");
        log.Should().Contain(l => l.Contains(poisoned, StringComparison.Ordinal) && l.Contains("dead-lettered", StringComparison.Ordinal));
        (await db.StreamPendingAsync(options.Stream, options.Group)).PendingMessageCount.Should().Be(0);
        await db.KeyDeleteAsync([options.Stream, options.DeadLetterStream]);
    }

    /// <summary>Commits the write that kills the worker, then stops it before it can acknowledge.</summary>
    private sealed class DyingStore(IArticleStore inner, CancellationTokenSource kill, int diesAfterWrites) : IArticleStore
    {
        private int _writes;

        public bool Died { get; private set; }

        public ValueTask<bool> ContainsAsync(string id, string contentHash, CancellationToken cancellationToken = default) =>
            inner.ContainsAsync(id, contentHash, cancellationToken);

        public ValueTask<IReadOnlySet<string>> ContainingAsync(IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            inner.ContainingAsync(keys, cancellationToken);

        public async ValueTask WriteAsync(IReadOnlyList<ArticleRecord> records, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(records, cancellationToken);
            if (++_writes >= diesAfterWrites)
            {
                Died = true;
                await kill.CancelAsync();
                kill.Token.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Refuses every batch that holds one id, as a store with a constraint the record breaks would.</summary>
    private sealed class RefusingStore(IArticleStore inner, string refused) : IArticleStore
    {
        public ValueTask<bool> ContainsAsync(string id, string contentHash, CancellationToken cancellationToken = default) =>
            inner.ContainsAsync(id, contentHash, cancellationToken);

        public ValueTask<IReadOnlySet<string>> ContainingAsync(IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default) =>
            inner.ContainingAsync(keys, cancellationToken);

        public ValueTask WriteAsync(IReadOnlyList<ArticleRecord> records, CancellationToken cancellationToken = default) =>
            records.Any(r => r.Id == refused)
                ? throw new InvalidOperationException($"check constraint violated by {refused}")
                : inner.WriteAsync(records, cancellationToken);
    }
}
