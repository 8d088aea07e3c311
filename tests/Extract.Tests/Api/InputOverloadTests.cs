using System.Text;
using Extract.Json;

namespace Extract.Tests.Api;

/// <summary>Every way into the extractor (bytes, stream, one document async, a plain sequence) gives the same record.</summary>
public sealed class InputOverloadTests
{
    private static readonly string SeedPath = Path.Combine(RepoPaths.Seeds, "000_6e7b0bd164a179b3.txt");

    [Fact]
    public async Task A_stream_gives_the_record_its_bytes_give()
    {
        var bytes = File.ReadAllBytes(SeedPath);
        var expected = ArticleJson.Serialize(ArticleExtractor.Default.Extract(ArticleSource.FromBytes("seed", bytes)));

        using (var stream = File.OpenRead(SeedPath))
        {
            ArticleJson.Serialize(ArticleExtractor.Default.Extract(ArticleSource.FromStream("seed", stream))).Should().Be(expected);
        }

        await using (var stream = File.OpenRead(SeedPath))
        {
            var source = await ArticleSource.FromStreamAsync("seed", stream);
            ArticleJson.Serialize(await ArticleExtractor.Default.ExtractAsync(source)).Should().Be(expected);
        }
    }

    [Fact]
    public async Task A_plain_sequence_yields_one_result_per_input_in_order()
    {
        var text = File.ReadAllText(SeedPath, Encoding.UTF8);
        var sources = Enumerable.Range(0, 4).Select(i => ArticleSource.FromText($"doc{i}", i % 2 == 0 ? text : "")).ToList();

        var results = new List<ExtractionResult>();
        await foreach (var result in ArticleExtractor.Default.ExtractAsync(sources))
        {
            results.Add(result);
        }

        results.Select(r => r.Id).Should().Equal(sources.Select(s => s.Id));
        results.Select(r => ArticleJson.Serialize(r)).Should().Equal(sources.Select(s => ArticleJson.Serialize(ArticleExtractor.Default.Extract(s))));
    }
}
