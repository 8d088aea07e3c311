using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Extract.Batch;
using Extract.Cli.Commands;
using Extract.Cli.Report;
using Extract.Json;
using Extract.Store;

namespace Extract.Cli.Tests;

/// <summary>
/// The records the report tests read: the seeds and corpus/entities extracted in-process (once per test run), plus two
/// error records of different kinds, as JSON Lines and as a DuckDB store.
/// </summary>
internal static class ReportCorpus
{
    private static readonly Lazy<Task<ImmutableArray<ArticleRecord>>> Seeds = new(() => ExtractAsync("seeds"));
    private static readonly Lazy<Task<ImmutableArray<ArticleRecord>>> Corpus = new(() => ExtractAsync("seeds", Path.Combine("corpus", "entities")));

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The seed articles (no error records).</summary>
    public static Task<ImmutableArray<ArticleRecord>> SeedRecordsAsync() => Seeds.Value;

    /// <summary>The seeds and corpus/entities, with a timeout and a binary-input error record among them.</summary>
    public static Task<ImmutableArray<ArticleRecord>> CorpusRecordsAsync() => Corpus.Value;

    public static async Task<string> WriteJsonLinesAsync(IEnumerable<ArticleRecord> records, string path)
    {
        await File.WriteAllLinesAsync(path, records.Select(r => ArticleJson.Serialize(r.Result)));
        return path;
    }

    public static async Task<string> WriteStoreAsync(IReadOnlyList<ArticleRecord> records, string path)
    {
        await using var store = await DuckDbArticleStore.OpenAsync(path);
        await store.WriteAsync(records);
        return path;
    }

    private static async Task<ImmutableArray<ArticleRecord>> ExtractAsync(params string[] folders)
    {
        var root = RepoRoot();
        var sources = folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.txt").Order(StringComparer.Ordinal)
                .Select(file => ArticleSource.FromBytes(folder.Replace(Path.DirectorySeparatorChar, '/') + "/" + Path.GetFileNameWithoutExtension(file), File.ReadAllBytes(file), isHtml: false)))
            .ToList();
        var records = new List<ArticleRecord>();
        await foreach (var result in ArticleExtractor.Default.ExtractAsync(sources))
        {
            records.Add(new ArticleRecord(new string('0', 64), result));
        }

        if (folders.Length > 1)
        {
            records.Insert(3, new ArticleRecord("", ExtractionResult.Failure("broken-1", "over the time budget", ExtractionErrorKind.Timeout, "recognition")));
            records.Add(new ArticleRecord("", ExtractionResult.Failure("broken-2", "binary content", ExtractionErrorKind.Binary, "decode")));
        }

        return [.. records];
    }
}

