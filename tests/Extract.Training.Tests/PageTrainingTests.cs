using System.Text;
using Extract.Page;
using Extract.Training.PageEvaluation;
using Extract.Training.PageLearning;

namespace Extract.Training.Tests;

/// <summary>train-page's pieces on a tiny gold folder of our own pages (Fixtures/train-tiny, the cwced layout).</summary>
public sealed class PageTrainingTests
{
    private static string TinyFolder => Path.Combine(AppContext.BaseDirectory, "Page", "Fixtures", "train-tiny");

    [Fact]
    public void Gold_labels_mark_the_paragraphs_and_not_the_furniture()
    {
        var page = GoldSets.Load(TinyFolder)[0];

        var rows = PageRows.Build(page);

        rows.Count(r => r.Label).Should().Be(3, "the three gold paragraphs, and nothing else");
    }

    [Fact]
    public void Training_twice_with_the_same_seed_gives_the_same_predictions()
    {
        var rows = GoldSets.Load(TinyFolder).SelectMany(PageRows.Build).ToList();

        var first = PageTrainer.Load(PageTrainer.Train(rows, seed: 7), "run 1");
        var second = PageTrainer.Load(PageTrainer.Train(rows, seed: 7), "run 2");

        var layout = HtmlPageExtractor.Layout(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Page", "Fixtures", "trs-gov-page.html"), Encoding.UTF8), ExtractorOptions.Default, CancellationToken.None)!;
        var title = PageTitle.Choose(layout);
        var area = ContentScorer.Choose(layout, CancellationToken.None);
        first.Score(layout, title, area, CancellationToken.None).Should().Equal(second.Score(layout, title, area, CancellationToken.None));
    }
}
