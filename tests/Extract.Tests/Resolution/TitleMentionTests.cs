using Extract.Json;

namespace Extract.Tests.Resolution;

/// <summary>The headline is read like the body: its names, dates and achievements reach the record, each saying where it stands.</summary>
public sealed class TitleMentionTests
{
    private static Article Extract(string text)
    {
        var result = ArticleExtractor.Default.Extract(ArticleSource.FromText("doc", text));
        result.IsSuccess.Should().BeTrue(result.Error);
        return result.Article!;
    }

    private static string At(string text, TextSpan span) => text[span.Start..span.End];

    [Fact]
    public void A_one_sentence_document_whose_sentence_becomes_the_title_yields_its_names()
    {
        var article = Extract("市委书记王建国在零陵区调研疫情防控工作");

        article.Title.Should().Be("市委书记王建国在零陵区调研疫情防控工作");
        article.Body.Should().BeEmpty();
        var person = article.People.Should().ContainSingle(p => p.Name == "王建国").Subject;
        person.Mentions.Should().BeEmpty();
        person.TitleMentions.Select(s => At(article.Title!, s)).Should().Equal("王建国");
        var place = article.Places.Should().ContainSingle(p => p.Name == "零陵区").Subject;
        place.TitleMentions.Select(s => At(article.Title!, s)).Should().Equal("零陵区");
    }

    [Fact]
    public void A_name_in_title_and_body_has_mentions_in_both_each_in_its_own_offsets()
    {
        var article = Extract("王建国到零陵区调研\n11月2日，市委书记王建国到零陵区调研疫情防控工作。");

        var person = article.People.Should().ContainSingle(p => p.Name == "王建国").Subject;
        person.TitleMentions.Select(s => At(article.Title!, s)).Should().Equal("王建国");
        person.Mentions.Select(s => At(article.Body, s)).Should().Equal("王建国");
        foreach (var place in article.Places)
        {
            place.Mentions.Should().OnlyContain(s => At(article.Body, s) == place.Name);
            place.TitleMentions.Should().OnlyContain(s => At(article.Title!, s) == place.Name);
        }
    }

    [Fact]
    public void A_date_in_the_title_carries_a_title_span_and_its_body_occurrence_keeps_the_body_span()
    {
        var titleOnly = Extract("11月2日王建国到零陵区调研\n市委书记王建国到零陵区调研疫情防控工作。");
        var date = titleOnly.Dates.Should().ContainSingle(d => d.Text == "11月2日").Subject;
        date.Span.Should().BeNull();
        At(titleOnly.Title!, date.TitleSpan!.Value).Should().Be("11月2日");

        var both = Extract("11月2日王建国到零陵区调研\n11月2日，市委书记王建国到零陵区调研疫情防控工作。");
        var once = both.Dates.Should().ContainSingle(d => d.Text == "11月2日").Subject;
        At(both.Body, once.Span!.Value).Should().Be("11月2日");
        At(both.Title!, once.TitleSpan!.Value).Should().Be("11月2日");
    }

    [Fact]
    public void An_achievement_the_title_restates_is_listed_once_with_both_spans_and_one_only_the_title_states_stands()
    {
        var both = Extract("零陵区志愿者上门采集核酸5463人次\n连日来，零陵区志愿者协助医护人员上门采集核酸5463人次。");
        var achievement = both.Achievements.Should().ContainSingle(a => a.Value == 5463).Subject;
        At(both.Body, achievement.Span!.Value).Should().Be(achievement.Text);
        At(both.Title!, achievement.TitleSpan!.Value).Should().EndWith("5463人次");

        var titleOnly = Extract("零陵区志愿者上门采集核酸5463人次\n连日来，零陵区志愿者协助医护人员上门采集核酸。");
        var headline = titleOnly.Achievements.Should().ContainSingle(a => a.Value == 5463).Subject;
        headline.Span.Should().BeNull();
        At(titleOnly.Title!, headline.TitleSpan!.Value).Should().Be(headline.Text);
    }

    [Fact]
    public void Title_mentions_survive_the_json_contract()
    {
        var article = Extract("11月2日王建国到零陵区调研\n市委书记王建国到零陵区调研疫情防控工作。");
        var read = ArticleJson.Deserialize(ArticleJson.Serialize(article));

        read.People.Single(p => p.Name == "王建国").TitleMentions.Should().Equal(article.People.Single(p => p.Name == "王建国").TitleMentions);
        read.Dates.Select(d => d.TitleSpan).Should().Equal(article.Dates.Select(d => d.TitleSpan));
    }
}
