using Extract.Page;
using Extract.Recognition;
using Extract.Metadata;
using Extract.Calendar;

namespace Extract.Tests.Page;

public sealed class PublishDateTests
{
    [Theory]
    [InlineData("http://www.news.cn/fortune/2023-11/17/c_1129981476.htm", "2023-11-17")]
    [InlineData("http://www.yzcity.gov.cn/cnyz/xwzx/202211/t20221104_123.html", "2022-11-04")]
    [InlineData("http://news.sohu.com/20200218/n123.shtml", "2020-02-18")]
    [InlineData("https://example.com/2022/03/24/story.html", "2022-03-24")]
    [InlineData("http://chanye.finance.sina.com.cn/sm/2005-03-21/244339.shtml", "2005-03-21")]
    [InlineData("https://china.chinadaily.com.cn/a/202311/17/WS65571297.html", "2023-11-17")]
    public void Date_from_url(string url, string expected) =>
        ReferenceDates.DateFromUrl(url).Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("http://example.com/news/12345.html")]
    [InlineData("http://example.com/2022-13/45/x.html")]
    [InlineData(null)]
    public void No_date_in_url(string? url) => ReferenceDates.DateFromUrl(url).Should().BeNull();

    [Theory]
    [InlineData("发布时间：2022-03-20 18:39:04 来源：永州日报", "2022-03-20T18:39")]
    [InlineData("2022年03月20日 18:39　来源：人民网", "2022-03-20T18:39")]
    [InlineData("2005年03月21日11:21 新浪财经", "2005-03-21T11:21")]
    [InlineData("发布日期： 9/17/2004 5:54:13 AM", "2004-09-17T05:54")]
    [InlineData("发表于 2005-9-15 11:46:00", "2005-09-15T11:46")]
    public void Date_from_a_visible_line(string line, string expected) => PublishDate.FromLine(line).Should().Be(expected);

    [Fact]
    public void A_date_inside_a_sentence_is_not_a_publish_date() =>
        PublishDate.FromLine("2016年4月14日，山东冠县女企业家在工厂接待室被催债人员侮辱，此事后来引起了全国范围内的广泛关注和讨论。").Should().BeNull();

    [Fact]
    public void Meta_date_that_the_url_contradicts_loses_to_the_visible_date() =>
        PublishDate.Choose("2022-11-20T10:00", [("2022-11-04T08:15", true)], "http://x.gov.cn/202211/t20221104_1.html").Should().Be("2022-11-04T08:15");

    [Fact]
    public void Meta_and_visible_date_on_one_day_keep_the_time() =>
        PublishDate.Choose("2022-11-04", [("2022-11-04T08:15", true)], null).Should().Be("2022-11-04T08:15");

    [Fact]
    public void Meta_and_visible_time_on_one_day_keep_the_time_the_page_shows()
    {
        PublishDate.Choose("2022-11-04T08:23", [("2022-11-04T08:15", true)], null).Should().Be("2022-11-04T08:15");
        PublishDate.Choose("2022-11-04T08:23", [("2022-11-04", true)], null).Should().Be("2022-11-04T08:23");
    }
}
