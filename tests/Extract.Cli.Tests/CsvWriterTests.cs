using System.Text;
using Extract.Cli.Commands;

namespace Extract.Cli.Tests;

/// <summary>The CSV side of the output writer: value-unit pairs, a per-achievement CSV, the byte-order mark.</summary>
public sealed class CsvWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract-csv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Input()
    {
        var path = Path.Combine(_dir, "in.txt");
        File.WriteAllText(path, "某社区志愿服务纪实\n志愿者服务群众100人次,发放物资20份。");
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(string input, string? output, OutputFormat format, bool? bom)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ExtractCommand.RunAsync([input], output, format, 1, null, stdout, stderr, CancellationToken.None, bom: bom);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_csv_file_gets_a_byte_order_mark_by_default_and_none_with_no_bom()
    {
        var withMark = Path.Combine(_dir, "a.csv");
        (await Run(Input(), withMark, OutputFormat.Csv, null)).Code.Should().Be(0);
        File.ReadAllBytes(withMark).Take(3).Should().Equal(Encoding.UTF8.GetPreamble());

        var without = Path.Combine(_dir, "b.csv");
        (await Run(Input(), without, OutputFormat.Csv, false)).Code.Should().Be(0);
        File.ReadAllBytes(without).Take(3).Should().NotEqual(Encoding.UTF8.GetPreamble());
        File.ReadAllText(without).Should().StartWith("id,error,title");
    }

    [Fact]
    public async Task Standard_output_has_a_byte_order_mark_only_when_asked()
    {
        (await Run(Input(), null, OutputFormat.Csv, null)).Out.Should().StartWith("id,");
        (await Run(Input(), null, OutputFormat.Csv, true)).Out.Should().StartWith("\uFEFFid,");
    }

    [Fact]
    public async Task Bom_with_another_format_or_a_folder_for_json_lines_is_a_user_error()
    {
        var (code, _, err) = await Run(Input(), null, OutputFormat.Jsonl, true);
        code.Should().Be(2);
        err.Should().Contain("--format csv");

        (code, _, err) = await Run(Input(), _dir, OutputFormat.Jsonl, null);
        code.Should().Be(2);
        err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("folder");
    }

    [Fact]
    public async Task A_folder_output_gets_articles_csv_and_achievements_csv()
    {
        var folder = Path.Combine(_dir, "out") + Path.DirectorySeparatorChar;
        var (code, stdout, _) = await Run(Input(), folder, OutputFormat.Csv, null);
        code.Should().Be(0);
        stdout.Should().BeEmpty();

        File.ReadAllBytes(Path.Combine(folder, "articles.csv")).Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        File.ReadAllBytes(Path.Combine(folder, "achievements.csv")).Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var articles = File.ReadAllLines(Path.Combine(folder, "articles.csv"));
        articles.Should().HaveCount(2);
        articles[0].Should().StartWith("id,error,title");
        articles[1].Should().StartWith("in,").And.Contain(string.Join(';', Sample.Achievements.Select(a => $"{a.Value} {a.Unit}")));

        var achievements = File.ReadAllLines(Path.Combine(folder, "achievements.csv"));
        achievements[0].Should().Be(OutputWriter.AchievementsHeader);
        achievements.Skip(1).Should().HaveCount(Sample.Achievements.Length);
        achievements.Skip(1).Should().OnlyContain(row => row.StartsWith("in,", StringComparison.Ordinal));
        achievements[1].Should().StartWith($"in,{Sample.Achievements[0].Text},{Sample.Achievements[0].Value},{Sample.Achievements[0].Unit},");
    }

    private static readonly Article Sample = ArticleExtractor.Default.Extract(
        ArticleSource.FromText("f", "某社区志愿服务纪实\n志愿者服务群众100人次,发放物资20份。")).Article!;

    [Fact]
    public void Achievements_are_value_unit_pairs_and_get_a_csv_of_their_own()
    {
        Sample.Achievements.Should().HaveCountGreaterThan(1, "the sample must have several achievements");
        var articles = new StringWriter();
        var achievements = new StringWriter();
        var writer = new OutputWriter(articles, OutputFormat.Csv, achievements);
        writer.Begin();
        writer.Write(ExtractionResult.Success(Sample));
        writer.Write(ExtractionResult.Failure("bad", "binary content"));
        writer.End();

        var articleRows = articles.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        articleRows.Should().HaveCount(3);
        articleRows[1].Should().Contain(string.Join(';', Sample.Achievements.Select(a => $"{a.Value} {a.Unit}")));

        var achievementRows = achievements.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        achievementRows[0].Should().Be(OutputWriter.AchievementsHeader);
        achievementRows.Skip(1).Should().HaveCount(Sample.Achievements.Length, "one row per achievement, none for a failed document");
        achievementRows[1].Split(',').Should().HaveCount(OutputWriter.AchievementsHeader.Split(',').Length);
        achievementRows[1].Should().StartWith($"f,{Sample.Achievements[0].Text},{Sample.Achievements[0].Value},{Sample.Achievements[0].Unit},");
    }

    [Fact]
    public void A_csv_file_starts_with_a_byte_order_mark_when_asked()
    {
        OutputWriter.CsvEncoding(bom: true).GetPreamble().Should().Equal(Encoding.UTF8.GetPreamble());
        OutputWriter.CsvEncoding(bom: false).GetPreamble().Should().BeEmpty();
    }
}
