using Extract.Evaluation;

namespace Extract.Tests.Evaluation;

/// <summary>The gold scorer's rules (ANNOTATION.md): how names, dates, achievements, boilerplate and exact fields are matched.</summary>
public sealed class GoldScorerTests
{
    private static Article Article(string body = "正文") => new() { Id = "a", Body = body };

    private static GoldRecord Gold() => new() { Id = "a" };

    private static ArticleScore Score(Article article, GoldRecord gold, string source = "") => GoldScorer.Score(article, gold, source);

    private static Organization Org(string name) => new() { Name = name };

    private static Place Place(string name) => new() { Name = name };

    [Fact]
    public void Names_match_by_normalised_surface_each_distinct_form_once()
    {
        var article = Article() with
        {
            // Full-width letters and a space normalise to the gold's form; the second 王 伟 is the same name again.
            People = [new Person { Name = "王 伟" }, new Person { Name = "王伟" }, new Person { Name = "ＡＢ公司" }, new Person { Name = "李四" }],
        };
        var gold = Gold() with { People = [new GoldPerson("王伟", []), new GoldPerson("AB公司", []), new GoldPerson("张三", [])] };

        var score = Score(article, gold);

        score.Fields["people"].Should().Be(new FieldScore(2, 3, 3));
        score.Differences["people"].Missed.Should().Equal("张三");
        score.Differences["people"].Spurious.Should().Equal("李四");
    }

    [Fact]
    public void A_field_the_gold_file_leaves_out_is_not_annotated_and_neither_scored_nor_printed()
    {
        // An entity-only gold file (corpus/real-gne): no dates, achievements or metadata keys.
        var gold = GoldRecord.Parse("""{"id":"a","people":[{"name":"王伟","roles":[]}],"organizations":[],"places":["零陵区"]}""", "a");
        var article = Article("王伟在零陵区。2022年3月1日，服务群众5人次。") with
        {
            People = [new Person { Name = "王伟" }],
            Places = [Place("零陵区")],
            Dates = [new DateMention { Text = "2022年3月1日", Value = "2022-03-01" }],
            Title = "标题",
        };

        var score = Score(article, gold);
        var report = new EvalReport([score]).Format(verbose: false);

        score.Fields.Keys.Should().BeEquivalentTo("people", "organizations", "places", "entities");
        score.Exact.Should().BeEmpty();
        report.Should().Contain("people").And.NotContain("dates").And.NotContain("achievements").And.NotContain("exact");
    }

    [Fact]
    public void A_place_inside_an_organisation_name_is_credited_as_a_place_and_a_longer_span_earns_no_partial_credit()
    {
        var article = Article() with { Organizations = [Org("零陵区税务局")], Places = [Place("零陵区")] };
        var nested = Score(article, Gold() with { Organizations = ["零陵区税务局"], Places = ["零陵区"] });

        nested.Fields["organizations"].Should().Be(new FieldScore(1, 1, 1));
        nested.Fields["places"].Should().Be(new FieldScore(1, 1, 1));
        nested.Fields["entities"].Should().Be(new FieldScore(2, 2, 2), "entities is organisations ∪ places");

        var longer = Score(Article() with { Organizations = [Org("零陵区税务局党委")] }, Gold() with { Organizations = ["零陵区税务局"] });
        longer.Fields["organizations"].Should().Be(new FieldScore(0, 1, 1));
    }

    [Fact]
    public void The_entities_field_credits_a_name_listed_under_the_other_type()
    {
        // 东岳宫社区 as a place in the record and as an organisation in the gold: wrong type, right name.
        var score = Score(Article() with { Places = [Place("东岳宫社区")] }, Gold() with { Organizations = ["东岳宫社区"] });

        score.Fields["places"].Should().Be(new FieldScore(0, 1, 0));
        score.Fields["organizations"].Should().Be(new FieldScore(0, 0, 1));
        score.Fields["entities"].Should().Be(new FieldScore(1, 1, 1));
    }

    [Fact]
    public void A_name_only_in_the_title_counts_like_one_in_the_body()
    {
        var article = Article() with { People = [new Person { Name = "王建国", TitleMentions = [new TextSpan(4, 7)] }] };

        Score(article, Gold() with { People = [new GoldPerson("王建国", [])] }).Fields["people"].Should().Be(new FieldScore(1, 1, 1));
    }

