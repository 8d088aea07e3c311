using Extract.Metadata;
using Extract.Page;
using Extract.Resources;
using Extract.Text;

namespace Extract.Tests.Metadata;

/// <summary>One test per class of header and trailer form the metadata grammar reads; names and outlets are invented.</summary>
public sealed class MetadataGrammarTests
{
    private static MetadataLine? Parse(string line) => MetadataLines.TryParse(line, Surnames.Default);

    private static CleanText Run(string text) =>
        new TextStage(Surnames.Default).Process(PageContent.FromPlainText(text), CancellationToken.None);

    [Theory]
    [InlineData("来源：某某日报 发布时间：2021-10-22 09:30 阅读次数：1421 选择字号：T|T")]
    [InlineData("来源：某某日报　发布时间：2021-10-22 09:30　点击量：1421")]
    [InlineData("【来源：某某日报】【发布时间：2021-10-22 09:30】")]
    [InlineData("来源：某某日报 | 发布时间：2021-10-22 09:30 | 浏览：87")]
    [InlineData("点击量：1421发布时间：2021-10-22 09:30来源：某某日报")]
    public void Splits_fields_whatever_the_separators(string line)
    {
        var meta = Parse(line);
        meta.Should().NotBeNull();
        meta!.Outlet.Should().Be("某某日报");
        meta.PublishedAt.Should().Be("2021-10-22T09:30");
    }

    [Fact]
    public void A_date_after_an_empty_key_is_the_lines_date()
    {
        var meta = Parse("来源: 2020-02-24 15:18");
        meta.Should().NotBeNull();
        meta!.PublishedAt.Should().Be("2020-02-24T15:18");
        meta.Outlet.Should().BeNull();
    }

    [Theory]
    [InlineData("2021年10月22日 星期五")]
    [InlineData("2021年10月22日 星期五 10:30")]
    [InlineData("某某日报 2021年10月22日 第03版")]
    public void Reads_a_dateline_with_weekday_time_or_masthead(string line)
    {
        Parse(line)!.PublishedAt.Should().StartWith("2021-10-22");
    }

    [Theory]
    [InlineData("某某日报记者 王建国", "王建国")]
    [InlineData("某某日报·客户端记者 王建国 李晓梅", "王建国 李晓梅")]
    [InlineData("某某网某某频道 记者 王建国", "王建国")]
    [InlineData("本报通讯员 王建国 本报记者 李晓梅", "王建国 李晓梅")]
    [InlineData("融媒体记者 王建国 通讯员 李晓梅", "王建国 李晓梅")]
    [InlineData("特约记者 王建国 实习生 李晓梅", "王建国 李晓梅")]
    [InlineData("□ 本报记者 王建国", "王建国")]
    [InlineData("文/图 王建国", "王建国")]
    [InlineData("文：王建国 图：李晓梅", "王建国 李晓梅")]
    [InlineData("（记者 王建国 通讯员 李晓梅）", "王建国 李晓梅")]
    public void Reads_bylines_led_by_outlets_roles_markers_and_brackets(string line, string names)
    {
        var meta = Parse(line);
        meta.Should().NotBeNull();
        meta!.Authors.Should().Equal(names.Split(' '));
    }

    [Fact]
    public void Credits_split_into_authors_and_editors()
    {
        var meta = Parse("撰稿：王建国 摄影：李晓梅 编审：刘洋");
        meta!.Authors.Should().Equal("王建国", "李晓梅");
        meta.Editors.Should().Equal("刘洋");
    }

    [Theory]
    [InlineData("发布人：管理员")]
    [InlineData("作者：组织部")]
    [InlineData("来源：本站原创 作者：本站")]
    public void Accounts_units_and_the_site_are_not_people(string line)
    {
        var meta = Parse(line);
        meta.Should().NotBeNull("the line is wholly metadata and leaves the body");
        meta!.Authors.Should().BeEmpty();
        meta.Editors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("记者从市教育局了解到，今年全市新增学位三千个。")]
    [InlineData("来源于群众的好点子，正在变成好政策。")]
    [InlineData("时间就是生命，效率就是金钱。")]
    [InlineData("2021年10月22日上午，全市安全生产工作会议召开。")]
    public void A_sentence_that_starts_with_a_key_word_is_content(string line)
    {
        Parse(line).Should().BeNull();
    }

