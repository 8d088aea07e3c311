using System.Text;
using Extract.Json;
using Extract.Recognition.Dates;

namespace Extract.Tests.Robustness;

/// <summary>The bounds of <see cref="ExtractorOptions"/> (issue #20): each one holds, and says so in the record or the error.</summary>
public sealed class BoundsTests
{
    private const string Line = "城南街道组织志愿者走进辖区各小区，服务群众300人次。";

    [Fact]
    public void A_body_over_the_cap_is_cut_at_a_line_break_and_the_record_says_truncated()
    {
        var text = "某社区志愿服务纪实\n" + string.Concat(Enumerable.Repeat(Line + "\n", 200));
        var extractor = new ArticleExtractor(ExtractorOptions.Default with { MaxBodyLength = 1000 });

        var article = extractor.Extract(ArticleSource.FromText("long", text)).Article!;

        article.Truncated.Should().BeTrue();
        article.Body.Length.Should().BeLessThanOrEqualTo(1000);
        article.Body.Should().EndWith("。");
        article.Achievements.Should().NotBeEmpty().And.OnlyContain(a => a.Span!.Value.End <= article.Body.Length);
        ArticleJson.Serialize(article).Should().Contain("\"truncated\":true");
        ArticleJson.Deserialize(ArticleJson.Serialize(article)).Truncated.Should().BeTrue();
    }

    [Fact]
    public void A_body_within_the_cap_is_whole_and_writes_no_truncated_field()
    {
        var article = ArticleExtractor.Default.Extract(ArticleSource.FromText("short", "某社区志愿服务纪实\n" + Line)).Article!;

        article.Truncated.Should().BeFalse();
        ArticleJson.Serialize(article).Should().NotContain("truncated");
    }

    [Fact]
    public void A_page_over_the_markup_cap_is_cut_and_the_record_says_truncated()
    {
        var paragraphs = string.Concat(Enumerable.Range(0, 300).Select(i => $"<p>城南街道组织志愿者走进辖区第{i}个小区，服务群众{i + 10}人次。</p>"));
        var html = $"<html><head><title>某社区志愿服务纪实</title></head><body><h1>某社区志愿服务纪实</h1><div class=\"content\">{paragraphs}</div></body></html>";
        var cap = html.Length / 3;

        var whole = ArticleExtractor.Default.Extract(ArticleSource.FromHtml("whole", html)).Article!;
        var cut = new ArticleExtractor(ExtractorOptions.Default with { MaxMarkupLength = cap }).Extract(ArticleSource.FromHtml("cut", html)).Article!;

        whole.Truncated.Should().BeFalse();
        cut.Truncated.Should().BeTrue();
        cut.Body.Length.Should().BeLessThan(whole.Body.Length / 2);
        whole.Body.Should().StartWith(cut.Body.TrimEnd());
        cut.Achievements.Should().NotBeEmpty();
        ArticleJson.Serialize(cut).Should().Contain("\"truncated\":true");
    }

    [Fact]
    public void A_page_over_the_markup_cap_only_for_its_scripts_and_styles_loses_them_and_nothing_else()
    {
        var script = "<script>var s = '" + new string('x', 5000) + "</div>';</script><style>p { color: red; }" + new string(' ', 3000) + "</style><!-- " + new string('c', 2000) + " -->";
        var html = $"<html><head><title>某社区志愿服务纪实</title>{script}</head><body><h1>某社区志愿服务纪实</h1><div><p>{Line}</p><p>{Line}</p></div></body></html>";
        var options = ExtractorOptions.Default with { MaxMarkupLength = html.Length - script.Length + 100 };

        var plain = ArticleExtractor.Default.Extract(ArticleSource.FromHtml("plain", html)).Article!;
        var stripped = new ArticleExtractor(options).Extract(ArticleSource.FromHtml("stripped", html)).Article!;

        stripped.Truncated.Should().BeFalse();
        stripped.Should().BeEquivalentTo(plain, o => o.Excluding(a => a.Id));
    }

    [Fact]
    public void A_clause_without_punctuation_gives_achievement_texts_no_longer_than_the_clause_cap()
    {
        var text = "某社区志愿服务纪实\n" + string.Concat(Enumerable.Repeat("志愿者服务群众5人次", 400));
        var extractor = new ArticleExtractor(ExtractorOptions.Default with { MaxClauseLength = 60 });

        var article = extractor.Extract(ArticleSource.FromText("run", text)).Article!;

        article.Achievements.Should().NotBeEmpty();
        article.Achievements.Should().OnlyContain(a => a.Text.Length <= 60);
        article.Achievements.Should().OnlyContain(a => a.Text == article.Body.Substring(a.Span!.Value.Start, a.Span.Value.Length));
    }