    [Fact]
    public void Dates_match_on_value_with_overlapping_text_one_to_one()
    {
        var article = Article() with
        {
            Dates =
            [
                new DateMention { Text = "11月2日", Value = "2022-11-02" },
                new DateMention { Text = "11月2日上午", Value = "2022-11-02" },
                new DateMention { Text = "3日", Value = "2022-11-04" },
            ],
        };
        var gold = Gold() with { Dates = [new GoldDate("2022年11月2日", "2022-11-02"), new GoldDate("3日", "2022-11-03")] };

        var score = Score(article, gold);

        // The first 11月2日 takes the gold date (its text lies inside the gold's); the second finds it used; 3日 has the wrong value.
        score.Fields["dates"].Should().Be(new FieldScore(1, 3, 2));
        score.Differences["dates"].Missed.Should().Equal("3日=2022-11-03");
    }

    [Fact]
    public void Achievements_match_on_value_and_unit_one_to_one_and_actor_and_action_are_read_on_matched_ones()
    {
        var article = Article() with
        {
            Achievements =
            [
                new Achievement { Text = "采集核酸5463人次", Value = 5463, Unit = "人次", Actor = "蒋文锋", Action = "采集核酸" },
                new Achievement { Text = "服务5463人", Value = 5463, Unit = "人", Actor = "蒋文锋", Action = "服务" },
                new Achievement { Text = "发放物资100份", Value = 100, Unit = "份", Actor = "团市委", Action = "发" },
            ],
        };
        var gold = Gold() with
        {
            Achievements =
            [
                new GoldAchievement("上门采集核酸5463人次", 5463, "人次", false, "蒋文锋", "上门采集核酸"),
                new GoldAchievement("发放物资100份", 100, "份", false, "东岳宫社区", "发放物资"),
                new GoldAchievement("发放口罩100份", 100, "份", false, null, null),
            ],
        };

        var score = Score(article, gold);

        score.Fields["achievements"].Should().Be(new FieldScore(2, 3, 3), "5463 人 has the wrong unit; one 100 份 cannot match two gold ones");
        score.Actor.Should().Be((1, 2), "蒋文锋 right, 团市委 names another body; the third gold found no match");
        score.Action.Should().Be((1, 2), "采集核酸 is inside 上门采集核酸 with more than half its characters (ANNOTATION.md); 发 is under half of 发放物资");
    }

    [Fact]
    public void Boilerplate_counts_gold_lines_the_body_no_longer_holds()
    {
        var gold = Gold() with { BoilerplateLines = ["当前位置：首页", "扫一扫 分享", ""] };

        var score = Score(Article("正文第一段。\n扫一扫分享"), gold);

        // The empty line can never be found removed: it counts against recall like a kept line.
        score.Fields["boilerplate"].Should().Be(new FieldScore(1, 3, 3));
    }

    [Fact]
    public void Exact_fields_compare_normalised_text_and_the_publish_date_by_prefix()
    {
        var article = Article() with
        {
            Title = "标题 一", Outlet = "永州日报", PublishedAt = "2022-03-20T18:39", Authors = ["彭沛", "黎俊"], Editors = [],
        };
        var gold = Gold() with { Title = "标题一", Outlet = "永州新闻网", PublishedAt = "2022-03-20", Authors = ["黎俊", "彭沛"] };

        var exact = Score(article, gold).Exact;

        exact["title"].Should().BeTrue();
        exact["outlet"].Should().BeFalse();
        exact["publishedAt"].Should().BeTrue("the gold gives the day; the record's time is more, not wrong");
        exact["authors"].Should().BeTrue("order does not matter");
        exact["editors"].Should().BeTrue();
        Score(article with { PublishedAt = null }, gold).Exact["publishedAt"].Should().BeFalse();
        Score(article with { PublishedAt = null }, gold with { PublishedAt = null }).Exact["publishedAt"].Should().BeTrue();
    }

    [Fact]
    public void Empty_fields_score_one_and_nothing_right_scores_zero()
    {
        var empty = new FieldScore(0, 0, 0);
        empty.Precision.Should().Be(1);
        empty.Recall.Should().Be(1);
        empty.F1.Should().Be(1);

        var wrong = new FieldScore(0, 2, 3);
        wrong.Precision.Should().Be(0);
        wrong.F1.Should().Be(0);
        (new FieldScore(1, 2, 4) + new FieldScore(1, 2, 0)).Should().Be(new FieldScore(2, 4, 4));
    }

    [Fact]
    public void Content_kept_is_the_share_of_source_characters_outside_gold_boilerplate_found_in_the_record()
    {
        var gold = Gold() with { BoilerplateLines = ["首页"] };

        Score(Article("正文内容") with { Title = "标题" }, gold, "首页\n标题\n正文内容").ContentKept.Should().Be(1);
        Score(Article("正文") with { Title = "标题" }, gold, "首页\n标题\n正文内容").ContentKept.Should().BeApproximately(4 / 6.0, 1e-9);
    }
}
