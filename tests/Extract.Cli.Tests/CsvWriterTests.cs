using System.Text;

namespace Extract.Cli.Tests;

/// <summary>The CSV side of the output writer: value-unit pairs, a per-achievement CSV, the byte-order mark.</summary>
public sealed class CsvWriterTests
{
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
