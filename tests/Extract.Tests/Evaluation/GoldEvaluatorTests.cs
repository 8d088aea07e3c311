using System.Collections.Immutable;
using Extract.Evaluation;

namespace Extract.Tests.Evaluation;

/// <summary>What the scorer does with a case the extractor could not extract.</summary>
public sealed class GoldEvaluatorTests
{
    [Fact]
    public void A_failed_extraction_is_scored_empty_and_named_in_the_report()
    {
        // Inputs of over 100 characters are refused as too large: the seeds all fail, deterministically.
        var extractor = new ArticleExtractor(ExtractorOptions.Default with { MaxInputLength = 100 });
        var cases = GoldSet.Load(RepoPaths.Seeds);

        var report = GoldEvaluator.Evaluate(extractor, cases);

        report.Failures.Select(f => f.Id).Should().Equal(cases.Select(c => c.Id));
        report.Failures.Should().OnlyContain(f => f.Kind == "too-large" && f.Message.Length > 0);
        report.Articles.Should().HaveCount(cases.Length);
        var text = report.Format(verbose: false);
        text.Should().Contain($"{cases.Length} failed to extract, scored as empty records:").And.Contain($"  {cases[0].Id}: too-large: ");
    }

    [Fact]
    public void A_report_without_failures_says_nothing_of_them()
    {
        var cases = GoldSet.Load(RepoPaths.Seeds).Take(1).ToImmutableArray();

        var report = GoldEvaluator.Evaluate(ArticleExtractor.Default, cases);

        report.Failures.Should().BeEmpty();
        report.Format(verbose: false).Should().NotContain("failed to extract");
    }
}