    [Fact]
    public void Names_over_the_length_cap_are_dropped_and_mentions_per_name_are_capped()
    {
        var text = "朝阳区人民政府开展志愿服务\n" + string.Concat(Enumerable.Repeat("朝阳区人民政府服务群众5人次，", 50));
        var capped = new ArticleExtractor(ExtractorOptions.Default with { MaxMentionsPerName = 7 }).Extract(ArticleSource.FromText("m", text)).Article!;
        var whole = ArticleExtractor.Default.Extract(ArticleSource.FromText("m", text)).Article!;

        whole.Organizations.Concat<object>(whole.Places).Should().NotBeEmpty();
        whole.Organizations.Select(o => o.Mentions.Length).Concat(whole.Places.Select(p => p.Mentions.Length)).Max().Should().BeGreaterThan(7);
        capped.Organizations.Where(o => o.Mentions.Length > 7).Should().BeEmpty();
        capped.Places.Where(p => p.Mentions.Length > 7).Should().BeEmpty();
        capped.Organizations.Select(o => o.Mentions).Should().BeEquivalentTo(whole.Organizations.Select(o => o.Mentions.Take(7)));

        var short3 = new ArticleExtractor(ExtractorOptions.Default with { MaxEntityLength = 3 }).Extract(ArticleSource.FromText("m", text)).Article!;
        short3.Organizations.Where(o => o.Name.Length > 3).Should().BeEmpty();
        short3.Places.Where(p => p.Name.Length > 3).Should().BeEmpty();
    }

    [Fact]
    public void A_document_over_its_time_budget_is_a_timeout_error_naming_its_stage()
    {
        var text = "某社区志愿服务纪实\n" + string.Concat(Enumerable.Repeat(Line + "\n", 1500));
        var extractor = new ArticleExtractor(ExtractorOptions.Default with { DocumentTimeout = TimeSpan.FromTicks(1) });

        var result = extractor.Extract(ArticleSource.FromText("slow", text));

        result.IsSuccess.Should().BeFalse();
        result.ErrorKind.Should().Be(ExtractionErrorKind.Timeout);
        result.Stage.Should().BeOneOf("decode", "page", "text", "tokens", "recognition", "record");
        result.Error.Should().Contain("time budget").And.Contain(result.Stage);
        ArticleJson.Serialize(result).Should().Contain("\"kind\":\"timeout\"");
    }

    [Fact]
    public void Cancellation_by_the_caller_still_throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var run = () => ArticleExtractor.Default.Extract(ArticleSource.FromText("c", Line), cancelled.Token);
        run.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Expected_failures_carry_their_kind_and_stage()
    {
        var binary = ArticleExtractor.Default.Extract(ArticleSource.FromBytes("bin", new byte[100]));
        binary.ErrorKind.Should().Be(ExtractionErrorKind.Binary);
        binary.Stage.Should().Be("decode");
        ArticleJson.Serialize(binary).Should().Be("""{"id":"bin","error":"input looks binary (many control characters), not text or HTML","kind":"binary","stage":"decode"}""");

        var large = new ArticleExtractor(ExtractorOptions.Default with { MaxInputLength = 10 }).Extract(ArticleSource.FromText("big", new string('字', 11)));
        large.ErrorKind.Should().Be(ExtractionErrorKind.TooLarge);
    }

    [Theory]
    [InlineData(0, 1, 1, 1, 1)]
    [InlineData(1, 0, 1, 1, 1)]
    [InlineData(1, 1, 0, 1, 1)]
    [InlineData(1, 1, 1, 0, 1)]
    [InlineData(1, 1, 1, 1, 0)]
    [InlineData(1, 1, 1, 1, 1, 0)]
    public void Bounds_must_be_positive(int body, int clause, int entity, int mentions, int seconds, int markup = 1)
    {
        var options = ExtractorOptions.Default with
        {
            MaxBodyLength = body, MaxClauseLength = clause, MaxEntityLength = entity, MaxMentionsPerName = mentions, DocumentTimeout = TimeSpan.FromSeconds(seconds),
            MaxMarkupLength = markup,
        };
        var create = () => new ArticleExtractor(options);
        create.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Dates_are_found_on_both_sides_of_a_scan_segment_boundary_and_in_long_unbroken_runs()
    {
        var filler = new string('文', DateExtractor.MaxSegment - 10) + "。";
        var text = filler + "11月2日上午9点，" + filler + "2022年3月5日" + new string('1', 3 * DateExtractor.MaxSegment) + "。4月1日";

        var found = new DateExtractor().Extract(text);

        found.Select(d => text[d.Span.Start..d.Span.End]).Should().Equal("11月2日上午9点", "2022年3月5日", "4月1日");
    }

    [Fact]
    public void Pathological_runs_give_a_record_not_an_error()
    {
        // No time budget: what this checks is that the stages finish (linear time, no regex timeout), not how fast a
        // loaded test machine runs them; a budget would make the outcome depend on the machine.
        var extractor = new ArticleExtractor(ExtractorOptions.Default with { DocumentTimeout = Timeout.InfiniteTimeSpan });
        foreach (var text in new[] { new string('1', 200_000), string.Concat(Enumerable.Repeat("2022年", 20_000)), string.Concat(Enumerable.Repeat("朝阳区人民政府服务群众5人次，", 3000)) })
        {
            var result = extractor.Extract(ArticleSource.FromText("p", "标题\n" + text));
            result.IsSuccess.Should().BeTrue(result.Error);
            result.Article!.Truncated.Should().Be(text.Length + 1 > ExtractorOptions.Default.MaxBodyLength);
        }
    }

    [Fact]
    public void Utf8_text_with_one_stray_byte_is_not_mojibake()
    {
        var bytes = Encoding.UTF8.GetBytes("某社区志愿服务纪实\n" + string.Concat(Enumerable.Repeat(Line + "\n", 20)));
        byte[] damaged = [.. bytes.AsSpan(0, 300), 0xFF, .. bytes.AsSpan(300)];

        var article = ArticleExtractor.Default.Extract(ArticleSource.FromBytes("s", damaged, isHtml: false)).Article!;

        article.Body.Should().Contain(Line).And.Contain("\uFFFD");
    }
}
