using System.Text;
using Extract.Page;
using Extract.Tests.Page.Fixtures;

namespace Extract.Tests.Page;

public sealed class HtmlPageExtractorTests
{
    private static PageContent Extract(string html, string? url = null) =>
        new HtmlPageExtractor().Extract(html, url, ExtractorOptions.Default, CancellationToken.None);

    [Fact]
    public void Trs_page_gives_the_article_lines_and_drops_furniture()
    {
        var page = Extract(PageFixtures.Read("trs-article.html"));

        page.IsArticle.Should().BeTrue();
        page.Lines.Should().Contain("3月20日上午，城南街道组织志愿者走进辖区各小区，开展环境整治、政策宣传和关爱老人等志愿服务活动。");
        page.Lines.Should().Contain("把服务送到家门口", "headings inside the article stay");
        page.Lines.Should().Contain("志愿者为老人测量血压。", "image captions stay");
        page.Lines.Should().Contain(l => l.StartsWith("发布时间：2022-03-20 18:39", StringComparison.Ordinal), "the date line near the title goes on to the text stage");
        page.Lines.Should().Contain("责任编辑：陈小婷", "the editor line right after the article goes on to the text stage");
        string.Concat(page.Lines).Should().NotContainAny("不应出现的脚本文字", "隐藏的文字", "分享到", "市区开展春季植树活动", "网友评论", "版权所有", "当前位置");
    }

    [Fact]
    public void Trs_page_metadata_comes_from_meta_tags()
    {
        var page = Extract(PageFixtures.Read("trs-article.html"));

        page.Title.Should().Be("城南街道开展社区志愿服务活动");
        page.PublishedAt.Should().Be("2022-03-20T18:39");
        page.Outlet.Should().Be("永州日报");
    }

    [Fact]
    public void Trs_page_through_the_extractor_fills_the_record()
    {
        var result = ArticleExtractor.Default.Extract(ArticleSource.FromHtml("trs", PageFixtures.Read("trs-article.html")));

        result.IsSuccess.Should().BeTrue();
        var article = result.Article!;
        article.Title.Should().Be("城南街道开展社区志愿服务活动");
        article.PublishedAt.Should().Be("2022-03-20T18:39");
        article.Outlet.Should().Be("永州日报");
        article.Editors.Should().Contain("陈小婷");
        article.Body.Should().StartWith("3月20日上午，城南街道组织志愿者");
        article.Body.Should().NotContain("发布时间");
    }

    [Fact]
    public void List_page_is_not_an_article()
    {
        var page = Extract(PageFixtures.Read("list-page.html"));

        page.IsArticle.Should().BeFalse();
        page.Lines.Should().BeEmpty();
    }

    [Fact]
    public void Table_layout_article_in_gbk_bytes_is_cut_from_the_sidebar()
    {
        var bytes = PageFixtures.Gbk.GetBytes(PageFixtures.Read("table-layout.html"));

        var result = ArticleExtractor.Default.Extract(ArticleSource.FromBytes("table", bytes, isHtml: true) with { Url = "http://www.example.gov.cn/xw/202111/t20211104_123.html" });

        var article = result.Article!;
        article.Title.Should().Be("村里建起了农家书屋");
        article.PublishedAt.Should().Be("2021-11-04T09:30");
        article.Body.Should().StartWith("近日，某某镇某某村的农家书屋正式对外开放");
        article.Body.Should().Contain("实现了行政村全覆盖。");
        article.Body.Should().NotContainAny("网站首页", "热点新闻", "县委召开全委会", "版权所有");
        article.Authors.Should().BeEquivalentTo("王小明", "李华");
    }

    [Fact]
    public void Pinyin_glosses_are_removed_from_lines()
    {
        var page = Extract("<html><body><div class=\"content\"><p>這部經(jīng)典著作影响深远，值得反复阅读，我们今天一起来读一读它的第一章，再谈谈它对后世文学、哲学和社会生活的影响。</p></div></body></html>");

        page.Lines.Should().ContainSingle().Which.Should().Be("這部經典著作影响深远，值得反复阅读，我们今天一起来读一读它的第一章，再谈谈它对后世文学、哲学和社会生活的影响。");
    }

    [Theory]
    [InlineData("經(jīng)典", "經典")]
    [InlineData("经（jing1）典", "经典")]
    [InlineData("公司CEO(CEO)说", "公司CEO(CEO)说")]
    [InlineData("会议(2022)召开", "会议(2022)召开")]
    public void Pinyin_gloss_needs_a_tone(string input, string expected) => PinyinGlosses.Strip(input).Should().Be(expected);

    [Fact]
    public void Visible_date_on_the_urls_day_wins_over_an_update_date()
    {
        const string html = """
            <html><head><title>标题测试新闻</title></head><body>
            <h1>标题测试新闻</h1><div>更新时间：2022-11-06 10:00</div><div>发布时间：2022-11-04 08:15</div>
            <div class="content"><p>这是一篇测试用的新闻正文，内容足够长，包含标点符号，用来检验发布日期的选择是否正确。</p>
            <p>第二段正文同样包含足够的文字和标点，确保它被识别为文章的主要内容区域。</p></div></body></html>
            """;

        Extract(html, "http://www.example.gov.cn/xw/202211/t20221104_5.html").PublishedAt.Should().Be("2022-11-04T08:15");
    }