/// <summary>
/// The report's figures against the store's SQL and against <c>extract summarize</c>: every total agrees, for the store
/// and for the JSON Lines of the same records.
/// </summary>
public sealed class ReportTotalsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The JSON blob of a written report page.</summary>
    internal static JsonElement Blob(string html)
    {
        const string open = "<script type=\"application/json\" id=\"report-data\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(html[start..end]).RootElement.Clone();
    }

    private async Task<JsonElement> ReportAsync(string input)
    {
        var output = Path.Combine(_dir, Path.GetFileNameWithoutExtension(input) + ".html");
        using var stderr = new StringWriter();
        (await ReportCommand.RunAsync([input], output, stderr, CancellationToken.None)).Should().Be(0, stderr.ToString());
        stderr.ToString().Should().Contain("achievement figure(s)");
        return Blob(await File.ReadAllTextAsync(output));
    }

    private static async Task<JsonElement> SummarizeJsonAsync(string input)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        (await SummarizeCommand.RunAsync([input], null, SummaryFormat.Json, stdout, stderr, CancellationToken.None)).Should().Be(0, stderr.ToString());
        return JsonDocument.Parse(stdout.ToString()).RootElement.Clone();
    }

    private static async Task<List<object?[]>> SqlAsync(string store, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={store}");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Key(params object?[] parts) => string.Join("|", parts.Select(p => p switch
    {
        null => "∅",
        decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.Null } => "∅",
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDecimal().ToString("0.##########", CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.True } => "True",
        JsonElement { ValueKind: JsonValueKind.False } => "False",
        JsonElement e => e.GetString() ?? "∅",
        _ => Convert.ToString(p, CultureInfo.InvariantCulture) ?? "∅",
    }));

    // The JSON of a report part without its "rows" lists (row numbers follow the reading order, which differs by input).
    private static string WithoutRows(JsonElement element)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText())!;
        void Strip(System.Text.Json.Nodes.JsonNode? n)
        {
            if (n is System.Text.Json.Nodes.JsonObject o)
            {
                o.Remove("rows");
                o.Select(p => p.Value).ToList().ForEach(Strip);
            }
            else if (n is System.Text.Json.Nodes.JsonArray a)
            {
                a.ToList().ForEach(Strip);
            }
        }

        Strip(node);
        return node.ToJsonString();
    }

    private static List<string> Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Every_total_of_the_report_equals_the_stores_sql_and_summarize()
    {
        var records = await ReportCorpus.CorpusRecordsAsync();
        var store = await ReportCorpus.WriteStoreAsync(records, Path.Combine(_dir, "corpus.duckdb"));
        var jsonl = await ReportCorpus.WriteJsonLinesAsync(records, Path.Combine(_dir, "corpus.jsonl"));
        var blob = await ReportAsync(store);
        var fromJsonl = await ReportAsync(jsonl);

        // SQL over the store: the month is the figure's date, else the article's publish date (the rule of SCHEMA.md).
        const string month = "CASE WHEN length(coalesce(x.\"date\", a.published_at)) >= 7 AND substr(coalesce(x.\"date\", a.published_at), 1, 1) BETWEEN '0' AND '9' THEN substr(coalesce(x.\"date\", a.published_at), 1, 7) END";
        var units = await SqlAsync(store, "SELECT unit, sum(value), count(*), count(DISTINCT article_id), bool_or(approx) FROM achievements GROUP BY unit");
        var actors = await SqlAsync(store, "SELECT unit, actor, sum(value), count(*), count(DISTINCT article_id) FROM achievements GROUP BY ALL");
        var months = await SqlAsync(store, $"SELECT x.unit, x.\"action\", {month}, sum(x.value), count(*), count(DISTINCT x.article_id) FROM achievements x JOIN articles a ON a.id = x.article_id GROUP BY ALL");
        units.Should().HaveCountGreaterThan(10, "the seeds and corpus/entities state figures in many units");

        Sorted(blob.GetProperty("units").EnumerateArray().Select(u => Key(u.GetProperty("unit"), u.GetProperty("value"), u.GetProperty("count"), u.GetProperty("articles"), u.GetProperty("approx"))))
            .Should().Equal(Sorted(units.Select(r => Key(r))));
        Sorted(blob.GetProperty("byActor").EnumerateArray().Select(t => Key(t.GetProperty("unit"), t.GetProperty("actor"), t.GetProperty("value"), t.GetProperty("count"), t.GetProperty("rows").GetArrayLength())))
            .Should().Equal(Sorted(actors.Select(r => Key(r))));
        Sorted(blob.GetProperty("byMonth").EnumerateArray().Select(t => Key(t.GetProperty("unit"), t.GetProperty("action"), t.GetProperty("month"), t.GetProperty("value"), t.GetProperty("count"), t.GetProperty("rows").GetArrayLength())))
            .Should().Equal(Sorted(months.Select(r => Key(r))));

        // Health against SQL.
        var health = blob.GetProperty("health");
        var counts = (await SqlAsync(store,
            """
            SELECT count(*), count(error), count(*) FILTER (error IS NULL AND published_at IS NULL),
                   count(*) FILTER (error IS NULL AND len(authors) = 0),
                   count(*) FILTER (error IS NULL AND id NOT IN (SELECT article_id FROM achievements)),
                   count(*) FILTER (error IS NULL AND NOT is_article), (SELECT count(*) FROM achievements)
            FROM articles
            """)).Single();
        string[] fields = ["documents", "errors", "withoutPublishedAt", "withoutAuthors", "withoutAchievements", "listPages", "figures"];
        fields.Select(f => health.GetProperty(f).GetInt64()).Should().Equal(counts.Select(c => Convert.ToInt64(c, CultureInfo.InvariantCulture)));
        health.GetProperty("errors").GetInt32().Should().Be(2);
        var kinds = await SqlAsync(store, "SELECT error_kind, count(*) FROM articles WHERE error IS NOT NULL GROUP BY ALL");
        Sorted(health.GetProperty("errorsByKind").EnumerateObject().Select(p => Key(p.Name, p.Value))).Should().Equal(Sorted(kinds.Select(r => Key(r))));
        blob.GetProperty("rows").GetArrayLength().Should().Be(records.Length);

        // The same figures from the JSON Lines of the same records, and from summarize over either input.
        // (The rows differ: a store reads back in id order, JSON Lines in file order.)
        string ActorKey(JsonElement t) => Key(t.GetProperty("unit"), t.GetProperty("actor"), t.GetProperty("value"), t.GetProperty("count"), t.GetProperty("rows").GetArrayLength());
        Sorted(fromJsonl.GetProperty("byActor").EnumerateArray().Select(ActorKey)).Should().Equal(Sorted(blob.GetProperty("byActor").EnumerateArray().Select(ActorKey)));
        fromJsonl.GetProperty("health").GetRawText().Should().Be(health.GetRawText());
        foreach (var part in new[] { "units", "people", "organizations", "places" })
        {
            WithoutRows(fromJsonl.GetProperty(part)).Should().Be(WithoutRows(blob.GetProperty(part)), $"the store and the JSON Lines give the same {part}");
        }

        blob.GetProperty("people").GetArrayLength().Should().BePositive();
        blob.GetProperty("places").GetArrayLength().Should().BePositive();
        foreach (var input in new[] { store, jsonl })
        {
            var summary = await SummarizeJsonAsync(input);
            summary.GetProperty("documents").GetInt32().Should().Be(health.GetProperty("documents").GetInt32());
            summary.GetProperty("errors").GetInt32().Should().Be(2);
            summary.GetProperty("figures").GetInt32().Should().Be(health.GetProperty("figures").GetInt32());
            Sorted(summary.GetProperty("tables").GetProperty("unit").EnumerateArray().Select(u => Key(u.GetProperty("unit"), u.GetProperty("total"), u.GetProperty("figures"), u.GetProperty("articles"), u.GetProperty("approx"))))
                .Should().Equal(Sorted(units.Select(r => Key(r))));
            Sorted(summary.GetProperty("tables").GetProperty("actor").EnumerateArray().Select(t => Key(t.GetProperty("unit"), t.GetProperty("actor"), t.GetProperty("total"), t.GetProperty("figures"), t.GetProperty("articles"))))
                .Should().Equal(Sorted(actors.Select(r => Key(r))));
        }

        // And the store's own summary and the library's in-memory one sum the same groups.
        await using (var opened = await DuckDbArticleStore.OpenAsync(store))
        {
            var library = AchievementSummary.Sum(records.Where(r => r.Result.IsSuccess).Select(r => r.Result.Article!), AchievementGrouping.Actor | AchievementGrouping.Action | AchievementGrouping.Month);
            var fromStore = await opened.SummarizeAsync(AchievementGrouping.Actor | AchievementGrouping.Action | AchievementGrouping.Month);
            var model = new CorpusModel();
            records.ToList().ForEach(r => model.Add(CorpusRecord.Of(r.Result)));
            var mine = model.Totals(AchievementGrouping.Actor | AchievementGrouping.Action | AchievementGrouping.Month).Select(t => t.Total);
            Sorted(mine.Select(t => Key(t.Unit, t.Action, t.Actor, t.Month, t.Value, t.Count, t.Approx)))
                .Should().Equal(Sorted(library.Select(t => Key(t.Unit, t.Action, t.Actor, t.Month, t.Value, t.Count, t.Approx))))
                .And.Equal(Sorted(fromStore.Select(t => Key(t.Unit, t.Action, t.Actor, t.Month, t.Value, t.Count, t.Approx))));
        }
    }

    [Fact]
    public async Task Places_nest_province_city_county_from_the_division_codes()
    {
        var records = await ReportCorpus.CorpusRecordsAsync();
        var blob = await ReportAsync(await ReportCorpus.WriteJsonLinesAsync(records, Path.Combine(_dir, "places.jsonl")));
        var provinces = blob.GetProperty("places").EnumerateArray().ToList();
        provinces.Should().NotBeEmpty();
        var articles = records.Where(r => r.Result.IsSuccess).Select(r => r.Result.Article!).ToList();

        void Check(JsonElement node, int depth, string? parentCode)
        {
            var code = node.GetProperty("code").GetString()!;
            code.Should().MatchRegex("^[0-9]{6}$");
            if (depth == 0)
            {
                code.Should().EndWith("0000");
            }
            else
            {
                code.Should().StartWith(parentCode![..(depth == 1 ? 2 : 4)]);
            }

            // A division's article count is the number of articles naming a coded place in it; the area adds up.
            var name = node.GetProperty("name").GetString()!;
            var naming = articles.Count(a => a.Places.Any(p => CorpusModel.Chain(p) is { } chain && chain.Count > depth && chain[depth].Name == name && chain[depth].Code == code));
            node.GetProperty("articles").GetInt32().Should().Be(naming, name);
            node.GetProperty("rows").GetArrayLength().Should().Be(naming);
            var children = node.TryGetProperty("children", out var c) ? c.EnumerateArray().ToList() : [];
            node.GetProperty("value").GetInt32().Should().BeGreaterThanOrEqualTo(children.Sum(x => x.GetProperty("value").GetInt32()));
            depth.Should().BeLessThan(3);
            children.ForEach(child => Check(child, depth + 1, code));
        }

        provinces.ForEach(p => Check(p, 0, null));
    }
}
