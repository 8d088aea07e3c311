namespace Extract.Tests.Recognition.People;

public sealed class PersonRecognizerTests
{
    [Fact]
    public void Title_chain_gives_roles_split_on_the_enumeration_comma_and_the_organisation()
    {
        const string text = "疫情期间，市司法局警务管理科科长、市直单位驻老司法局院子临时党支部书记李文博，带领支部成员上门服务。";

        var person = EntityPipeline.Run(text).People.Single();

        person.Name.Should().Be("李文博");
        person.Span.Should().Be(new TextSpan(35, 38));
        person.Roles.Should().Equal("市司法局警务管理科科长", "市直单位驻老司法局院子临时党支部书记");
        person.Organization.Should().Be("市司法局");
    }

    [Fact]
    public void Enumeration_closed_by_a_group_word_gives_every_name()
    {
        var people = EntityPipeline.Run("他带领张伟明、李红、王志强一行前往。").People;

        people.Select(p => (p.Name, p.Span!.Value.Start, p.Span.Value.End)).Should().Equal(("张伟明", 3, 6), ("李红", 7, 9), ("王志强", 10, 13));
    }

    [Fact]
    public void Quoting_verb_after_a_name_is_evidence()
    {
        var person = EntityPipeline.Run("“我们一定完成任务。”赵小燕说。").People.Single();

        person.Name.Should().Be("赵小燕");
        person.Span.Should().Be(new TextSpan(11, 14));
        person.Roles.Should().BeEmpty();
    }

    [Fact]
    public void Name_length_follows_the_next_word()
    {
        var person = EntityPipeline.Run("志愿者孙宁完成信息登记。").People.Single();

        person.Name.Should().Be("孙宁");
        person.Span.Should().Be(new TextSpan(3, 5));
        person.Roles.Should().Equal("志愿者");
    }

    [Fact]
    public void Every_occurrence_of_an_accepted_name_is_a_mention()
    {
        var people = EntityPipeline.Run("书记周海涛说，要守好门。周海涛随后巡查。").People;

        people.Select(p => p.Span).Should().Equal(new TextSpan(2, 5), new TextSpan(12, 15));
    }

    [Theory]
    [InlineData("王书记来到村里看望群众。")]
    [InlineData("给小秦师傅点个赞。")]
    [InlineData("加强志愿者管理和保障工作。")]
    [InlineData("党员志愿者闻令而动。")]
    public void Surname_with_title_nicknames_and_common_words_are_not_people(string text)
    {
        EntityPipeline.Run(text).People.Should().BeEmpty();
    }

    [Fact]
    public void Name_after_an_organisation_is_a_person_and_not_part_of_it()
    {
        var mentions = EntityPipeline.Run("在小区服务的红星集团郑浩，连夜分发物资。");

        mentions.Organizations.Select(o => o.Name).Should().Equal("红星集团");
        mentions.People.Select(p => (p.Name, p.Span!.Value.Start, p.Span.Value.End)).Should().Equal(("郑浩", 10, 12));
    }
}
