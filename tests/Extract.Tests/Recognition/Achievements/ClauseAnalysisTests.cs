using System.Collections.Immutable;
using Extract.Calendar;
using Extract.Recognition;
using Extract.Recognition.Achievements;
using Extract.Recognition.Numbers;
using Extract.Segmentation;
using Extract.Tokens;

namespace Extract.Tests.Recognition.Achievements;

/// <summary>Actor and action from the clause (ActorResolver, ActionResolver) on segmenter-tagged text.</summary>
public sealed class ClauseAnalysisTests
{
    private static ImmutableArray<Achievement> Run(string body, params (string Name, bool IsPlace)[] bodies) => Run(body, [], bodies);

    private static ImmutableArray<Achievement> Run(string body, string[] people, params (string Name, bool IsPlace)[] bodies)
    {
        var tokens = PosSegmenter.Default.Tokenize(body).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End)).ToImmutableArray();
        var document = new DocumentText(body, [new TextSpan(0, body.Length)], tokens, new ReferenceDates(null, null, null, null));
        var quantities = new QuantityRecognizer().Recognize(document, Mentions.Empty, CancellationToken.None).Quantities;
        var found = Mentions.Empty with
        {
            Quantities = quantities,
            Organizations = [.. bodies.Where(b => !b.IsPlace).SelectMany(b => Spans(body, b.Name)).Select(s => new OrganizationMention(s, body[s.Start..s.End], OrganizationKind.Other))],
            Places = [.. bodies.Where(b => b.IsPlace).SelectMany(b => Spans(body, b.Name)).Select(s => new PlaceMention(s, body[s.Start..s.End], PlaceLevel.Township, null, []))],
            People = [.. people.SelectMany(p => Spans(body, p)).Select(s => new PersonMention(s, body[s.Start..s.End], [], null))],
        };
        return new AchievementRecognizer().Recognize(document, found, CancellationToken.None).Achievements;
    }

    private static IEnumerable<TextSpan> Spans(string body, string name)
    {
        for (var i = body.IndexOf(name, StringComparison.Ordinal); i >= 0; i = body.IndexOf(name, i + name.Length, StringComparison.Ordinal))
        {
            yield return new TextSpan(i, i + name.Length);
        }
    }

    [Fact]
    public void The_subject_carries_over_from_an_earlier_clause_of_the_sentence()
    {
        var achievement = Run("当晚，青禾社区党委召开紧急会议，成立临时党支部，下设4个党小组。", ("青禾社区党委", false)).Single();
        achievement.Actor.Should().Be("青禾社区党委");
        achievement.Action.Should().Be("下设");
    }

    [Fact]
    public void A_place_acting_as_a_body_heads_its_clause_and_a_helper_verb_gives_the_inner_verb_phrase()
    {
        var achievement = Run("柳林镇组织200余名志愿者清理河道。", ("柳林镇", true)).Single();
        achievement.Actor.Should().Be("柳林镇");
        achievement.Action.Should().Be("清理河道");
    }

    [Fact]
    public void A_back_reference_resolves_to_the_named_body_and_a_speaker_is_not_the_subject()
    {
        var achievements = Run("青禾社区党委成立于2010年。社区党委书记介绍，社区党委共招募志愿者85名。", ("青禾社区党委", false));
        var achievement = achievements.Single(a => a.Unit == "名");
        achievement.Actor.Should().Be("青禾社区党委");
        achievement.Action.Should().Be("招募志愿者");
    }

    [Fact]
    public void A_prepositional_phrase_before_the_verb_is_dropped()
    {
        var achievement = Run("东湖村为困难群众送菜送药300余次。", ("东湖村", true)).Single();
        achievement.Actor.Should().Be("东湖村");
        achievement.Action.Should().Be("送菜送药");
    }

    [Fact]
    public void No_named_body_in_scope_gives_a_null_actor()
    {
        var achievement = Run("志愿者们配送生活物资300份。").Single();
        achievement.Actor.Should().BeNull();
        achievement.Action.Should().Be("配送生活物资");
    }

    [Fact]
    public void A_volunteer_team_counts_for_the_listed_organisation_its_name_opens_with()
    {
        var achievement = Run("青禾社区党支部志愿服务队为居民配送生活物资300份。", ("青禾社区党支部", false), ("青禾社区党支部志愿服务队", false)).Single();
        achievement.Actor.Should().Be("青禾社区党支部");
    }

    [Fact]
    public void A_resident_work_team_keeps_its_own_name()
    {
        var achievement = Run("市水利局驻东湖村工作队为村民修建水渠3条。", ("市水利局", false), ("市水利局驻东湖村工作队", false)).Single();
        achievement.Actor.Should().Be("市水利局驻东湖村工作队");
    }

    [Fact]
    public void A_volunteer_team_without_its_parent_in_the_record_keeps_its_name()
    {
        var achievement = Run("蓝天志愿服务队为居民配送生活物资300份。", ("蓝天志愿服务队", false)).Single();
        achievement.Actor.Should().Be("蓝天志愿服务队");
    }

    [Fact]
    public void A_verbal_noun_with_its_object_governs_the_number_when_no_verb_does()
    {
        var achievement = Run("柳林镇共检查营运车辆210辆。", ("柳林镇", true)).Single();
        achievement.Action.Should().Be("检查营运车辆");
    }

    [Fact]
    public void People_said_to_come_from_somewhere_take_the_verb_phrase_after_them()
    {
        var achievement = Run("柳林镇举办技能大赛，来自各村的60名妇女参加比赛。", ("柳林镇", true)).Single();
        achievement.Action.Should().Be("参加比赛");
    }

    [Fact]
    public void A_partner_joined_with_lianhe_is_skipped_for_the_verb_after_it()
    {
        var achievement = Run("柳林镇联合县妇联举办招聘会5场。", ("柳林镇", true), ("县妇联", false)).Single();
        achievement.Action.Should().Be("举办招聘会");
    }

    [Fact]
    public void An_enumeration_the_number_sums_up_leaves_the_verb_alone_but_a_light_verb_keeps_the_activities()
    {
        Run("柳林镇党委下设宣传、保障、后勤等3个小组。", ("柳林镇党委", false)).Single().Action.Should().Be("下设");
        Run("柳林镇党委开展义诊、宣讲、慰问等活动12场。", ("柳林镇党委", false)).Single().Action.Should().Be("义诊、宣讲、慰问等活动");
    }

    [Fact]
    public void A_verb_the_dictionary_tags_as_a_noun_is_read_as_a_verb()
    {
        // 办理/n in Jieba's dictionary; a verb in 63 of 64 newswire tokens (models/lexicons/verb-readings.tsv).
        Run("柳林镇党委为群众办理业务300余件。", ("柳林镇党委", false)).Single().Action.Should().Be("办理业务");
    }

    [Fact]
    public void A_list_item_without_a_verb_takes_the_verb_of_the_list_and_one_without_an_object_the_verb_and_object()
    {
        Run("柳林镇发放口罩2000个、宣传册500份。", ("柳林镇", true)).Select(a => a.Action).Should().Equal("发放口罩", "发放");
        Run("柳林镇组建抢险突击队5支、120余人。", ("柳林镇", true)).Select(a => a.Action).Should().Equal("组建抢险突击队", "组建抢险突击队");
    }

    [Fact]
    public void The_first_verbal_noun_of_a_nominal_run_governs_it()
    {
        Run("柳林镇检查食品生产经营单位40家。", ("柳林镇", true)).Single().Action.Should().Be("检查食品生产经营单位");
    }

    [Fact]
    public void A_verb_modifying_the_counted_people_is_skipped_for_the_predicate_unless_the_measure_counts_events()
    {
        Run("东湖村8名在职党员组建服务队。", ("东湖村", true)).Single().Action.Should().Be("组建服务队");
        Run("柳林镇工作组先后5次到工地督办整改。", ("柳林镇", true)).Single().Action.Should().Be("到工地督办整改");
    }

    [Fact]
    public void An_adverb_of_the_predicate_puts_a_verb_before_it_in_the_subject()
    {
        Run("柳林镇抗旱送水已累计服务群众800人次。", ("柳林镇", true)).Single().Action.Should().Be("服务群众");
    }

    [Fact]
    public void A_word_inside_a_recognised_name_governs_nothing()
    {
        Run("柳林编织合作社培训妇女300人次。", ("柳林编织合作社", false)).Single().Action.Should().Be("培训妇女");
    }

    [Fact]
    public void An_enumeration_without_deng_leaves_the_verb_alone_when_the_counted_noun_follows_the_number()
    {
        Run("柳林镇党委下设宣传、保障、后勤3个小组。", ("柳林镇党委", false)).Single().Action.Should().Be("下设");
        Run("柳林镇更换水管、阀门300余个。", ("柳林镇", true)).Single().Action.Should().Be("更换水管、阀门");
    }

    [Fact]
    public void Members_counted_inside_you_zucheng_take_the_verb_after_them()
    {
        Run("柳林镇组建了由30名党员组成的抢险突击队。", ("柳林镇", true)).Single().Action.Should().Be("组成");
    }

    [Fact]
    public void The_actor_of_each_quantity_does_not_depend_on_which_quantities_were_asked_before()
    {
        // One paragraph naming the topic, then long sentences whose clauses open with unnamed agents or not: the resolver
        // keeps its scan of a sentence's clauses between quantities, and must answer as a fresh one does, in any order.
        const string body = "青禾社区党委开展志愿服务活动。\n"
            + "走访群众20户，志愿者们发放物资300份，清理垃圾20吨，慰问老人15人次，工作人员修缮房屋3间，栽种树苗40棵。\n"
            + "当天，发放物资200份，清理垃圾10吨，党员们慰问老人8人次；随后义诊群众60人次。";
        var tokens = PosSegmenter.Default.Tokenize(body).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End)).ToImmutableArray();
        var paragraphs = body.Split('\n').Aggregate(new List<TextSpan>(), (list, line) =>
        {
            var start = list.Count == 0 ? 0 : list[^1].End + 1;
            list.Add(new TextSpan(start, start + line.Length));
            return list;
        });
        var document = new DocumentText(body, [.. paragraphs], tokens, new ReferenceDates(null, null, null, null));
        var quantities = new QuantityRecognizer().Recognize(document, Mentions.Empty, CancellationToken.None).Quantities.Select(q => q.Span).ToList();
        var found = Mentions.Empty with
        {
            Organizations = [.. Spans(body, "青禾社区党委").Select(s => new OrganizationMention(s, "青禾社区党委", OrganizationKind.Other))],
        };
        var alone = quantities.Select(q => new ActorResolver(document, found).Actor(q)).ToList();
        var inOrder = new ActorResolver(document, found);
        var reversed = new ActorResolver(document, found);

        quantities.Should().HaveCountGreaterThan(8);
        alone.Should().Contain((string?)null).And.Contain("青禾社区党委");
        quantities.Select(inOrder.Actor).Should().Equal(alone);
        quantities.AsEnumerable().Reverse().Select(reversed.Actor).Reverse().Should().Equal(alone);
    }

    [Fact]
    public void Every_clause_of_one_endless_sentence_credits_the_body_at_its_head()
    {
        // Resolving the subject walks back over the sentence's clauses; the walk is remembered, so the 300th clause costs
        // what the first does, and each still finds its own head.
        var achievements = Run(string.Concat(Enumerable.Repeat("青禾社区党委服务群众5人次，", 300)), ("青禾社区党委", false));

        achievements.Should().HaveCount(300).And.OnlyContain(a => a.Actor == "青禾社区党委" && a.Action == "服务群众");
    }

    [Fact]
    public void A_pronoun_far_into_a_paragraph_stands_for_the_latest_earlier_subject()
    {
        var body = string.Concat(Enumerable.Repeat("青禾社区党委组织党员服务群众5人次。他们清理垃圾30袋。", 150)) + "城南街道党工委清理垃圾2袋。他们清理垃圾4袋。";
        var achievements = Run(body, ("青禾社区党委", false), ("城南街道党工委", false));

        achievements.Should().HaveCount(302);
        achievements.Take(300).Should().OnlyContain(a => a.Actor == "青禾社区党委");
        achievements.Skip(300).Select(a => a.Actor).Should().Equal("城南街道党工委", "城南街道党工委");
    }

    [Fact]
    public void A_number_in_a_prepositions_object_takes_the_verb_after_the_phrase()
    {
        Run("服务队为15名孤寡老人送去棉被。").Single().Action.Should().Be("送去棉被");
        var picked = Run("区委组织部从60个单位的党员中选派300名志愿者。", ("区委组织部", false));
        picked.Select(a => a.Action).Should().Equal("选派", "选派");
    }

    [Fact]
    public void A_verb_of_manner_leads_to_the_verb_after_it()
    {
        Run("队员们冒着大雨抢修线路12处。").Single().Action.Should().Be("抢修线路");
    }

    [Fact]
    public void A_named_body_before_the_number_leaves_the_verb_alone()
    {
        Run("县卫健局派出县人民医院20名医生。", ("县卫健局", false), ("县人民医院", false)).Single().Action.Should().Be("派出");
    }

    [Fact]
    public void A_number_opening_its_clause_takes_the_verb_alone_when_its_object_holds_the_next_number()
    {
        Run("10名志愿者结对帮扶城关小学的8个班级。").First(a => a.Unit == "名").Action.Should().Be("结对帮扶");
    }

    [Fact]
    public void A_duration_between_the_people_counted_and_their_verb_is_passed_over()
    {
        Run("20名党员24小时值守卡点。").First(a => a.Unit == "名").Action.Should().Be("值守卡点");
    }

    [Fact]
    public void A_body_naming_a_persons_chain_of_posts_gives_the_person_but_a_first_secretarys_title_does_not()
    {
        var led = Run("市水利局办公室主任、市直单位驻东湖小区临时党支部书记李明带领党员配送物资300份。", ["李明"], ("市水利局办公室", false), ("东湖小区临时党支部", false)).Single();
        led.Actor.Should().Be("李明");
        var dispatched = Run("市水利局驻东湖村第一书记李明为村民修建水渠3条。", ["李明"], ("市水利局", false)).Single();
        dispatched.Actor.Should().Be("市水利局");
    }

    [Fact]
    public void Income_output_and_forecasts_measure_no_action()
    {
        Run("合作社今年预计产量可达500吨。").Single().Action.Should().BeNull();
    }

    [Fact]
    public void A_parenthesis_before_the_verb_governs_nothing()
    {
        Run("东湖建设集团（简称“东湖建设”）调来挖掘机6台。", ("东湖建设集团", false)).Single().Action.Should().Be("调来挖掘机");
    }

    [Fact]
    public void A_value_of_goods_takes_the_giving_verb_of_the_clause_before_it()
    {
        Run("东湖建设集团为村民送去棉被、大米等物资，折合资金5万元。", ("东湖建设集团", false)).Single().Action.Should().StartWith("送去");
    }
}