    [Theory]
    [InlineData("本报讯（记者 王建国 通讯员 李晓梅）10月22日，全市秋收工作会议召开。")]
    [InlineData("某某日报讯（记者 王建国、通讯员 李晓梅）10月22日，全市秋收工作会议召开。")]
    [InlineData("据新华社北京10月22日电（记者 王建国 李晓梅）10月22日，全市秋收工作会议召开。")]
    [InlineData("本站讯 （职工通讯员 王建国 李晓梅）10月22日，全市秋收工作会议召开。")]
    [InlineData("某某报讯 （王建国 李晓梅）10月22日，全市秋收工作会议召开。")]
    public void Opening_bylines_give_authors_and_leave_the_sentence(string paragraph)
    {
        var clean = Run("标题在这里\n" + paragraph + "\n第二段内容很长很长很长很长。");
        clean.Authors.Should().Equal("王建国", "李晓梅");
        clean.Body.Should().Contain("全市秋收工作会议召开。");
        clean.Body.Should().NotContain("王建国");
    }

    [Fact]
    public void A_trailing_bracketed_byline_leaves_the_paragraph_and_keeps_its_text()
    {
        var clean = Run("标题在这里\n全市秋收工作会议召开，会议部署了下一阶段工作。（记者 王建国 通讯员 李晓梅）");
        clean.Authors.Should().Equal("王建国", "李晓梅");
        clean.Body.Should().Be("全市秋收工作会议召开，会议部署了下一阶段工作。");
    }

    [Fact]
    public void Content_is_never_removed_for_holding_a_name()
    {
        var clean = Run("标题在这里\n获奖者王建国说，这份荣誉属于团队。\n记者 李晓梅");
        clean.Body.Should().Be("获奖者王建国说，这份荣誉属于团队。");
        clean.Authors.Should().Equal("李晓梅");
    }

    [Fact]
    public void The_title_skips_column_names_mastheads_and_widget_rows()
    {
        var clean = Run("某某日报 数字报纸\n工作动态\n收藏 打印 增大字体\n全市秋收工作会议召开\n全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。");
        clean.Title.Should().Be("全市秋收工作会议召开");
    }

    [Theory]
    [InlineData("首页 | 要闻 | 财经 | 体育")]
    [InlineData("最新动态 工作要闻 通知公告 政策法规")]
    [InlineData("[加入书签] [关闭窗口]")]
    [InlineData("某某商业报道 http://news.example.com 查看更多")]
    public void The_title_skips_navigation_rows_buttons_and_banners(string row)
    {
        var clean = Run("全市秋收工作会议召开\n" + row + "\n" + "全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。\n会议要求各地抓好落实。");
        clean.Title.Should().Be("全市秋收工作会议召开");
    }

    [Fact]
    public void The_title_drops_a_dateline_prefix()
    {
        var clean = Run("新华社北京1月16日电 题：全市秋收工作会议召开\n全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。");
        clean.Title.Should().Be("全市秋收工作会议召开");
    }

    [Fact]
    public void A_headline_over_two_short_lines_is_one_title()
    {
        var clean = Run("全市秋收工作会议召开\n部署下一阶段工作任务\n全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。");
        clean.Title.Should().Be("全市秋收工作会议召开部署下一阶段工作任务");
    }

    [Fact]
    public void The_publish_date_anchors_the_year_of_body_dates()
    {
        var article = ArticleExtractor.Default.Extract(ArticleSource.FromText("d", "全市秋收工作会议召开\n发布时间：2021-10-25 09:30\n10月22日，全市秋收工作会议召开，会议部署了下一阶段的工作任务。")).Article!;
        article.PublishedAt.Should().Be("2021-10-25T09:30");
        article.Dates.Should().Contain(d => d.Value == "2021-10-22");
    }

    [Fact]
    public void Every_lexicon_key_is_a_key_of_the_pattern()
    {
        foreach (var key in MetadataKeys.Lexicon.Keys)
        {
            var match = MetadataKeys.KeyRegex().Match(key + "：");
            match.Success.Should().BeTrue(key);
            match.Groups["key"].Value.Should().Be(key);
        }
    }

    [Theory]
    [InlineData("王建国", true)]
    [InlineData("简介", false)]
    [InlineData("组织部", false)]
    [InlineData("全市秋收工作会议召开", false)]
    public void A_lone_name_line_is_a_byline_only_when_it_is_a_name(string line, bool isName)
    {
        (Bylines.LoneName(line, Surnames.Default) is not null).Should().Be(isName);
    }

