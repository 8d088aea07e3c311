using Extract.Page;
using Extract.Resources;
using Extract.Text;

namespace Extract.Tests.Text;

public sealed class TextStageTests
{
    private static CleanText Run(string text) =>
        new TextStage(Surnames.Default).Process(PageContent.FromPlainText(text), CancellationToken.None);

    [Fact]
    public void Drops_navigation_link_lists_and_return_links_and_records_them()
    {
        var clean = Run("当前位置:\n标题在这里\n正文第一段,内容很长很长。\n相关链接\n    频道精选\n  • 重要新闻\n  • 县市区\n阅读下一篇\n返回红网首页 返回永州站首页");
        clean.Body.Should().Be("正文第一段,内容很长很长。");
        clean.Removed.Should().Equal("当前位置:", "相关链接", "    频道精选", "  • 重要新闻", "  • 县市区", "阅读下一篇", "返回红网首页 返回永州站首页");
    }

    [Theory]
    [InlineData("上一篇:某某文章.. | 下一篇:另一篇.. |")]
    [InlineData("版权所有 © 2022 某某网 All Rights Reserved")]
    [InlineData("浏览次数:1234")]
    [InlineData("【打印】【关闭】")]
    [InlineData("微信图片_20220412093012.jpg")]
    [InlineData("×")]
    [InlineData("扫一扫在手机打开当前页")]
    [InlineData("宝鸡新闻网 > 社会民生 > 正文")]
    [InlineData("首页 / 新闻中心 / 企业新闻")]
    [InlineData("首页 - 新闻中心 - 党建工作")]
    [InlineData("您当前所在位置：首页 > 基层一线")]
    [InlineData("首页 | 公司要闻 | 基层动态 | 党建园地 | 视频新闻")]
    [InlineData("网站首页\u3000集团概况\u3000新闻中心\u3000党建园地\u3000客户服务")]
    [InlineData("返回目录\u3000上一版\u3000下一版")]
    [InlineData("相关链接：国家税务总局河北省税务局")]
    [InlineData("【上一篇】仙游县持续做好封控区群众生活保障")]
    [InlineData("[分享] [打印] [关闭]")]
    [InlineData("分享：微信 | 微博 | 复制链接")]
    [InlineData("【纠错】")]
    [InlineData("阅读：2318")]
    [InlineData("（完）")]
    [InlineData("本文为红网原创稿件，转载请注明来源。")]
    [InlineData("（本文图片由扎囊县委宣传部提供）")]
    [InlineData("分享至好友和朋友圈")]
    [InlineData("1032人参与308评论")]
    [InlineData("37评论 收藏")]
    [InlineData("登录")]
    public void Drops_boilerplate_lines(string line)
    {
        var clean = Run("党员志愿者下沉社区纪实\n正文内容在这里,很长的一段话。\n" + line);
        clean.Body.Should().Be("正文内容在这里,很长的一段话。");
        clean.Removed.Should().Contain(line);
    }

    [Fact]
    public void Turns_source_date_author_and_editor_lines_into_fields()
    {
        var clean = Run("河南驻马店:党员志愿者当先锋\n发表时间:2020-02-11    来源:驻马店文明网\n正文在此,内容很长。\n作者:彭沛 黎俊\n编辑:陈小婷\n责任编辑:庞海良");
        clean.Title.Should().Be("河南驻马店:党员志愿者当先锋");
        clean.PublishedAt.Should().Be("2020-02-11");
        clean.Outlet.Should().Be("驻马店文明网");
        clean.Authors.Should().Equal("彭沛", "黎俊");
        clean.Editors.Should().Equal("陈小婷", "庞海良");
        clean.Body.Should().Be("正文在此,内容很长。");
    }

    [Theory]
    [InlineData("【作者：牛晓怡　　来源：某某集团党委宣传部　　发布日期：2025-01-24】")]
    [InlineData("【发布时间：2025-01-24 09:10】【作者：牛晓怡】【来源：某某集团党委宣传部】")]
    public void Reads_bracketed_metadata_lines(string line)
    {
        var clean = Run("党员志愿者下沉社区纪实\n" + line + "\n正文在此,内容很长。");
        clean.PublishedAt.Should().StartWith("2025-01-24");
        clean.Outlet.Should().Be("某某集团党委宣传部");
        clean.Authors.Should().Equal("牛晓怡");
        clean.Body.Should().Be("正文在此,内容很长。");
    }

