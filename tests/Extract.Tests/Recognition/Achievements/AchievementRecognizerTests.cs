using System.Collections.Immutable;
using Extract.Recognition;
using Extract.Recognition.Achievements;
using Extract.Tokens;
using Extract.Calendar;

namespace Extract.Tests.Recognition.Achievements;

public sealed class AchievementRecognizerTests
{
    private static DocumentText Document(string body, ImmutableArray<WordToken> tokens = default) =>
        new(body, [new TextSpan(0, body.Length)], tokens.IsDefault ? [] : tokens, new ReferenceDates(null, null, null, null));

    private static QuantityMention Quantity(string body, string text, decimal value, string unit, bool approx = false)
    {
        var start = body.IndexOf(text, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, text);
        return new QuantityMention(new TextSpan(start, start + text.Length), text, value, unit, approx);
    }

    private static ImmutableArray<Achievement> Run(DocumentText document, Mentions found) =>
        new AchievementRecognizer(decision: null).Recognize(document, found, CancellationToken.None).Achievements; // the rule filter: the learned decision has its own tests

    [Fact]
    public void A_number_inside_a_place_name_is_not_an_achievement_but_one_beside_a_bad_span_is()
    {
        const string body = "四家子镇组织党员志愿者1100余人次清理路障。";
        var found = Mentions.Empty with
        {
            Quantities = [Quantity(body, "四家", 4, "家"), Quantity(body, "1100余人次", 1100, "人次", approx: true)],
            Places = [new PlaceMention(new TextSpan(0, 4), "四家子镇", PlaceLevel.Township, null, []), new PlaceMention(new TextSpan(15, 21), "余人次清理路", PlaceLevel.Road, null, [])],
        };

        Run(Document(body), found).Select(a => (a.Value, a.Unit)).Should().Equal((1100m, "人次"));
    }

    [Fact]
    public void Each_quantity_in_a_list_is_its_own_achievement_with_its_clause()
    {
        const string body = "配送生活物资和药品11833份,组织1492人次累计值守13871小时。";
        var found = Mentions.Empty with
        {
            Quantities = [Quantity(body, "11833份", 11833, "份"), Quantity(body, "1492人次", 1492, "人次"), Quantity(body, "13871小时", 13871, "小时")],
        };
        var achievements = Run(Document(body), found);
        achievements.Select(a => (a.Value, a.Unit)).Should().Equal((11833m, "份"), (1492m, "人次"), (13871m, "小时"));
        achievements[0].Text.Should().Be("配送生活物资和药品11833份");
        achievements[1].Text.Should().Be("组织1492人次累计值守13871小时");
        foreach (var a in achievements)
        {
            body[a.Span!.Value.Start..a.Span.Value.End].Should().Be(a.Text);
        }
    }