    [Fact]
    public void Meta_tag_authors_keep_only_people()
    {
        Bylines.IsPerson("网易", Surnames.Default).Should().BeFalse();
        Bylines.IsPerson("组织部", Surnames.Default).Should().BeFalse();
        Bylines.IsPerson("王建国", Surnames.Default).Should().BeTrue();
        Bylines.CleanOutlet("某某经济报道(广州)").Should().Be("某某经济报道");
    }

    [Theory]
    [InlineData("转载文章")]
    [InlineData("来源：网络")]
    [InlineData("本站原创")]
    [InlineData("互联网")]
    public void A_placeholder_source_names_no_outlet(string value) => Bylines.CleanOutlet(value).Should().BeNull();

    [Fact]
    public void A_placeholder_in_the_header_leaves_the_outlet_to_the_trailer()
    {
        var result = ArticleExtractor.Default.Extract(ArticleSource.FromHtml("p", """
            <html><head><title>社区志愿者服务老人</title></head><body>
            <h1>社区志愿者服务老人</h1><div>2005-04-05 06:40 来源：转载文章</div>
            <div><p>社区志愿者开展上门服务活动，为辖区老人理发、打扫卫生，受到居民欢迎。</p>
            <p>活动持续一周，志愿者服务老人120人次，居民纷纷点赞。</p>
            <p>来源：某某晨报</p></div></body></html>
            """));

        result.Article!.Outlet.Should().Be("某某晨报");
    }
}

public sealed class TextHeadlineFormTests
{
    [Fact]
    public void A_line_ending_in_a_colon_above_the_body_is_a_section_heading_and_the_walk_passes_it()
    {
        string[] lines =
        [
            "首页 新闻 通知",
            "某某学院2004年招生简章",
            "一、培养目标：",
            "培养德智体美全面发展的人才，在本学科上掌握坚实宽广的基础理论和系统深入的专门知识。",
            "二、报考条件：",
        ];

        Extract.Metadata.TextHeadline.AboveBody(lines)?.Title.Should().Be("某某学院2004年招生简章");
    }

    private static string? Headline(params string[] lines) => Extract.Metadata.TextHeadline.Find(lines, _ => false)?.Title;

    [Fact]
    public void A_numbered_section_heading_above_the_body_is_passed_for_the_headline_above_it()
    {
        Headline(
            "某某论坛",
            "论城市交通的治理",
            "张某某",
            "——对三个城市的比较研究",
            "一、问题的提出",
            "城市交通的拥堵是近年来各地普遍面临的难题。本文试图从治理的角度给出解释。",
            "近年来，多个城市出台了限行政策。效果如何，各方看法不一。").Should().Be("论城市交通的治理");
    }

    [Fact]
    public void The_headline_above_the_first_timed_dateline_wins_when_widgets_and_links_stand_between_it_and_the_body()
    {
        Headline(
            "首页 | 新闻 | 体育 | 财经",
            "某市启动老旧小区改造三年行动计划",
            "2021-05-06 10:21 来源：某某晚报 发表评论",
            "今日推荐",
            "相关新闻",
            "某地举行春季运动会 千人参加",
            "某县新建公园对外开放",
            "记者从某市住建局获悉，该市今年将启动老旧小区改造三年行动计划。计划涉及小区二百余个。",
            "据介绍，改造内容包括外墙保温、管网更新和加装电梯等。").Should().Be("某市启动老旧小区改造三年行动计划");
    }

    [Fact]
    public void Short_widget_lines_under_a_longer_headline_are_passed()
    {
        Headline(
            "频道 > 国内 > 正文",
            "某省今年新增高标准农田五百万亩",
            "某某客户端",
            "立即下载",
            "抢先看",
            "2022年03月01日 08:00",
            "记者从某省农业农村厅获悉，今年该省将新增高标准农田五百万亩。这一目标已分解到各市。",
            "据悉，新建农田将重点布局在粮食主产区。").Should().Be("某省今年新增高标准农田五百万亩");
    }

    [Fact]
    public void An_account_row_led_by_the_original_mark_is_not_the_headline()
    {
        Headline(
            "某市启动老旧小区改造三年行动计划",
            "原创 某作者 某某公众号",
            "前天",
            "记者从某市住建局获悉，该市今年将启动老旧小区改造三年行动计划。计划涉及小区二百余个。",
            "据介绍，改造内容包括外墙保温、管网更新和加装电梯等。").Should().Be("某市启动老旧小区改造三年行动计划");
    }