    [Fact]
    public void A_url_date_alone_is_not_a_publish_date()
    {
        const string html = "<html><body><div class=\"content\"><p>这是一篇没有写明发布日期的新闻正文，内容足够长，包含标点符号，用来检验日期。</p></div></body></html>";

        Extract(html, "http://www.example.com/2022-03/24/c_1.htm").PublishedAt.Should().BeNull();
    }

    [Fact]
    public void Deeply_nested_page_neither_throws_nor_overflows()
    {
        const int depth = 100_000;
        var builder = new StringBuilder("<html><body>");
        builder.Insert(builder.Length, "<div>", depth);
        builder.Append("<p>深层嵌套的正文段落，包含标点符号，用来检验遍历不会因为嵌套太深而崩溃，也不会因为解析器的作用域检查而卡住很久。</p>");
        builder.Insert(builder.Length, "</div>", depth);
        builder.Append("</body></html>");

        var result = ArticleExtractor.Default.Extract(ArticleSource.FromHtml("deep", builder.ToString()));

        result.IsSuccess.Should().BeTrue(result.Error);
        result.Article!.Body.Should().Contain("深层嵌套的正文段落");
    }

    [Fact]
    public void Flattening_drops_only_tags_past_the_limit()
    {
        var html = "<div><div><div><b>正文</b></div></div></div><p>后文";

        MarkupDepth.Flatten(html, 2, CancellationToken.None).Should().Be("<div><div>正文</div></div><p>后文");
    }

    [Fact]
    public void Page_nested_deeper_than_the_walk_limit_is_flattened_not_lost()
    {
        var builder = new StringBuilder("<html><body>");
        builder.Insert(builder.Length, "<div>", 2000);
        builder.Append("<p>深层嵌套的正文段落，包含标点符号，用来检验遍历在深度上限以下把文字并入外层的行，而不是丢掉它们。</p>");
        builder.Insert(builder.Length, "</div>", 2000);
        builder.Append("</body></html>");

        var page = Extract(builder.ToString());

        string.Concat(page.Lines).Should().Contain("深层嵌套的正文段落");
    }

    [Fact]
    public void A_scripts_text_counts_no_nesting_whatever_end_tags_it_holds()
    {
        // The script's text holds an end tag of another element and three start tags: none is markup, up to </SCRIPT>.
        const string html = "<div><script>s = '</b><i><i><i>';</SCRIPT><style>p{}</style></div>";

        MarkupDepth.Measure(html, 10, CancellationToken.None).Should().Be(2);
        MarkupBudget.WithoutInert(html, CancellationToken.None).Should().Be("<div></div>");
    }

    [Fact]
    public void Unclosed_paragraphs_do_not_count_as_nesting() =>
        MarkupDepth.Measure(string.Concat(Enumerable.Repeat("<p>段落<font>字<br><img src=x>", 3000)), 4096, CancellationToken.None).Should().Be(3000);

    [Fact]
    public void Page_over_the_size_cap_is_an_error_result()
    {
        var paragraph = Encoding.UTF8.GetBytes("<p>很长的网页正文段落，包含标点符号，重复很多次以构成二十兆字节的输入。</p>\n");
        var bytes = new byte[20 * 1024 * 1024];
        for (var i = 0; i + paragraph.Length <= bytes.Length; i += paragraph.Length)
        {
            paragraph.CopyTo(bytes, i);
        }

        var result = ArticleExtractor.Default.Extract(ArticleSource.FromBytes("huge", bytes, isHtml: true));

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().Contain("too large");
    }

    [Fact]
    public void Large_page_under_the_caps_is_extracted_whole_and_over_the_markup_cap_is_cut()
    {
        var builder = new StringBuilder("<html><body><div class=\"content\">");
        for (var i = 0; i < 40_000; i++)
        {
            builder.Append("<p>很长的网页正文段落，包含标点符号，重复很多次以构成数兆字节的输入。</p>\n");
        }

        builder.Append("</div></body></html>");
        var html = builder.ToString();
        var roomy = ExtractorOptions.Default with { MaxMarkupLength = html.Length };

        var whole = new HtmlPageExtractor().Extract(html, null, roomy, CancellationToken.None);
        var cut = Extract(html);

        html.Length.Should().BeGreaterThan(ExtractorOptions.Default.MaxMarkupLength);
        whole.IsArticle.Should().BeTrue();
        whole.Truncated.Should().BeFalse();
        whole.Lines.Length.Should().Be(40_000);
        cut.IsArticle.Should().BeTrue();
        cut.Truncated.Should().BeTrue();
        cut.Lines.Length.Should().BeInRange(1, 40_000 - 1);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var act = () => new HtmlPageExtractor().Extract(PageFixtures.Read("trs-article.html"), null, ExtractorOptions.Default, cancelled.Token);

        act.Should().Throw<OperationCanceledException>();
    }
}
