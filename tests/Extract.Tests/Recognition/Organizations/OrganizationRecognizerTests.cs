using Extract.Recognition;
using Extract.Recognition.Organizations;
using Extract.Recognition.Places;

namespace Extract.Tests.Recognition.Organizations;

public sealed class OrganizationRecognizerTests
{
    private static IEnumerable<(string Name, int Start, int End)> Found(string text) =>
        EntityPipeline.Run(text).Organizations.Select(o => (o.Name, o.Span.Start, o.Span.End));

    [Fact]
    public void Level_prefixed_bodies_are_organisations()
    {
        Found("市委组织部联合团市委下发通知，区政府积极响应。").Should().Equal(("市委组织部", 0, 5), ("团市委", 7, 10), ("区政府", 15, 18));
    }

    [Fact]
    public void Nested_units_keep_the_maximal_span_and_know_their_parent()
    {
        var organization = EntityPipeline.Run("市司法局警务管理科科长带队。").Organizations.Single();

        organization.Name.Should().Be("市司法局警务管理科");
        organization.Span.Should().Be(new TextSpan(0, 9));
        organization.Parent.Should().Be("市司法局");
    }

    [Fact]
    public void Place_prefixed_body_with_branch_suffix()
    {
        var organization = EntityPipeline.Run("近日，市直单位驻大西门社区临时党支部成立。").Organizations.Single();

        organization.Name.Should().Be("市直单位驻大西门社区临时党支部");
        organization.Span.Should().Be(new TextSpan(3, 18));
        organization.Kind.Should().Be(OrganizationKind.Party);
    }

    [Fact]
    public void Generic_and_plural_phrases_are_not_organisations()
    {
        Found("各级党组织要支持，集团公司党委、综合部、宣传部和市直各部门参与。").Should().BeEmpty();
    }

    [Fact]
    public void A_bare_village_body_is_a_back_reference_but_a_named_one_counts()
    {
        Found("村党支部召开会议，村委成员参加。").Should().BeEmpty();
        Found("红庄村党支部召开会议。").Select(o => o.Name).Should().Equal("红庄村党支部");
        Found("镇党委召开会议。").Select(o => o.Name).Should().Equal("镇党委");
    }

    [Theory]
    [InlineData("红周刊", true)]
    [InlineData("泰晤士报", true)]
    [InlineData("星期日报", true)]
    [InlineData("财经杂志", true)]
    [InlineData("Wind周刊", true)]
    [InlineData("报", false)]
    [InlineData("杂志", false)]
    [InlineData("情况通报", false)]
    [InlineData("统计公报", false)]
    [InlineData("工作简报", false)]
    [InlineData("致家长的一封信", false)]
    [InlineData("关于疫情防控的通报", false)]
    [InlineData("2019年贸易和发展报告", false)]
    [InlineData("五邑警视", false)]
    [InlineData("中华人民共和国国务院公报月刊增刊", false)]
    public void A_periodical_title_ends_in_a_periodical_suffix_and_is_no_report(string inside, bool periodical) =>
        OrganizationGrammar.IsPeriodicalTitle(inside).Should().Be(periodical);

    [Fact]
    public void A_central_body_of_the_fixed_list_is_an_organisation_with_the_place_or_level_before_it()
    {
        // 外交部长 is the minister and 教育部门 the generic departments: 部 opens a common word there.
        Found("据住建部公布，中国证监会和市国资委表示，外交部长和教育部门出席。").Select(o => o.Name)
            .Should().Equal("住建部", "中国证监会", "市国资委");
        Found("央行行长表示。").Select(o => o.Name).Should().Equal("央行");
    }

    [Fact]
    public void A_sub_unit_after_former_is_the_role_not_a_unit_of_the_body()
    {
        // 原党组副书记 is the role (former deputy secretary of the Party group); 党组 written straight after the body joins it.
        Found("辽宁省政协原党组副书记孙某，市税务局党组召开会议。").Select(o => o.Name).Should().Equal("辽宁省政协", "市税务局党组");
    }

    [Fact]
    public void A_periodical_cited_by_its_title_is_a_media_organisation_without_the_marks()
    {
        var organizations = EntityPipeline.Run("据英国《泰晤士报》报道，《红周刊》记者还了解到《关于加强管理的通报》已经下发。").Organizations;

        organizations.Select(o => (o.Name, o.Kind)).Should().Contain([("泰晤士报", OrganizationKind.Media), ("红周刊", OrganizationKind.Media)]);
        organizations.Should().NotContain(o => o.Name.Contains('《') || o.Name.Contains("通报", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("工作队引进湖南锦江农旅开发有限公司建设基地。", "湖南锦江农旅开发有限公司")]
    [InlineData("该项目隶属高平市供电公司管理。", "高平市供电公司")]
    [InlineData("他督促青海河湟农牧业开发有限公司整改。", "青海河湟农牧业开发有限公司")]
    public void A_verb_before_a_company_is_not_part_of_its_name(string text, string name)
    {
        Found(text).Select(o => o.Name).Should().Contain(name);
    }

    [Fact]
    public void Organisation_named_inside_a_job_title_counts()
    {
        Found("市政协副主席出席。").Should().Equal(("市政协", 0, 3));
    }

    [Fact]
    public void Place_and_industry_word_abbreviate_a_company_and_the_place_stops_being_a_place()
    {
        var mentions = EntityPipeline.Run("山西焦煤召开会议。");

        mentions.Organizations.Select(o => (o.Name, o.Kind, o.Span.Start, o.Span.End)).Should().Equal(("山西焦煤", OrganizationKind.Company, 0, 4));
        mentions.Places.Should().BeEmpty();
    }

    [Fact]
    public void The_organisation_recogniser_only_proposes_and_the_decision_drops_a_place_inside_a_name()
    {
        const string text = "山西焦煤召开会议。";
        var document = new DocumentText(text, [new TextSpan(0, text.Length)], [], Extract.Calendar.ReferenceDates.Create(null, null, null, null));
        var places = new PlaceRecognizer().Recognize(document, Mentions.Empty, CancellationToken.None);
        var proposed = new OrganizationRecognizer().Recognize(document, places, CancellationToken.None);

        places.Places.Should().ContainSingle(p => p.Name == "山西");
        proposed.Places.Should().Equal(places.Places, "a later source never deletes an earlier one's output");
        Extract.Recognition.Entities.NestedPlaces.Decide(proposed).Places.Should().BeEmpty();
    }

    [Fact]
    public void Adjacent_companies_stay_separate()
    {
        Found("在红星集团蓝天集团工作。").Should().Equal(("红星集团", 1, 5), ("蓝天集团", 5, 9));
    }

    [Fact]
    public void Teams_need_a_specific_head()
    {
        Found("组成党员志愿服务突击队，新蔡县红十字蛟龙救援志愿服务队出发。").Should().Equal(("新蔡县红十字蛟龙救援志愿服务队", 12, 27));
    }
}