    [Fact]
    public void A_headline_broken_over_three_lines_above_the_body_is_one_title()
    {
        Headline(
            "字号：默认 大 超大 | 打印 |",
            "某某省人民代表大会常务委员会",
            "关于批准某某市城市总体规划",
            "修改方案的决议",
            "（2020年6月29日某某省人民代表大会常务委员会第二十次会议通过）",
            "某某省人民代表大会常务委员会第二十次会议审议了省人民政府提请批准的修改方案。会议决定批准该方案。",
            "会议要求，认真组织实施。").Should().Be("某某省人民代表大会常务委员会关于批准某某市城市总体规划修改方案的决议");
    }
}

public sealed class BylineFormTests
{
    private static MetadataLine? Parse(string line) => MetadataLines.TryParse(line, Surnames.Default);

    private static CleanText Run(string text) =>
        new TextStage(Surnames.Default).Process(PageContent.FromPlainText(text), CancellationToken.None);

    [Fact]
    public void A_post_stamp_names_its_poster_as_the_author_whether_a_name_or_a_handle()
    {
        Parse("abcd123 发表于 2005-9-15 11:46:00")!.Authors.Should().Equal("abcd123");
        Parse("张明华 发表于 2019-03-02 08:15")!.Authors.Should().Equal("张明华");
    }

    [Fact]
    public void A_time_glued_to_its_date_by_a_text_dump_is_still_the_dateline_time()
    {
        var line = Parse("2019-09-0712:30 来源：某某日报")!;
        line.PublishedAt.Should().Be("2019-09-07T12:30");
        line.Outlet.Should().Be("某某日报");
    }

    [Fact]
    public void Counters_an_author_value_runs_into_are_not_names()
    {
        Parse("作者:abcdef 阅读(1660) 评论(5) 发表于:2005-07-31 12:30")!.Authors.Should().Equal("abcdef");
    }

    [Fact]
    public void Where_a_reporter_files_from_is_not_part_of_the_name()
    {
        Parse("本报记者 王明华发自北京")!.Authors.Should().Equal("王明华");
    }

    [Fact]
    public void A_name_alone_under_a_text_headline_is_its_byline_and_leaves_the_body()
    {
        const string text = "论城市交通的治理\n张明华\n城市交通的拥堵是近年来各地普遍面临的难题。本文试图从治理的角度给出解释。\n近年来，多个城市出台了限行政策。效果如何，各方看法不一。";
        var article = ArticleExtractor.Default.Extract(ArticleSource.FromText("t", text)).Article!;
        article.Title.Should().Be("论城市交通的治理");
        article.Authors.Should().Equal("张明华");
        article.Body.Should().NotContain("张明华");
    }

    [Fact]
    public void A_vertical_bar_of_any_width_separates_a_key_from_its_names()
    {
        Parse("作者︱张晓明")!.Authors.Should().Equal("张晓明");
    }

    [Fact]
    public void A_value_that_trails_off_is_a_notice_not_a_byline()
    {
        Parse("图片正在上传，请稍后...").Should().BeNull();
    }

    [Fact]
    public void A_photo_credit_role_after_the_name_is_dropped()
    {
        Bylines.Names("记者 张晓明 翻摄", Surnames.Default, out _, keyed: true).Should().Equal("张晓明");
    }

    [Theory]
    [InlineData("记者张晓明实习生刘丽", "张晓明", "刘丽")]
    [InlineData("本报记者王平通讯员赵小红", "王平", "赵小红")]
    [InlineData("记者李明 实习生刘丽", "李明", "刘丽")]
    public void Roles_written_together_without_separators_each_give_their_name(string line, string first, string second)
    {
        Parse(line)!.Authors.Should().Equal(first, second);
    }

    [Fact]
    public void An_outlet_before_the_role_is_not_cut_off_as_a_name()
    {
        var line = Parse("光明日报记者张晓明")!;

        line.Authors.Should().Equal("张晓明");
    }

    [Fact]
    public void A_name_s_original_spelling_in_brackets_is_the_same_person()
    {
        Parse("作者： 周晓明 (John Smith)")!.Authors.Should().Equal("周晓明");
    }

    [Fact]
    public void The_key_of_a_drafting_group_names_every_member()
    {
        Parse("执笔人：王建国 李晓梅 刘洋")!.Authors.Should().Equal("王建国", "李晓梅", "刘洋");
    }

