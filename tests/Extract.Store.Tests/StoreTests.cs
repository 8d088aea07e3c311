using System.Collections.Immutable;
using DuckDB.NET.Data;
using Extract.Batch;
using Extract.Json;

namespace Extract.Store.Tests;

public sealed class StoreTests : IDisposable
{
    private readonly string _dir = Path.GetDirectoryName(TestDocuments.TempPath("x"))!;

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static readonly Lazy<IReadOnlyList<ArticleRecord>> Records = new(() =>
    {
        var extractor = TestDocuments.Extractor();
        var records = TestDocuments.Sources(30)
            .Select(s => new ArticleRecord(ContentHash.Of(s), extractor.Extract(s)))
            .ToList();
        records.Add(new ArticleRecord(ContentHash.Of(ArticleSource.FromText("zz-broken", "")), ExtractionResult.Failure("zz-broken", "document too large")));
        records.Add(new ArticleRecord("", ExtractionResult.Failure("zz-slow", "over its time budget", ExtractionErrorKind.Timeout, "recognition")));
        records.Add(new ArticleRecord("", ExtractionResult.Failure("zz-unread", "not valid Unicode", ExtractionErrorKind.InvalidInput, null)));
        var cut = records.First(r => r.Result.IsSuccess);
        records.Add(new ArticleRecord(cut.ContentHash, ExtractionResult.Success(cut.Result.Article! with { Id = "zz-truncated", Truncated = true })));
        return records;
    });

    private string StorePath(string name = "crawl.duckdb")
    {
        Directory.CreateDirectory(_dir);
        return Path.Combine(_dir, name);
    }

    private static async Task<List<string>> LinesAsync(DuckDbArticleStore store)
    {
        var lines = new List<string>();
        await foreach (var record in store.ReadAllAsync())
        {
            lines.Add(ArticleJson.Serialize(record.Result));
        }

        return lines;
    }

