using System.Text.Json;
using Extract.Evaluation;
using Xunit.Abstractions;

namespace Extract.Tests.Seeds;

/// <summary>
/// The 120 in-domain articles of corpus/entities (written for the project) scored by the default pipeline and by the
/// learned entity decision; fails when a figure drops below corpus/entities/thresholds.json.
/// </summary>
public sealed class EntityCorpusRegressionTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "corpus", "entities");

    private static Dictionary<string, double> Thresholds()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "thresholds.json")));
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }

    [Theory]
    [InlineData("merged", EntityStrategy.Merged)]
    [InlineData("learned", EntityStrategy.Learned)]
    public void No_figure_drops_below_its_threshold(string prefix, EntityStrategy strategy)
    {
        var cases = GoldSet.Load(Folder);
        cases.Should().HaveCount(120);
        var report = GoldEvaluator.Evaluate(new ArticleExtractor(ExtractorOptions.Default with { Entities = strategy }), cases);
        output.WriteLine(report.Format(verbose: false));
        var metrics = report.Metrics();
        var thresholds = Thresholds().Where(t => t.Key.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList();
        thresholds.Should().NotBeEmpty();
        var failures = thresholds
            .Select(t => (Metric: t.Key[(prefix.Length + 1)..], t.Value))
            .Where(t => metrics[t.Metric] + 1e-9 < t.Value)
            .Select(t => $"{prefix}.{t.Metric}: {metrics[t.Metric]:0.000} < threshold {t.Value:0.000}")
            .ToList();
        failures.Should().BeEmpty();
    }
}
