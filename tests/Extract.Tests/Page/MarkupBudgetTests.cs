using Extract.Page;

namespace Extract.Tests.Page;

/// <summary>The page stage's markup bound (<see cref="ExtractorOptions.MaxMarkupLength"/>, issue #20).</summary>
public sealed class MarkupBudgetTests
{
    [Fact]
    public void Markup_within_the_bound_is_the_same_string()
    {
        var html = "<html><body><script>var a = 1;</script><p>正文</p></body></html>";

        var fitted = MarkupBudget.Fit(html, html.Length, CancellationToken.None, out var cut);

        fitted.Should().BeSameAs(html);
        cut.Should().BeFalse();
    }

    [Fact]
    public void Scripts_styles_and_comments_go_first_whatever_their_case_and_content()
    {
        var html = "<p>甲</p><SCRIPT type=\"text/javascript\">document.write('<p>乙</p>');</Script ><p>丙</p><style>p{}</style><!-- <p>丁</p> --><scripts>戊</scripts>";

        var fitted = MarkupBudget.Fit(html, html.Length - 1, CancellationToken.None, out var cut);

        fitted.Should().Be("<p>甲</p><p>丙</p><scripts>戊</scripts>");
        cut.Should().BeFalse();
    }

    [Fact]
    public void An_unclosed_script_or_comment_runs_to_the_end()
    {
        MarkupBudget.WithoutInert("<p>甲</p><script>var a = '<p>乙</p>'", CancellationToken.None).Should().Be("<p>甲</p>");
        MarkupBudget.WithoutInert("<p>甲</p><!-- <p>乙</p>", CancellationToken.None).Should().Be("<p>甲</p>");
    }

    [Fact]
    public void Markup_still_over_the_bound_is_cut_before_the_last_tag_within_it()
    {
        var html = string.Concat(Enumerable.Repeat("<p>志愿服务</p>", 100));

        var fitted = MarkupBudget.Fit(html, 100, CancellationToken.None, out var cut);

        cut.Should().BeTrue();
        fitted.Length.Should().BeLessThanOrEqualTo(100);
        html.Should().StartWith(fitted);
        html[fitted.Length].Should().Be('<');
    }

    [Fact]
    public void Markup_without_tags_is_cut_at_the_bound_never_inside_a_surrogate_pair()
    {
        var html = new string('字', 9) + "𠀀" + new string('字', 20);

        var fitted = MarkupBudget.Fit(html, 10, CancellationToken.None, out var cut);

        cut.Should().BeTrue();
        fitted.Should().Be(new string('字', 9));
    }
}