    private static List<string> Expected(IEnumerable<ArticleRecord> records) =>
        [.. records.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => ArticleJson.Serialize(r.Result))];

    [Fact]
    public async Task A_new_store_has_every_table_and_records_its_schema_version()
    {
        var path = StorePath();
        await using (var store = await DuckDbArticleStore.OpenAsync(path))
        {
            (await store.CountAsync()).Should().Be(0);
        }

        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM information_schema.tables ORDER BY table_name";
        var tables = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Should().BeEquivalentTo([.. RecordSchema.TableNames, "schema_version"]);
        command.CommandText = "SELECT max(version) FROM schema_version";
        Convert.ToInt32(command.ExecuteScalar()).Should().Be(RecordSchema.Version);
    }

    // A store file whose schema_version row says <paramref name="version"/>.
    private async Task<string> StoreOfVersionAsync(int version)
    {
        var path = StorePath();
        await using (await DuckDbArticleStore.OpenAsync(path))
        {
        }

        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE schema_version SET version = {version}";
        command.ExecuteNonQuery();
        return path;
    }

    [Fact]
    public async Task A_store_of_another_schema_version_is_refused()
    {
        var path = await StoreOfVersionAsync(RecordSchema.Version + 1);
        var open = async () => await DuckDbArticleStore.OpenAsync(path);
        (await open.Should().ThrowAsync<InvalidDataException>()).WithMessage($"*version {RecordSchema.Version + 1}*");
    }

    [Fact]
    public async Task A_version_1_store_is_refused_not_migrated_and_the_message_says_what_to_do()
    {
        var path = await StoreOfVersionAsync(1);
        var open = async () => await DuckDbArticleStore.OpenAsync(path);
        (await open.Should().ThrowAsync<InvalidDataException>()).WithMessage("*schema version 1;*not migrated*new store*");
    }

    [Fact]
    public async Task Records_read_back_as_the_same_json_lines()
    {
        await using var store = await DuckDbArticleStore.OpenAsync(StorePath());
        await store.WriteAsync(Records.Value);
        Records.Value.Should().Contain(r => r.Result.IsSuccess && r.Result.Article!.Achievements.Length > 0);
        Records.Value.Should().Contain(r => r.Result.IsSuccess && r.Result.Article!.People.Length > 0 && r.Result.Article.Places.Length > 0);
        var lines = Expected(Records.Value);
        lines.Should().Contain(l => l.Contains("\"titleMentions\"", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("\"titleSpan\"", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("\"truncated\":true", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("\"kind\":\"timeout\",\"stage\":\"recognition\"", StringComparison.Ordinal));
        (await LinesAsync(store)).Should().Equal(Expected(Records.Value));
    }

    [Fact]
    public async Task Writing_the_same_records_again_changes_nothing_and_a_new_version_replaces_every_row_of_its_id()
    {
        await using var store = await DuckDbArticleStore.OpenAsync(StorePath());
        await store.WriteAsync(Records.Value);
        await store.WriteAsync(Records.Value.Take(10).ToArray());
        await store.WriteAsync(Records.Value);
        (await store.CountAsync()).Should().Be(Records.Value.Count);
        (await LinesAsync(store)).Should().Equal(Expected(Records.Value));

        // The first record's id now holds a different article: no row of the old one survives.
        var first = Records.Value[0];
        var other = Records.Value.First(r => r.Result.IsSuccess && r.Result.Article!.Achievements.Length != first.Result.Article!.Achievements.Length);
        var replaced = new ArticleRecord(other.ContentHash, ExtractionResult.Success(other.Result.Article! with { Id = first.Id }));
        await store.WriteAsync([replaced]);
        var expected = Records.Value.Select(r => r.Id == first.Id ? replaced : r).ToList();
        (await LinesAsync(store)).Should().Equal(Expected(expected));
        (await store.ContainsAsync(first.Id, other.ContentHash)).Should().BeTrue();
        (await store.ContainsAsync(first.Id, first.ContentHash)).Should().BeFalse();
    }

    [Fact]
    public async Task Contains_needs_the_same_id_and_the_same_content_hash()
    {
        await using var store = await DuckDbArticleStore.OpenAsync(StorePath());
        var record = Records.Value[3];
        (await store.ContainsAsync(record.Id, record.ContentHash)).Should().BeFalse();
        await store.WriteAsync([record]);
        (await store.ContainsAsync(record.Id, record.ContentHash)).Should().BeTrue();
        (await store.ContainsAsync(record.Id, Records.Value[4].ContentHash)).Should().BeFalse();
        (await store.ContainsAsync(Records.Value[4].Id, record.ContentHash)).Should().BeFalse();
        var found = await store.ContainingAsync([new RecordKey(record.Id, record.ContentHash), new RecordKey(Records.Value[4].Id, Records.Value[4].ContentHash)]);
        found.Should().BeEquivalentTo([record.Id]);
    }

    [Fact]
    public async Task Json_lines_export_equals_the_records_and_parses_back()
    {
        await using var store = await DuckDbArticleStore.OpenAsync(StorePath());
        await store.WriteAsync(Records.Value);
        using var writer = new StringWriter();
        var count = await store.ExportJsonLinesAsync(writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        count.Should().Be(Records.Value.Count);
        lines.Should().Equal(Expected(Records.Value));
        lines.Where(l => !l.Contains("\"error\":", StringComparison.Ordinal))
            .Select(l => ArticleJson.Serialize(ArticleJson.Deserialize(l)))
            .Should().Equal(lines.Where(l => !l.Contains("\"error\":", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Parquet_export_imports_into_another_store_as_the_same_records()
    {
        var parquet = Path.Combine(_dir, "parquet");
        await using (var store = await DuckDbArticleStore.OpenAsync(StorePath()))
        {
            await store.WriteAsync(Records.Value);
            var files = await store.ExportParquetAsync(parquet);
            files.Select(Path.GetFileNameWithoutExtension).Should().Equal(RecordSchema.TableNames);
            files.Should().OnlyContain(f => new FileInfo(f).Length > 0);
        }

        await using var copy = await DuckDbArticleStore.OpenAsync(StorePath("copy.duckdb"));
        await copy.WriteAsync(Records.Value.Take(5).ToArray());
        await copy.ImportParquetAsync(parquet);
        (await LinesAsync(copy)).Should().Equal(Expected(Records.Value));
    }

    [Fact]
    public async Task Parquet_exported_without_the_version_2_columns_is_refused_and_the_store_is_left_as_it_was()
    {
        var parquet = Path.Combine(_dir, "parquet");
        await using (var store = await DuckDbArticleStore.OpenAsync(StorePath()))
        {
            await store.WriteAsync(Records.Value);
            await store.ExportParquetAsync(parquet);
        }

        // An export of a version 1 store: the people table without its title mention columns.
        var people = Path.Combine(parquet, "people.parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * EXCLUDE (title_mention_starts, title_mention_ends) FROM read_parquet('{people}')) TO '{people}.old' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        File.Move(people + ".old", people, overwrite: true);
        await using var copy = await DuckDbArticleStore.OpenAsync(StorePath("copy.duckdb"));
        await copy.WriteAsync(Records.Value.Take(5).ToArray());
        var import = async () => await copy.ImportParquetAsync(parquet);
        (await import.Should().ThrowAsync<InvalidDataException>()).WithMessage("people.parquet lacks title_mention_starts, title_mention_ends*schema version*");
        (await LinesAsync(copy)).Should().Equal(Expected(Records.Value.Take(5)));
    }

    [Theory]
    [InlineData(AchievementGrouping.Unit)]
    [InlineData(AchievementGrouping.Actor | AchievementGrouping.Action)]
    [InlineData(AchievementGrouping.Month)]
    public async Task Summaries_from_the_store_equal_the_in_memory_summary(AchievementGrouping grouping)
    {
        await using var store = await DuckDbArticleStore.OpenAsync(StorePath());
        await store.WriteAsync(Records.Value);
        var articles = Records.Value.Where(r => r.Result.IsSuccess).Select(r => r.Result.Article!).ToList();
        var expected = AchievementSummary.Sum(articles, grouping);
        var actual = await store.SummarizeAsync(grouping);
        expected.Should().NotBeEmpty();
        Key(actual).Should().Equal(Key(expected));
    }

    // Ties (same count and value) may come in another order: compare as sorted text rows.
    private static List<string> Key(ImmutableArray<AchievementTotal> totals) =>
        [.. totals.Select(t => $"{t.Count}|{t.Value:0.############}|{t.Unit}|{t.Action}|{t.Actor}|{t.Month}|{t.Approx}").Order(StringComparer.Ordinal)];
}
