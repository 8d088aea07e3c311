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