    [Theory]
    [InlineData("鑫源能源报\u30002023年10月24日\u3000第03版：基层新闻", "2023-10-24", "2023年10月24日", "鑫源能源报")]
    [InlineData("许昌市公安局魏都分局 | 2024-08-19 | 文/图 尚嘉言", "2024-08-19", "2024-08-19", "许昌市公安局魏都分局")]
    [InlineData("来源：天津日报\u3000\u30002024-02-07 07:20", "2024-02-07T07:20", "2024-02-07 07:20", "天津日报")]
    [InlineData("2023-06-30 11:05\u3000来源：东山煤业党委宣传部", "2023-06-30T11:05", "2023-06-30 11:05", "东山煤业党委宣传部")]
    [InlineData("玉溪市红塔区人民政府网\u3000发布时间：2025年5月21日 16时05分", "2025-05-21T16:05", "2025年5月21日 16时05分", "玉溪市红塔区人民政府网")]
    [InlineData("文章来源：静乐县融媒体中心\u3000\u3000发布时间：2022年09月28日", "2022-09-28", "2022年09月28日", "静乐县融媒体中心")]
    public void Reads_datelines_that_do_not_open_with_a_key(string line, string published, string text, string outlet)
    {
        var clean = Run("党员志愿者下沉社区纪实\n" + line + "\n正文在此,内容很长。");
        clean.PublishedAt.Should().Be(published);
        clean.PublishedText.Should().Be(text, "the record lists the publish date as its line wrote it");
        clean.Outlet.Should().Be(outlet);
        clean.Body.Should().Be("正文在此,内容很长。");
    }

    [Theory]
    [InlineData("（责任编辑：吴晓双）", new string[0], new[] { "吴晓双" })]
    [InlineData("（编辑：殷若兰\u3000审核：宗立平）", new string[0], new[] { "殷若兰", "宗立平" })]
    [InlineData("(通讯员：荀天宇)", new[] { "荀天宇" }, new string[0])]
    [InlineData("（苗晓东\u3000芦佳佳）", new[] { "苗晓东", "芦佳佳" }, new string[0])]
    [InlineData("（大将镇党政办 黄丽萍 罗文军）", new[] { "黄丽萍", "罗文军" }, new string[0])]
    public void Reads_credit_lines_in_round_brackets(string line, string[] authors, string[] editors)
    {
        var clean = Run("党员志愿者下沉社区纪实\n正文在此,内容很长。\n" + line);
        clean.Authors.Should().Equal(authors);
        clean.Editors.Should().Equal(editors);
        clean.Body.Should().Be("正文在此,内容很长。");
    }

    [Theory]
    [InlineData("一、党建引领 > 基层治理")]
    [InlineData("分享经验，共同提高")]
    [InlineData("相关部门要加强协作。")]
    [InlineData("（图为志愿者在社区服务）")]
    [InlineData("（下转第二版）")]
    [InlineData("(Turbo)")]
    public void A_bracketed_line_that_names_no_one_stays_content(string line) =>
        Run("党员志愿者下沉社区纪实\n正文在此,内容很长。\n" + line).Body.Should().EndWith(line);

    [Theory]
    [InlineData("截至2024年5月20日")]
    [InlineData("会议于2024-05-22 10:15召开")]
    [InlineData("5月20日，全区累计为纳税人办理各类退税4.3亿元")]
    public void A_short_line_that_mentions_a_date_stays_content(string line)
    {
        var clean = Run("党员志愿者下沉社区纪实\n正文在此,内容很长。\n" + line);
        clean.PublishedAt.Should().BeNull();
        clean.Body.Should().EndWith(line);
    }

    [Fact]
    public void Reads_reporter_lines_with_several_roles()
    {
        var clean = Run("党员志愿者下沉社区纪实\n正文第一段,内容。\n记者 王勇 通讯员 梁恒 文/摄\n记者 张秀丽");
        clean.Authors.Should().Equal("王勇", "梁恒", "张秀丽");
        clean.Body.Should().Be("正文第一段,内容。");
    }

    [Fact]
    public void Takes_an_inline_byline_out_of_the_paragraph()
    {
        var clean = Run("党员志愿者下沉社区纪实\n本报讯(记者 岳震红)“疫情任务在哪里,党员就战斗在哪里。”4月12日,全体党员发出誓言。");
        clean.Authors.Should().Equal("岳震红");
        clean.Body.Should().StartWith("“疫情任务在哪里");
    }

    [Fact]
    public void Takes_a_trailing_name_credit_as_authors()
    {
        var clean = Run("党员志愿者下沉社区纪实\n坚信,疫情终将过去,繁花定将如常。(梅方义 汪琳) |");
        clean.Authors.Should().Equal("梅方义", "汪琳");
        clean.Body.Should().Be("坚信,疫情终将过去,繁花定将如常。");
    }

    [Fact]
    public void Keeps_bracketed_text_that_is_not_a_name_credit()
    {
        var clean = Run("党员志愿者下沉社区纪实\n会议由市委组织部主持。(图片由受访者提供)\n活动取得圆满成功(新华社)。");
        clean.Authors.Should().BeEmpty();
        clean.Body.Should().Be("会议由市委组织部主持。\n活动取得圆满成功(新华社)。");
        clean.Removed.Should().Contain("(图片由受访者提供)");
    }

