using Extract.Evaluation;
using Xunit.Abstractions;

namespace Extract.Tests.Seeds;

/// <summary>
/// The 120 in-domain articles of corpus/entities (written for the project) scored by the default pipeline and by the
/// hand merge; fails when a figure leaves its band (the figure recorded in corpus/entities/thresholds.json minus the
/// tolerance of <see cref="RegressionBand"/>: 0.03 for names, 0.02 for the rest).
/// </summary>
public sealed class EntityCorpusRegressionTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "corpus", "entities");

    private static Dictionary<string, double> Thresholds() => RegressionBand.Recorded(Path.Combine(Folder, "thresholds.json"));

    [Theory]
    [InlineData("learned", EntityStrategy.Learned)]
    [InlineData("merged", EntityStrategy.Merged)]
    public void Every_figure_stays_inside_its_band(string prefix, EntityStrategy strategy)
    {
        var cases = GoldSet.Load(Folder);
        cases.Should().HaveCount(120);
        var report = GoldEvaluator.Evaluate(new ArticleExtractor(ExtractorOptions.Default with { Entities = strategy }), cases);
        output.WriteLine(report.Format(verbose: false));
        var metrics = report.Metrics();
        var thresholds = Thresholds().Where(t => t.Key.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();
        thresholds.Should().NotBeEmpty();
        RegressionBand.Failures(thresholds, m => metrics[m], prefix + ".").Should().BeEmpty();
    }
}
