using System.Globalization;
using System.Text.Json;
using Extract.Cli.Commands;
using Extract.Json;

namespace Extract.Cli.Tests;

/// <summary><c>extract summarize</c>: a table for people (headers, units, aligned with Chinese text), CSV and JSON for machines.</summary>
public sealed class SummarizeTests : IDisposable
{
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("extract-summarize-").FullName, "records.jsonl");

    public SummarizeTests()
    {
        Article Make(string id, string published, params Achievement[] achievements) => new() { Id = id, PublishedAt = published, Achievements = [.. achievements] };
        File.WriteAllLines(_file,
        [
            ArticleJson.Serialize(Make("a", "2022-11-20",
                new Achievement { Text = "配送生活物资500余份", Value = 500, Unit = "份", Approx = true, Action = "配送生活物资", Actor = "市税务局" },
                new Achievement { Text = "服务群众120人次", Value = 120, Unit = "人次", Action = "服务群众", Actor = "城南街道新时代文明实践志愿服务队" })),
            ArticleJson.Serialize(Make("b", "2022-12-01",
                new Achievement { Text = "配送生活物资300份", Value = 300, Unit = "份", Action = "配送生活物资", Actor = "市税务局" })),
            ArticleJson.SerializeError("c", "too large"),
            """{"id":"d","error":"over the time budget","kind":"timeout","stage":"recognition"}""",
            "not a record",
        ]);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);

    private async Task<string> RunAsync(SummaryFormat format, int? top = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        (await SummarizeCommand.RunAsync([_file], top, format, stdout, stderr, CancellationToken.None)).Should().Be(0, stderr.ToString());
        return stdout.ToString();
    }

    // Columns as a terminal shows them: CJK and full-width characters take two.
    private static int DisplayWidth(string line) => line.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    [Fact]
    public async Task A_table_has_headers_units_explained_columns_and_aligns_chinese_text()
    {
        var text = await RunAsync(SummaryFormat.Table);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].Should().Be("4 document(s): 2 extracted, 2 error record(s) (timeout 1, unknown 1); 3 achievement figure(s); 1 line(s) neither a record nor an error record, skipped");
        text.Should().Contain("By actor and unit").And.Contain("By actor, action and unit").And.Contain("By month and unit");
        text.Should().NotContain("×").And.NotContain("500+");
        text.Should().Contain("Approx.: at least one summed figure");

        // The header row of the actor table, then its rows: the Total column ends at the same display column on every
        // line, whatever the width of the Chinese names before it.
        var header = lines.FindIndex(l => l.TrimStart().StartsWith("Actor ", StringComparison.Ordinal) && !l.Contains("Action", StringComparison.Ordinal));
        header.Should().BePositive();
        var rows = lines.Skip(header + 2).TakeWhile(l => l.Trim().Length > 0).ToList();
        rows.Should().HaveCount(2);
        int TotalEnd(string line, string total) => DisplayWidth(line[..(line.IndexOf(total, StringComparison.Ordinal) + total.Length)]);
        var ends = new[] { TotalEnd(lines[header], "Total"), TotalEnd(rows.Single(r => r.Contains("市税务局", StringComparison.Ordinal)), "800"), TotalEnd(rows.Single(r => r.Contains("志愿服务队", StringComparison.Ordinal)), "120") };
        ends.Should().AllBeEquivalentTo(ends[0]);
        rows.Single(r => r.Contains("市税务局", StringComparison.Ordinal)).Should().MatchRegex(@"市税务局\s+份\s+800\s+yes\s+2\s+2\s*$");
        rows.Select(DisplayWidth).Distinct().Should().ContainSingle("every row of a table is padded to the same display width");
    }

    [Fact]
    public async Task Csv_has_one_row_per_group_with_a_table_column()
    {
        var lines = (await RunAsync(SummaryFormat.Csv)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].Should().Be("table,actor,action,month,unit,total,approx,figures,articles");
        lines.Should().Contain("unit,,,,份,800,true,2,2")
            .And.Contain("actor,市税务局,,,份,800,true,2,2")
            .And.Contain("actor-action,市税务局,配送生活物资,,份,800,true,2,2")
            .And.Contain("month,,,2022-11,份,500,true,1,1")
            .And.Contain("month,,,2022-12,份,300,false,1,1");
        lines.Should().HaveCount(1 + 2 + 2 + 2 + 3);
    }

    [Fact]
    public async Task Json_gives_every_table_and_the_documents_read()
    {
        var root = JsonDocument.Parse(await RunAsync(SummaryFormat.Json)).RootElement;
        root.GetProperty("documents").GetInt32().Should().Be(4);
        root.GetProperty("errors").GetInt32().Should().Be(2);
        root.GetProperty("errorsByKind").GetProperty("timeout").GetInt32().Should().Be(1);
        root.GetProperty("unreadableLines").GetInt32().Should().Be(1);
        var units = root.GetProperty("tables").GetProperty("unit").EnumerateArray()
            .Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.GetProperty("unit").GetString()} {u.GetProperty("total").GetDecimal()} {u.GetProperty("figures").GetInt32()}"))
            .ToList();
        units.Should().Equal("份 800 2", "人次 120 1");

        var top = JsonDocument.Parse(await RunAsync(SummaryFormat.Json, top: 1)).RootElement;
        top.GetProperty("tables").GetProperty("month").GetArrayLength().Should().Be(1);
    }
}
