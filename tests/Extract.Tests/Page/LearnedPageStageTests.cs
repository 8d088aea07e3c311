using Extract.Learning;
using Extract.Page;
using Extract.Tests.Page.Fixtures;

namespace Extract.Tests.Page;

/// <summary>The page stage with the embedded page-block model deciding the lines (the default).</summary>
public sealed class LearnedPageStageTests
{
    private static readonly ExtractorOptions Learned = ExtractorOptions.Default with { UseLearnedPageBlocks = true };

    private static PageContent Extract(string html, ExtractorOptions options) =>
        new HtmlPageExtractor().Extract(html, null, options, CancellationToken.None);

    [Fact]
    public void Embedded_model_loads_and_scores_every_block()
    {
        var model = PageBlockModel.Default;

        var layout = HtmlPageExtractor.Layout(PageFixtures.Read("trs-gov-page.html"), ExtractorOptions.Default, CancellationToken.None)!;
        var scores = model.Score(layout, PageTitle.Choose(layout), ContentScorer.Choose(layout, CancellationToken.None), CancellationToken.None);

        scores.Should().HaveCount(layout.Lines.Length);
        scores.Should().OnlyContain(p => p >= 0 && p <= 1);
        ReferenceEquals(model, PageBlockModel.Default).Should().BeTrue("the model loads once and is shared");
    }

    [Fact]
    public void Default_options_use_the_model()
    {
        ExtractorOptions.Default.UseLearnedPageBlocks.Should().BeTrue();
    }

    [Fact]
    public void Government_page_keeps_its_paragraphs_and_drops_navigation_related_links_and_footer()
    {
        var page = Extract(PageFixtures.Read("trs-gov-page.html"), Learned);

        page.IsArticle.Should().BeTrue();
        page.Lines.Should().Contain("5月15日下午，青石镇召开农村人居环境整治工作推进会，总结前一阶段工作，部署下一步重点任务。镇党委书记出席会议并讲话。");
        page.Lines.Should().Contain(l => l.StartsWith("会议指出，今年以来全镇累计清理生活垃圾", StringComparison.Ordinal));
        page.Lines.Should().Contain(l => l.StartsWith("会上，三个村的党支部书记作了交流发言", StringComparison.Ordinal));
        page.Lines.Should().Contain(l => l.StartsWith("下一步，全镇将以整治促提升", StringComparison.Ordinal));
        var all = string.Concat(page.Lines);
        all.Should().NotContainAny("政务公开", "办事服务", "您的位置", "镇政府通知公告", "部门动态");
        all.Should().NotContainAny("相关链接", "我镇开展春季爱国卫生运动", "镇领导督导防汛备汛工作");
        all.Should().NotContainAny("主办单位", "联系电话", "ICP备案号", "打印本页");
        page.PublishedAt.Should().Be("2023-05-16T09:30");
    }

    [Fact]
    public void Heuristic_switch_still_extracts_the_page_without_the_model()
    {
        var page = Extract(PageFixtures.Read("trs-gov-page.html"), ExtractorOptions.Default with { UseLearnedPageBlocks = false });

        page.IsArticle.Should().BeTrue();
        page.Lines.Should().Contain(l => l.StartsWith("会议指出，今年以来全镇累计清理生活垃圾", StringComparison.Ordinal));
    }

    [Fact]
    public void List_page_stays_not_an_article_with_the_model()
    {
        var page = Extract(PageFixtures.Read("list-page.html"), Learned);

        page.IsArticle.Should().BeFalse();
        page.Lines.Should().BeEmpty();
    }

    [Fact]
    public void Corrupt_model_throws_naming_it()
    {
        var act = () => PageBlockModel.FromStream(new MemoryStream([1, 2, 3, 4, 5]), "broken-page.zip");

        act.Should().Throw<InvalidOperationException>().WithMessage("*broken-page.zip*");
    }

    [Fact]
    public void Scoring_is_the_same_from_many_threads()
    {
        var html = PageFixtures.Read("trs-gov-page.html");
        var expected = string.Join('\n', Extract(html, Learned).Lines);

        var results = new string[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = string.Join('\n', Extract(html, Learned).Lines));

        results.Should().AllBe(expected);
    }
}