    [Fact]
    public void Removes_photo_credits_but_keeps_the_caption()
    {
        var clean = Run("党员志愿者下沉社区纪实\n确山县党员干部战斗在防控一线。图片来源:驻马店文明网\n正文。");
        clean.Body.Should().Be("确山县党员干部战斗在防控一线。\n正文。");
        clean.Removed.Should().Contain("图片来源:驻马店文明网");
    }

    [Fact]
    public void Finds_the_title_in_a_text_without_line_breaks_and_skips_series_labels()
    {
        var paragraph = string.Concat(Enumerable.Repeat("维护核酸检测秩序、积极服务社区居民、参与防疫消杀。", 8));
        var clean = Run($"某集团抗击疫情系列报道之三 某集团:打通志愿服务最后一米 {paragraph} 管理有深度 {paragraph}");
        clean.Title.Should().Be("某集团:打通志愿服务最后一米");
        clean.Body.Split('\n').Should().Equal("某集团抗击疫情系列报道之三", paragraph, "管理有深度", paragraph);
    }

    [Fact]
    public void Paragraph_spans_index_into_the_body()
    {
        var clean = Run("党员志愿者下沉社区纪实\n第一段。\n\n第二段,较长。");
        clean.Paragraphs.Select(p => clean.Body[p.Start..p.End]).Should().Equal("第一段。", "第二段,较长。");
    }

    [Fact]
    public void Content_lines_starting_with_a_key_word_stay_content()
    {
        var clean = Run("党员志愿者下沉社区纪实\n时间紧、任务重,全体党员干部闻令而动,连夜奔赴一线开展工作。");
        clean.Body.Should().Be("时间紧、任务重,全体党员干部闻令而动,连夜奔赴一线开展工作。");
    }

    [Fact]
    public void A_text_dump_finds_its_headline_under_the_navigation_and_drops_what_stands_above_it()
    {
        var clean = Run("登录\n首页\n资讯\n手机客户端\n网站首页 > 财经频道 > 正文\n城南街道开展社区志愿服务活动\n2015-07-02 05:18:09　来源: 某某晚报\n分享到：\n0\n"
            + "7月1日上午，城南街道组织志愿者走进社区，为居民提供义诊、理发和政策咨询等服务，现场气氛热烈，不少居民早早就来排队。\n活动持续了一个上午。");
        clean.Title.Should().Be("城南街道开展社区志愿服务活动");
        clean.PublishedAt.Should().Be("2015-07-02T05:18");
        clean.Outlet.Should().Be("某某晚报");
        clean.Body.Should().StartWith("7月1日上午");
        clean.Removed.Should().Contain(["登录", "资讯", "手机客户端"]);
    }

    [Fact]
    public void A_headline_that_names_its_speaker_is_not_a_key_line()
    {
        var clean = Run("首页\n新闻中心\n张三：培育长期稳定健康发展的资本市场\n2015-07-04 07:55:23\n"
            + "张三在会上指出，要培育长期稳定健康发展的资本市场，保护投资者特别是中小投资者的合法权益。\n会议还研究了其他事项。");
        clean.Title.Should().Be("张三：培育长期稳定健康发展的资本市场");
        clean.PublishedAt.Should().Be("2015-07-04T07:55");
    }

    [Fact]
    public void A_dateline_with_a_handle_and_a_counter_gives_the_date_and_leaves_the_body()
    {
        var clean = Run("频道首页\n刷单刷出的烦恼 平台怎么办？\n观察者 2015-07-02 14:41:12 0人参与评论\n"
            + "叫车平台的补贴大战还在继续，司机刷单的问题也越来越多，平台需要新的规则来管住刷单的司机和工作室。\n第二段内容。");
        clean.Title.Should().Be("刷单刷出的烦恼 平台怎么办？");
        clean.PublishedAt.Should().Be("2015-07-02T14:41");
        clean.Body.Should().NotContain("0人参与评论");
    }

    [Fact]
    public void Header_fields_after_the_headline_outrank_a_date_in_the_navigation()
    {
        var clean = Run("2019年9月23日 星期一\n首页\n城南街道开展社区志愿服务活动\n发布时间：2019-09-20 10:00 来源：某某日报\n"
            + "9月20日上午，城南街道组织志愿者走进社区，为居民提供义诊、理发和政策咨询等服务。\n活动持续了一个上午。");
        clean.Title.Should().Be("城南街道开展社区志愿服务活动");
        clean.PublishedAt.Should().Be("2019-09-20T10:00");
    }
}
