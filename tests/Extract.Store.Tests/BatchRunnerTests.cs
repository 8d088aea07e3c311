using Extract.Batch;
using Extract.Json;

namespace Extract.Store.Tests;

public sealed class BatchRunnerTests : IDisposable
{
    private readonly string _dir = Path.GetDirectoryName(TestDocuments.TempPath("x"))!;

    public BatchRunnerTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<List<string>> ExportAsync(DuckDbArticleStore store)
    {
        using var writer = new StringWriter();
        await store.ExportJsonLinesAsync(writer);
        return [.. writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    [Fact]
    public async Task Json_lines_keep_input_order_and_equal_the_extractor_output()
    {
        var sources = TestDocuments.Sources(12);
        var extractor = TestDocuments.Extractor(degree: 2);
        using var output = new StringWriter();
        var progress = await new BatchRunner(extractor, new BatchOptions { BatchSize = 5 }).RunAsync(TestDocuments.Inputs(sources), output, store: null);
        progress.Processed.Should().Be(12);
        progress.Cancelled.Should().BeFalse();
        output.ToString().Should().EndWith("\n");
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal(sources.Select(s => ArticleJson.Serialize(extractor.Extract(s))));
    }

    [Fact]
    public async Task A_document_that_cannot_be_read_becomes_its_error_line_and_the_run_goes_on()
    {
        var sources = TestDocuments.Sources(3);
        var inputs = new[]
        {
            BatchInput.From(sources[0]),
            BatchInput.Deferred("missing.html", () => throw new FileNotFoundException("missing.html is gone")),
            BatchInput.From(sources[1]),
        };
        using var output = new StringWriter();
        var seen = new List<ArticleRecord>();
        var progress = await new BatchRunner(TestDocuments.Extractor(), new BatchOptions { Record = seen.Add }).RunAsync(inputs.ToAsyncEnumerable(), output, store: null);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        seen.Select(r => ArticleJson.Serialize(r.Result)).Should().Equal(lines, "the callback sees every record, in order");
        seen[0].ContentHash.Should().Be(ContentHash.Of(sources[0]));
        seen[1].ContentHash.Should().BeEmpty("an unread document has no content hash");
        // As the CLI writes an unreadable input: kind invalid-input, stage input.
        seen[1].Result.ErrorKind.Should().Be(ExtractionErrorKind.InvalidInput);
        seen[1].Result.Stage.Should().Be("input");
        lines[1].Should().Be(ArticleJson.Serialize(ExtractionResult.Failure("missing.html", "cannot read the document: missing.html is gone", ExtractionErrorKind.InvalidInput, "input")));
        progress.Failed.Should().Be(1);
    }

    [Fact]
    public async Task Resume_skips_what_the_store_holds_with_the_same_hash_and_redoes_changed_documents()
    {
        var sources = TestDocuments.Sources(20);
        await using var store = await DuckDbArticleStore.OpenAsync(Path.Combine(_dir, "s.duckdb"));
        var runner = new BatchRunner(TestDocuments.Extractor(), new BatchOptions { BatchSize = 7, Resume = true });
        (await runner.RunAsync(TestDocuments.Inputs(sources), null, store)).Processed.Should().Be(20);
        var first = await ExportAsync(store);

        var again = await runner.RunAsync(TestDocuments.Inputs(sources), null, store);
        again.Processed.Should().Be(0);
        again.Skipped.Should().Be(20);

        // A changed page under a known id is extracted again and replaces the old record.
        var changed = sources.Select((s, i) => i == 4 ? ArticleSource.FromText(s.Id, "2022年11月2日，社区志愿者为居民配送生活物资300份。") : s).ToList();
        var third = await runner.RunAsync(TestDocuments.Inputs(changed), null, store);
        third.Processed.Should().Be(1);
        third.Skipped.Should().Be(19);
        var after = await ExportAsync(store);
        after.Should().HaveCount(20);
        after.Where((_, i) => i != 4).Should().Equal(first.Where((_, i) => i != 4));
        after[4].Should().NotBe(first[4]).And.Contain("配送生活物资");
    }

    [Fact]
    public async Task Shards_partition_the_documents()
    {
        var sources = TestDocuments.Sources(40);
        var seen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var shard = Shard.Parse($"{i}/3");
            var taken = sources.Where(s => shard.Contains(s.Id)).Select(s => s.Id).ToList();
            seen.AddRange(taken);
            using var output = new StringWriter();
            var progress = await new BatchRunner(TestDocuments.Extractor(), new BatchOptions { Shard = shard })
                .RunAsync(TestDocuments.Inputs(sources), output, store: null);
            progress.Processed.Should().Be(taken.Count);
            progress.OtherShards.Should().Be(40 - taken.Count);
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => ArticleJson.Deserialize(l).Id).Should().Equal(taken);
        }

        seen.Should().BeEquivalentTo(sources.Select(s => s.Id)).And.OnlyHaveUniqueItems();
        sources.Select(s => Shard.Of(s.Id, 3)).Distinct().Should().HaveCount(3, "40 ids over 3 shards leave none empty");
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void A_malformed_shard_is_refused(string text)
    {
        var parse = () => Shard.Parse(text);
        parse.Should().Throw<FormatException>().WithMessage($"*{text}*");
    }

    [Fact]
    public async Task A_run_cancelled_mid_way_and_resumed_leaves_the_same_store_as_an_uninterrupted_run()
    {
        var sources = TestDocuments.Sources(60);
        var extractor = TestDocuments.Extractor(degree: 2);

        await using var whole = await DuckDbArticleStore.OpenAsync(Path.Combine(_dir, "whole.duckdb"));
        await new BatchRunner(extractor, new BatchOptions { BatchSize = 8 }).RunAsync(TestDocuments.Inputs(sources), null, whole);

        await using var resumed = await DuckDbArticleStore.OpenAsync(Path.Combine(_dir, "resumed.duckdb"));
        using var stop = new CancellationTokenSource();
        using var partial = new StringWriter();
        var options = new BatchOptions
        {
            BatchSize = 8,
            Resume = true,
            ProgressInterval = TimeSpan.Zero,
            Progress = p =>
            {
                if (p.Processed >= 21)
                {
                    stop.Cancel();
                }
            },
        };
        var cut = await new BatchRunner(extractor, options).RunAsync(TestDocuments.Inputs(sources), partial, resumed, stop.Token);
        cut.Cancelled.Should().BeTrue();
        cut.Processed.Should().BeInRange(21, 59);
        partial.ToString().Should().EndWith("\n");
        var written = partial.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        written.Should().HaveCount((int)cut.Processed);
        (await resumed.CountAsync()).Should().Be(cut.Processed, "what was finished is committed on cancellation");

        var rest = await new BatchRunner(extractor, new BatchOptions { BatchSize = 8, Resume = true }).RunAsync(TestDocuments.Inputs(sources), null, resumed);
        rest.Skipped.Should().Be(cut.Processed);
        rest.Processed.Should().Be(60 - cut.Processed);
        (await ExportAsync(resumed)).Should().Equal(await ExportAsync(whole));
    }

    [Fact]
    public async Task Progress_reports_counts_rate_and_eta_when_the_total_is_known()
    {
        var reports = new List<BatchProgress>();
        var options = new BatchOptions { Total = 10, ProgressInterval = TimeSpan.Zero, Progress = reports.Add };
        using var output = new StringWriter();
        await new BatchRunner(TestDocuments.Extractor(), options).RunAsync(TestDocuments.Inputs(TestDocuments.Sources(10)), output, null);
        reports.Should().HaveCountGreaterThan(1);
        reports.Select(r => r.Processed).Should().BeInAscendingOrder();
        reports[^1].Final.Should().BeTrue();
        reports[^1].Processed.Should().Be(10);
        reports[^1].Eta.Should().Be(TimeSpan.Zero);
        reports[0].Eta.Should().NotBeNull();
        reports[^1].DocumentsPerSecond.Should().BePositive();
    }

    [Fact]
    public async Task Resume_without_a_store_is_an_argument_error()
    {
        var run = () => new BatchRunner(TestDocuments.Extractor(), new BatchOptions { Resume = true }).RunAsync(TestDocuments.Inputs([]), TextWriter.Null, null);
        await run.Should().ThrowAsync<ArgumentException>().WithMessage("*store*");
    }
}