    [Theory]
    [InlineData("他步行3公里赶到现场。", "3公里", 3, "公里")]
    [InlineData("每个点位由2位下沉干部负责。", "2位", 2, "位")]
    [InlineData("仍有100多人尚未完成检测。", "100多人", 100, "人")]
    [InlineData("队伍组建8小时后出发。", "8小时", 8, "小时")]
    [InlineData("34名志愿者24小时值班值守。", "24小时", 24, "小时")]
    [InlineData("他和其他29名同事一起。", "29名", 29, "名")]
    [InlineData("这是一个有20名党员的民间组织。", "20名", 20, "名")]
    [InlineData("明确1名同志担任督查人员。", "1名", 1, "名")]
    [InlineData("老人今年70岁。", "70岁", 70, "岁")]
    [InlineData("背着几十斤重的消毒设备。", "几十斤", 10, "斤")]
    [InlineData("参与八个方面的防控工作。", "八个", 8, "个")]
    [InlineData("却将自己的两个孩子送到亲戚家。", "两个", 2, "个")]
    [InlineData("将下沉干部分成两组排班。", "两组", 2, "组")]
    [InlineData("家里还有两个上幼儿园的孩子。", "两个", 2, "个")]
    [InlineData("最忙时一分钟接三四个电话。", "三四个", 3, "个")]
    [InlineData("检查核对了数百份信息资料。", "数百份", 100, "份")]
    [InlineData("贾正洋和蔺栋两人负责帮助医护人员。", "两人", 2, "人")]
    [InlineData("全村有286户群众。", "286户", 286, "户")]
    [InlineData("社区有居民楼21栋。", "21栋", 21, "栋")]
    [InlineData("辖区常住人口1.2万余人。", "1.2万余人", 12000, "人")]
    [InlineData("庆祝中国共产党成立100周年大会。", "100周", 100, "周")]
    [InlineData("人艺的票价再高也不超过1000元。", "1000元", 1000, "元")]
    [InlineData("头采的明前茶每斤能卖到600元。", "600元", 600, "元")]
    [InlineData("被调查的49名经济学家中有27人认为增长乏力。", "27人", 27, "人")]
    [InlineData("有10名消费者大呼厂家误导。", "10名", 10, "名")]
    [InlineData("距离镇上3公里。", "3公里", 3, "公里")]
    [InlineData("全长5公里的道路已通车。", "5公里", 5, "公里")]
    [InlineData("一期工程岸线总长770米。", "770米", 770, "米")]
    public void Quantities_that_are_not_effort_or_result_are_left_out(string body, string text, int value, string unit)
    {
        Run(Document(body), Mentions.Empty with { Quantities = [Quantity(body, text, value, unit)] }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("每天超长工作10多个小时。", "10多个小时", 10, "个小时")]
    [InlineData("10个小时的奋战圆满结束。", "10个小时", 10, "个小时")]
    [InlineData("驻点累计值守4000余小时。", "4000余小时", 4000, "小时")]
    [InlineData("组建两支突击队。", "两支", 2, "支")]
    [InlineData("他们4人立即报名。", "4人", 4, "人")]
    [InlineData("新修产业路3公里。", "3公里", 3, "公里")]
    [InlineData("清淤河道1300米。", "1300米", 1300, "米")]
    [InlineData("今年能卖3万多元。", "3万多元", 30000, "元")]
    public void Counts_of_effort_are_achievements(string body, string text, int value, string unit)
    {
        Run(Document(body), Mentions.Empty with { Quantities = [Quantity(body, text, value, unit)] }).Should().ContainSingle()
            .Which.Value.Should().Be(value);
    }

    [Fact]
    public void Scaled_values_are_written_without_trailing_zeros()
    {
        const string body = "上门采集核酸22.16万次。";
        var found = Mentions.Empty with { Quantities = [Quantity(body, "22.16万次", 22.16m * 10000m, "次")] };
        Run(Document(body), found).Single().Value.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("221600");
    }

    [Fact]
    public void Actor_is_the_entity_before_the_quantity_and_pronouns_resolve_to_the_previous_one()
    {
        const string body = "市税务局组织干部下沉社区。他们配送物资96人次,市委组织部选派430名志愿者。";
        var tax = body.IndexOf("市税务局", StringComparison.Ordinal);
        var org = body.IndexOf("市委组织部", StringComparison.Ordinal);
        var found = Mentions.Empty with
        {
            Organizations =
            [
                new OrganizationMention(new TextSpan(tax, tax + 4), "市税务局", OrganizationKind.Government),
                new OrganizationMention(new TextSpan(org, org + 5), "市委组织部", OrganizationKind.Party),
            ],
            Quantities = [Quantity(body, "96人次", 96, "人次"), Quantity(body, "430名", 430, "名")],
        };
        var achievements = Run(Document(body), found);
        achievements.Select(a => a.Actor).Should().Equal("市税务局", "市委组织部");
    }

    [Fact]
    public void Action_is_the_verb_phrase_before_the_number_without_adverbs()
    {
        const string body = "累计转运接触人员3951人次";
        ImmutableArray<WordToken> tokens =
        [
            new("累计", "v", 0, 2), new("转运", "v", 2, 4), new("接触", "v", 4, 6), new("人员", "n", 6, 8), new("3951", "m", 8, 12), new("人次", "q", 12, 14),
        ];
        var found = Mentions.Empty with { Quantities = [Quantity(body, "3951人次", 3951, "人次")] };
        Run(Document(body, tokens), found).Single().Action.Should().Be("转运接触人员");
    }

    [Fact]
    public void Action_after_the_number_when_the_number_opens_the_clause()
    {
        const string body = "26名工作人员重温入党誓词";
        ImmutableArray<WordToken> tokens =
        [
            new("26", "m", 0, 2), new("名", "q", 2, 3), new("工作人员", "n", 3, 7), new("重温", "v", 7, 9), new("入党", "v", 9, 11), new("誓词", "n", 11, 13),
        ];
        var found = Mentions.Empty with { Quantities = [Quantity(body, "26名", 26, "名")] };
        Run(Document(body, tokens), found).Single().Action.Should().Be("重温入党誓词");
    }

    [Fact]
    public void Date_is_the_last_date_before_the_quantity_in_its_paragraph()
    {
        const string body = "11月4日,志愿者配送物资500余份。";
        var found = Mentions.Empty with
        {
            Dates = [new DateValueMention(new TextSpan(0, 5), "11月4日", "2022-11-04")],
            Quantities = [Quantity(body, "500余份", 500, "份", approx: true)],
        };
        var achievement = Run(Document(body), found).Single();
        achievement.Date.Should().Be("2022-11-04");
        achievement.Approx.Should().BeTrue();
    }
}

public sealed class AchievementSummaryTests
{
    private static Article With(string? published, params Achievement[] achievements) =>
        new() { Id = Guid.NewGuid().ToString(), PublishedAt = published, Achievements = [.. achievements] };

    [Fact]
    public void Sums_by_unit_and_action_across_articles()
    {
        var a = With("2022-11-20", new Achievement { Text = "t", Value = 500, Unit = "份", Action = "配送生活物资", Approx = true });
        var b = With("2022-12-01", new Achievement { Text = "t", Value = 11833, Unit = "份", Action = "配送生活物资" }, new Achievement { Text = "t", Value = 96, Unit = "人次", Action = "配送物资" });
        var totals = AchievementSummary.Sum([a, b]);
        totals.Should().HaveCount(2);
        totals[0].Should().BeEquivalentTo(new AchievementTotal { Unit = "份", Action = "配送生活物资", Value = 12333, Count = 2, Approx = true });
    }

    [Fact]
    public void Groups_by_month_from_the_achievement_date_else_the_publish_date()
    {
        var a = With("2022-11-20", new Achievement { Text = "t", Value = 5, Unit = "名", Date = "2022-10-31" }, new Achievement { Text = "t", Value = 7, Unit = "名" });
        var totals = AchievementSummary.Sum([a], AchievementGrouping.Month);
        totals.Select(t => (t.Month, t.Value)).Should().BeEquivalentTo([("2022-10", 5m), ("2022-11", 7m)]);
    }
}
