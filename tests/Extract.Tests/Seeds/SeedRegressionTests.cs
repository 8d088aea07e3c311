using Extract.Evaluation;
using Extract.Json;
using Xunit.Abstractions;

namespace Extract.Tests.Seeds;

/// <summary>
/// Scores the default pipeline on the seed articles against their gold records; fails when a figure leaves its band:
/// the figure recorded in seeds/thresholds.json minus <see cref="RegressionBand.NameTolerance"/> (0.03) for people,
/// organisations, places and entities, <see cref="RegressionBand.OtherTolerance"/> (0.02) for the rest.
/// </summary>
public sealed class SeedRegressionTests(ITestOutputHelper output)
{
    private static readonly Lazy<EvalReport> Report = new(() => GoldEvaluator.Evaluate(ArticleExtractor.Default, GoldSet.Load(RepoPaths.Seeds)));

    private static Dictionary<string, double> Thresholds() => RegressionBand.Recorded(Path.Combine(RepoPaths.Seeds, "thresholds.json"));

    [Fact]
    public void Every_figure_stays_inside_its_band()
    {
        var report = Report.Value;
        output.WriteLine(report.Format(verbose: true));
        var metrics = report.Metrics();
        RegressionBand.Failures(Thresholds(), m => metrics[m]).Should().BeEmpty();
    }

    [Fact]
    public void Thresholds_name_known_metrics_and_cover_every_field()
    {
        var metrics = Report.Value.Metrics();
        var thresholds = Thresholds();
        thresholds.Keys.Should().BeSubsetOf(metrics.Keys);
        foreach (var field in EvalReport.FieldOrder)
        {
            thresholds.Should().ContainKey($"{field}.f1");
        }
    }

    [Fact]
    public void Every_seed_gives_a_valid_record_with_a_body_and_bylines()
    {
        var cases = GoldSet.Load(RepoPaths.Seeds);
        cases.Should().HaveCount(4);
        foreach (var gold in cases)
        {
            var source = ArticleSource.FromText(gold.Id, File.ReadAllText(gold.SourcePath)) with { FetchedAt = gold.FetchedAt };
            var result = ArticleExtractor.Default.Extract(source);
            result.IsSuccess.Should().BeTrue(result.Error);
            var article = result.Article!;
            article.Body.Length.Should().BeGreaterThan(1000, gold.Id);
            (article.Authors.Length + article.Editors.Length).Should().BeGreaterThan(0, gold.Id);
            var json = ArticleJson.Serialize(article);
            ArticleJson.Deserialize(json).Body.Should().Be(article.Body);
            foreach (var date in article.Dates.Where(d => d.Span is not null))
            {
                article.Body[date.Span!.Value.Start..date.Span.Value.End].Should().Be(date.Text);
            }

            foreach (var achievement in article.Achievements.Where(a => a.Span is not null))
            {
                article.Body[achievement.Span!.Value.Start..achievement.Span.Value.End].Should().Be(achievement.Text);
            }
        }
    }
}
