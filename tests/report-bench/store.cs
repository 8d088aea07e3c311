#:project ../../src/Extract.Store/Extract.Store.csproj
// Writes the first N records of a JSON Lines file of extract records, repeated with new ids (r0-ID, r1-ID, …), into a
// new DuckDB store: the store input of tests/report-bench/run.sh. Usage: dotnet run store.cs -- RECORDS.jsonl STORE.duckdb N
using Extract;
using Extract.Batch;
using Extract.Json;
using Extract.Store;

var lines = File.ReadAllLines(args[0]).Where(l => l.Length > 0).ToArray();
var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
await using var store = await DuckDbArticleStore.OpenAsync(args[1]);
var batch = new List<ArticleRecord>();
for (var i = 0; i < count; i++)
{
    var article = ArticleJson.Deserialize(lines[i % lines.Length]);
    batch.Add(new ArticleRecord("", ExtractionResult.Success(article with { Id = $"r{i / lines.Length}-{article.Id}" })));
    if (batch.Count == 512)
    {
        await store.WriteAsync(batch);
        batch.Clear();
    }
}

await store.WriteAsync(batch);
Console.WriteLine($"store: {await store.CountAsync()} records in {args[1]}");
