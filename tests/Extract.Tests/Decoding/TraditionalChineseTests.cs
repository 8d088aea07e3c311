using Extract.Decoding;

namespace Extract.Tests.Decoding;

public sealed class TraditionalChineseTests
{
    [Theory]
    [InlineData("組織志願者開展核酸檢測", "组织志愿者开展核酸检测")]
    [InlineData("臺灣鄉鎮", "台湾乡镇")]
    [InlineData("简体不变 ASCII 123", "简体不变 ASCII 123")]
    public void Converts_to_simplified_keeping_the_length(string traditional, string simplified)
    {
        var converted = TraditionalChinese.Default.ToSimplified(traditional);
        converted.Should().Be(simplified);
        converted.Length.Should().Be(traditional.Length);
    }

    [Fact]
    public void Refuses_a_table_entry_that_changes_length()
    {
        var act = () => TraditionalChinese.FromLines(["們\t们", "乾隆\t干"]);
        act.Should().Throw<InvalidDataException>().WithMessage("*differ in length*");
    }

    [Fact]
    public void A_traditional_article_is_analysed_in_simplified_and_reported_in_its_own_characters()
    {
        const string text = "志願服務隊下沉社區\n11月2日,市委組織部組織黨員幹部下沉社區,協助醫護人員上門採集核酸5463人次。";
        var article = ArticleExtractor.Default.Extract(ArticleSource.FromText("t", text) with { FetchedAt = new DateTimeOffset(2022, 11, 20, 9, 0, 0, TimeSpan.FromHours(8)) }).Article!;
        article.Body.Should().Contain("組織部");
        var achievement = article.Achievements.Should().ContainSingle().Subject;
        achievement.Value.Should().Be(5463);
        achievement.Text.Should().Contain("採集核酸");
        article.Body[achievement.Span!.Value.Start..achievement.Span.Value.End].Should().Be(achievement.Text);
        article.Dates.Should().Contain(d => d.Value == "2022-11-02");
        foreach (var organization in article.Organizations)
        {
            foreach (var mention in organization.Mentions)
            {
                article.Body[mention.Start..mention.End].Should().Be(organization.Name);
            }
        }
    }
}

public sealed class TraditionalDetectionTests
{
    [Fact]
    public void A_simplified_text_with_a_traditional_character_in_a_name_is_left_as_written()
    {
        const string text = "志愿者来到迴龙塔社区,协助医护人员开展核酸检测,为居民配送生活物资。";
        TraditionalChinese.Default.ToSimplified(text).Should().BeSameAs(text);
    }
}
