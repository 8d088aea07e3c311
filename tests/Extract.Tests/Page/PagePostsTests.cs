using System.Text;
using Extract.Page;

namespace Extract.Tests.Page;

/// <summary>Pages of several posts (a blog's front page) give their first post; ordinary articles are not cut.</summary>
public sealed class PagePostsTests
{
    private static readonly ExtractorOptions Heuristic = ExtractorOptions.Default with { UseLearnedPageBlocks = false };

    private static string Post(string heading, string stamp, params string[] paragraphs) =>
        $"<h3>{heading}</h3><div class=\"time\">{stamp}</div>"
        + string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))
        + $"<div>[打印]</div><div>由博主张贴 @</div><div>{stamp}</div><div>(120)</div><div>共 3 篇评论</div><div>发表评论 &gt;&gt;&gt;</div>";

    private static string Blog() =>
        "<html><head><title>晨风的博客 | blog.example.com</title></head><body>"
        + "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/a\">文章目录</a> <a href=\"/b\">相册</a></div><div class=\"posts\">"
        + Post("周末去湿地公园看候鸟", "2021-11-20 21:05:13",
            "周六一早，我们一家三口骑车去了城东的湿地公园，今年来过冬的候鸟比往年多了不少，湖面上成群的野鸭和白鹭起起落落。",
            "公园管理处的工作人员说，近几年湿地的水质越来越好，鸟的种类也多了，每到周末都有不少市民带着孩子来观鸟、拍照。",
            "回家的路上孩子一直在问候鸟从哪里来、要飞多远，我答应他下次带上望远镜，再找一本认鸟的图册一起看。")
        + Post("第一次学做红烧肉", "2021-11-14 19:40:02",
            "照着菜谱做了一回红烧肉，糖色炒得有点过了，颜色偏深，好在味道还算过得去，家里人都说比上次的可乐鸡翅强。",
            "下次要记得先把五花肉焯水，再小火慢炖一个小时，汤汁收得浓一些，配米饭最好吃，这是楼下阿姨教我的诀窍。")
        + Post("读完一本旧书", "2021-11-02 22:18:45",
            "翻出大学时买的一本散文集，十几年后重读，感受完全不同了，当年匆匆读过的句子，如今读来句句都有分量。",
            "书页已经发黄，扉页上还有当年写下的日期和几句稚嫩的感想，看着忍不住笑了，也有些怀念那时的自己。")
        + "</div><div class=\"footer\">版权所有 博客网</div></body></html>";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_page_of_posts_gives_its_first_post(bool learned)
    {
        var options = learned ? ExtractorOptions.Default : Heuristic;
        var page = new HtmlPageExtractor().Extract(Blog(), null, options, CancellationToken.None);

        page.IsArticle.Should().BeTrue();
        var text = string.Join('\n', page.Lines);
        text.Should().Contain("今年来过冬的候鸟比往年多了不少").And.Contain("再找一本认鸟的图册一起看");
        text.Should().NotContainAny("红烧肉", "散文集", "第一次学做红烧肉");
    }

    [Fact]
    public void An_article_with_a_stamp_under_its_headline_and_subheadings_keeps_all_its_text()
    {
        var html = "<html><head><title>城关镇开展冬季消防安全检查</title></head><body><div class=\"article\">"
            + "<h1>城关镇开展冬季消防安全检查</h1><div>2021-12-03 10:20</div>"
            + "<p>为切实做好冬季消防安全工作，12月2日，城关镇组织安监、派出所、消防队等部门，对辖区商铺、学校和养老机构开展消防安全检查。</p>"
            + "<h3>一、排查隐患</h3>"
            + "<p>检查组逐一查看了灭火器、应急照明和疏散通道，对发现的问题当场指出并要求限期整改，共排查隐患12处。</p>"
            + "<h3>二、宣传培训</h3>"
            + "<p>检查中，工作人员还向经营户讲解了用火用电常识和初起火灾的扑救方法，发放宣传资料300余份。</p>"
            + "</div></body></html>";

        foreach (var options in new[] { ExtractorOptions.Default, Heuristic })
        {
            var text = string.Join('\n', new HtmlPageExtractor().Extract(html, null, options, CancellationToken.None).Lines);

            text.Should().Contain("对辖区商铺、学校和养老机构开展消防安全检查").And.Contain("发放宣传资料300余份");
        }
    }
}