    [Fact]
    public void Where_the_reporter_filed_from_closes_a_trailing_credit()
    {
        var clean = Run("标题在这里\n全市秋收工作会议召开，会议部署了下一阶段工作。（王建国 上海报道）");
        clean.Authors.Should().Equal("王建国");
        clean.Body.Should().Be("全市秋收工作会议召开，会议部署了下一阶段工作。");
    }

    [Theory]
    [InlineData("王建国、李晓梅")]
    [InlineData("王建国 李晓梅")]
    public void Names_alone_under_a_text_s_headline_are_its_byline(string names)
    {
        var clean = Run("全市秋收工作会议召开\n" + names + "\n全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。\n第二段内容很长很长很长很长。");
        clean.Title.Should().Be("全市秋收工作会议召开");
        clean.Authors.Should().Equal("王建国", "李晓梅");
        clean.Body.Should().NotContain("李晓梅");
    }

    [Fact]
    public void A_person_beside_the_header_s_timed_date_is_the_author()
    {
        var clean = Run("全市秋收工作会议召开\n王建国 2015-06-21 11:39:55 0人参与评论\n全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。\n第二段内容很长很长很长很长。");
        clean.Authors.Should().Equal("王建国");
        clean.PublishedAt.Should().StartWith("2015-06-21T11:39");
    }

    [Fact]
    public void A_stamp_further_down_or_an_account_s_is_no_author()
    {
        var below = Run("全市秋收工作会议召开\n来源：某某日报 2015-06-21 11:39\n全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。\n相关阅读\n李晓梅 2015-06-20 10:12");
        below.Authors.Should().BeEmpty();

        var account = Run("全市秋收工作会议召开\n华夏人文 2015-06-21 11:39:55\n全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。\n第二段内容很长很长很长很长。");
        account.Authors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("某某监委网站 王建国", "王建国")]
    [InlineData("某某日报　王建国 李晓梅", "王建国 李晓梅")]
    public void An_outlet_and_names_without_a_role_word_are_a_byline(string line, string names)
    {
        var meta = Parse(line)!;
        meta.Authors.Should().Equal(names.Split(' '));
        meta.Masthead.Should().Be(line.Split(' ', '　')[0]);
    }

    [Theory]
    [InlineData("某某市 王建国说")]
    [InlineData("组织部 召开 会议")]
    public void A_unit_and_words_are_not_a_byline(string line)
    {
        Parse(line).Should().BeNull();
    }

    [Fact]
    public void A_masthead_and_role_as_a_token_of_its_own_is_no_name()
    {
        Parse("作者：某某周刊记者 王建国")!.Authors.Should().Equal("王建国");
    }

    [Fact]
    public void An_icon_glyph_beside_a_field_is_layout()
    {
        var meta = Parse("2004年7月16日08:19 [ 王建国 ]\uE602 来源：[ 某某日报 ]")!;
        meta.Authors.Should().Equal("王建国");
        meta.Outlet.Should().Be("某某日报");
    }

    [Fact]
    public void An_outlet_led_byline_under_share_widgets_does_not_move_the_headline()
    {
        var clean = Run("首页 > 要闻\n全市秋收工作会议今天召开\n来源：某某网站 发布时间： 2023-06-10 07:00\n分享\n微信里点“发现”，扫一下\n二维码便可将本文分享至朋友圈。\n某某网站 王建国 李晓梅\n"
            + "全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。\n会议要求各地抓好落实，确保颗粒归仓，做好秋收秋种各项工作。");
        clean.Title.Should().Be("全市秋收工作会议今天召开");
        clean.Authors.Should().Equal("王建国", "李晓梅");
    }

    [Fact]
    public void A_masthead_s_byline_under_a_deck_does_not_make_the_deck_the_headline()
    {
        var clean = Run("首页 > 生活 > 正文\n全市秋收工作会议召开 颗粒归仓有保障\n2009年07月16日 01:23 某某时报\n颗粒归仓有保障，专家提醒秋收秋种要抓紧\n□某某时报记者 王建国\n"
            + "全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。\n会议要求各地抓好落实，确保颗粒归仓，做好秋收秋种各项工作。");
        clean.Title.Should().Be("全市秋收工作会议召开 颗粒归仓有保障");
        clean.Authors.Should().Equal("王建国");
    }
}
