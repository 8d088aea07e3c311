using Extract.Page;

namespace Extract.Tests.Page;

public sealed class TrailerDateTests
{
    [Fact]
    public void A_keyed_trailer_date_that_shares_its_line_with_a_handle_and_counters_is_the_publish_date()
    {
        var paragraph = "<p>" + string.Concat(Enumerable.Repeat("今天我们去了城南的公园散步，天气很好，孩子们在草地上奔跑，老人们在树下下棋聊天。", 3)) + "</p>";
        var html = "<html><head><title>公园散步记</title></head><body><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/blog\">博客</a></div>"
            + "<div class=\"post\"><h2>公园散步记</h2>" + paragraph + paragraph + paragraph + "</div>"
            + "<div class=\"postfoot\">作者:walker 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30</div></body></html>";

        var page = new HtmlPageExtractor().Extract(html, null, ExtractorOptions.Default, CancellationToken.None);

        page.PublishedAt.Should().Be("2005-07-31T12:30");
    }
}
