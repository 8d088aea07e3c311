using Extract.Layout;
using Extract.Page;

namespace Extract.Tests.Page;

/// <summary>Which blocks make the article: paragraphs set alike, footers in English, articles a script reveals.</summary>
public sealed class ArticleAreaTests
{
    private const string Paragraph = "，这是一段足够长的正文，有标点也有内容，用来检验同一容器中的段落是否一起保留。";

    private static PageContent Extract(string html) =>
        new HtmlPageExtractor().Extract(html, null, ExtractorOptions.Default, CancellationToken.None);

    [Fact]
    public void Paragraphs_set_like_a_kept_one_in_its_container_are_kept_with_it()
    {
        var html = "<html><body><div class=\"content\">"
            + "<p class=\"text\">第一段" + Paragraph + "</p><p class=\"text\">第二段" + Paragraph + "</p><p class=\"other\">第三段" + Paragraph + "</p>"
            + "</div><ul><li class=\"item\">列表一" + Paragraph + "</li><li class=\"item\">列表二" + Paragraph + "</li></ul>"
            + "<div class=\"content\"><p class=\"text\">别处一段" + Paragraph + "</p></div></body></html>";
        var layout = HtmlPageExtractor.Layout(html, ExtractorOptions.Default, CancellationToken.None)!;
        int Line(string start) => layout.Lines.ToList().FindIndex(l => l.Text.StartsWith(start, StringComparison.Ordinal));
        var keep = new bool[layout.Lines.Length];
        keep[Line("第一段")] = true;
        keep[Line("列表一")] = true;

        var (first, last) = HtmlPageExtractor.KeepSiblings(layout, keep, Line("第一段"), Line("列表一"));

        keep[Line("第二段")].Should().BeTrue("a sibling paragraph with the kept one's tag and class");
        keep[Line("第三段")].Should().BeFalse("another class is another kind of block");
        keep[Line("列表二")].Should().BeFalse("list items are left to the model");
        keep[Line("别处一段")].Should().BeFalse("the same markup in another container is not the same article");
        (first, last).Should().Be((Line("第一段"), Line("列表一")));
    }

    [Fact]
    public void An_english_disclaimer_in_the_footer_does_not_outweigh_a_short_chinese_article()
    {
        var html = "<html><body><table><tr><td>"
            + "<p>（吉隆坡16日讯）警方将对失联客机起飞前接触该客机的工程师展开调查。<br>交通部代部长指出，警方按照正常程序，正调查客机的所有机组人员、乘客和工程师。</p>"
            + "</td></tr></table><table><tr><td><p>Copyright © 2013 Example News. All rights reserved.<br>"
            + "This material may not be published, broadcast, rewritten or redistributed in any form except with the prior express permission of Example News. Disclaimer.<br>"
            + "Best viewed in Internet Explorer 6.0 &amp; above with 800 x 600 pixels</p></td></tr></table></body></html>";

        var layout = HtmlPageExtractor.Layout(html, ExtractorOptions.Default, CancellationToken.None)!;
        var area = ContentScorer.Choose(layout, CancellationToken.None);
        var page = Extract(html);

        layout.Lines[area.First].Text.Should().StartWith("（吉隆坡16日讯）");
        page.IsArticle.Should().BeTrue();
        string.Concat(page.Lines).Should().Contain("正调查客机的所有机组人员").And.NotContainAny("Copyright", "redistributed", "Best viewed");
    }

    [Fact]
    public void A_copyright_line_counts_against_its_area_and_an_english_line_counts_its_letters_at_a_quarter()
    {
        var notice = new PageLine("版权所有 © 示例日报社 京ICP备12345678号", 0, 20, 0, 0, false);
        const string English = "This material may be read by anyone, with or without permission, and that is a long sentence.";
        var letters = English.Count(char.IsLetter);
        var english = new PageLine(English, 0, letters, 0, 2, false);
        var chinese = new PageLine("警方按照正常程序，正调查客机的所有机组人员、乘客和工程师。", 0, 26, 0, 3, false);

        CopyrightNotice.IsNotice(notice.Text).Should().BeTrue();
        CopyrightNotice.IsNotice("法院认为，被告未经许可复制他人作品，侵犯了原告的版权所有权益。").Should().BeFalse("a sentence about copyright is prose");
        ContentScorer.AreaValue(notice).Should().BeNegative();
        ContentScorer.AreaValue(english).Should().BeApproximately((letters / 4.0) + 2, 0.01);
        ContentScorer.AreaValue(chinese).Should().Be(ContentScorer.Value(chinese), "a line without Latin letters is valued as the model's feature values it");
    }

    [Fact]
    public void An_article_cell_the_markup_hides_is_the_article_when_the_visible_page_has_none()
    {
        var html = "<html><head><title>苏州河畔举行龙舟赛 第A1版 国际日报</title></head><body><div>首页 - 帮助</div>"
            + "<ul><li><a href=\"1.html\">国际日报20140318期</a></li><li><a href=\"2.html\">国际日报20140317期</a></li></ul>"
            + "<table><tr><td style=\"display:none\"><div><strong>苏州河畔举行龙舟赛</strong></div>"
            + "<div>3月17日，数千名市民在苏州河畔观看一年一度的龙舟赛。图示来自各区的选手们奋力划桨，争夺本届比赛的冠军。</div></td></tr></table></body></html>";

        var page = Extract(html);

        page.IsArticle.Should().BeTrue();
        page.Lines.Should().Contain(l => l.StartsWith("3月17日，数千名市民", StringComparison.Ordinal));
    }

    [Fact]
    public void Hidden_text_without_the_page_headline_does_not_make_a_list_page_an_article()
    {
        var html = "<html><head><title>论坛首页</title></head><body>"
            + "<ul><li><a href=\"1.html\">帖子一</a></li><li><a href=\"2.html\">帖子二</a></li></ul>"
            + "<div style=\"display: none\"><p>这是一段隐藏的提示文字，登录以后才能看到，请先注册账号再登录本站参加讨论。</p></div></body></html>";

        var page = Extract(html);

        page.IsArticle.Should().BeFalse();
        page.Lines.Should().BeEmpty();
    }
}
