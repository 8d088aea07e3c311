using Extract.Page;

namespace Extract.Tests.Page;

public sealed class PageTitleTests
{
    [Theory]
    [InlineData("城南街道开展社区志愿服务活动_永州新闻网", "城南街道开展社区志愿服务活动")]
    [InlineData("四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网", "四年前中500万现穷困潦倒 一夜暴富后如何经营")]
    [InlineData("中美合作共赢符合国际社会利益 - 人民网", "中美合作共赢符合国际社会利益")]
    [InlineData("工商部门初定SKII广告属于虚假宣传-搜狐财经", "工商部门初定SKII广告属于虚假宣传")]
    [InlineData("短缺药品保供稳价 全力保障临床用药需求|新华网", "短缺药品保供稳价 全力保障临床用药需求")]
    [InlineData("2022-2023学年第一学期校历", "2022-2023学年第一学期校历")]
    [InlineData("专访｜张三谈乡村振兴", "专访｜张三谈乡村振兴")]
    public void Site_suffix_is_stripped(string title, string expected) => PageTitle.StripSiteSuffix(title).Should().Be(expected);

    [Fact]
    public void A_heading_that_the_title_tag_repeats_is_the_title()
    {
        const string html = "<html><head><title>村里建起了农家书屋-某某县新闻网</title></head><body><h2>热点</h2><h1>村里建起了农家书屋</h1></body></html>";

        var page = new HtmlPageExtractor().Extract(html, null, ExtractorOptions.Default, CancellationToken.None);

        page.Title.Should().Be("村里建起了农家书屋");
    }

    [Fact]
    public void Og_title_without_suffix_is_used_when_no_heading_agrees()
    {
        const string html = "<html><head><meta property=\"og:title\" content=\"全市春耕生产有序推进 | 某某日报\"><title>某某日报</title></head><body><p>正文</p></body></html>";

        var page = new HtmlPageExtractor().Extract(html, null, ExtractorOptions.Default, CancellationToken.None);

        page.Title.Should().Be("全市春耕生产有序推进");
    }

    [Fact]
    public void Without_a_heading_the_visible_line_that_is_the_title_tags_longest_part_is_the_title()
    {
        const string html = "<html><head><title>某某网 - 新闻中心 - 国内新闻 - 村里建起了农家书屋 群众读书有了好去处</title></head><body>"
            + "<div>新闻中心</div><div><font size=5>村里建起了农家书屋 群众读书有了好去处</font></div><p>正文很长的一段话，讲的是村里的书屋。</p></body></html>";

        var page = new HtmlPageExtractor().Extract(html, null, ExtractorOptions.Default, CancellationToken.None);

        page.Title.Should().Be("村里建起了农家书屋 群众读书有了好去处");
    }
}

public sealed class PageTitleFormTests
{
    private static string? TitleOf(string html) => new HtmlPageExtractor().Extract(html, null, ExtractorOptions.Default, CancellationToken.None).Title;

    private const string Body = "<p>这是正文的第一段，讲述了村里新建的书屋如何方便了群众读书，也说明了书屋的开放时间和借阅办法。</p>"
        + "<p>这是正文的第二段，记录了读者们的感受和村干部对下一步工作的安排，内容足够长，可以算作文章的主体。</p>"
        + "<p>这是正文的第三段，介绍了书屋的藏书数量和捐赠来源，并且说明了志愿者轮流值守的安排和具体做法。</p>";

    [Fact]
    public void A_title_tag_that_names_only_the_site_yields_to_the_headline_above_the_article()
    {
        var html = "<html><head><title>某某网</title></head><body><div>首页</div><div><b>村里建起了农家书屋</b></div>"
            + "<div>2005-07-05 09:23</div>" + Body + "</body></html>";

        TitleOf(html).Should().Be("村里建起了农家书屋");
    }

    [Fact]
    public void The_first_section_heading_above_the_text_is_not_taken_for_the_headline()
    {
        var html = "<html><head><title>某某网</title></head><body><div>首页</div><div><b>一、书屋的由来</b></div>" + Body + "</body></html>";

        TitleOf(html).Should().Be("某某网");
    }

    [Fact]
    public void A_form_key_before_the_title_and_a_page_marker_after_it_are_dropped()
    {
        PageTitle.WithoutLabel("主题： 村里建起了农家书屋").Should().Be("村里建起了农家书屋");
        PageTitle.TrimTail("村里建起了农家书屋(页 1)").Should().Be("村里建起了农家书屋");
        PageTitle.TrimTail("村里建起了农家书屋？- -").Should().Be("村里建起了农家书屋？");
    }

    [Theory]
    [InlineData("今日锐评丨全市秋收工作会议今天召开", "全市秋收工作会议今天召开")]
    [InlineData("本网评论｜全市秋收工作会议今天召开", "全市秋收工作会议今天召开")]
    public void A_column_label_before_a_vertical_bar_is_not_the_headline_s(string title, string expected) =>
        PageTitle.WithoutLabel(title).Should().Be(expected);

    [Fact]
    public void The_longest_title_part_is_measured_as_shown_so_a_latin_site_name_does_not_outweigh_a_han_headline()
    {
        var html = "<html><head><title>Example Site Name - 村里建起了农家书屋</title></head><body><div>Example Site Name</div>"
            + "<div><font size=5>村里建起了农家书屋</font></div>" + Body + "</body></html>";

        TitleOf(html).Should().Be("村里建起了农家书屋");
    }

    [Fact]
    public void A_short_heading_that_is_a_whole_part_of_the_title_tag_is_the_title()
    {
        var html = "<html><head><title>某某 - 某某百科，自由的百科全书</title></head><body><h1>某某</h1>" + Body + "</body></html>";

        TitleOf(html).Should().Be("某某");
    }

    [Fact]
    public void Private_use_characters_of_a_misdecoded_page_leave_the_title()
    {
        var html = "<html><head><title>村里建起了农家书屋\ue004_读书频道_某某网</title></head><body>" + Body + "</body></html>";

        TitleOf(html).Should().Be("村里建起了农家书屋");
    }
}
