using Extract.Learning;
using Extract.Training.PageEvaluation;
using Extract.Page;

namespace Extract.Training.PageLearning;

/// <summary>What grouped cross-validation made of the test pages: each page scored by the model of its own fold.</summary>
/// <param name="Folds">The fold plan.</param>
/// <param name="Results">The model's result for each test page, in page order.</param>
/// <param name="PagesPerSecond">Single-threaded page-stage speed with the fold models, warm.</param>
internal sealed record CrossValidated(PageFolds Folds, IReadOnlyList<PageResult> Results, double PagesPerSecond);

/// <summary>The one cross-validation procedure that <c>train-page</c> and <c>eval-page --cv</c> both run, so their fold figures agree.</summary>
internal static class PageCrossValidation
{
    /// <summary>Features and labels of every page, with progress on stderr.</summary>
    public static List<List<PageBlockRow>> Rows(IReadOnlyList<GoldPage> pages)
    {
        var sets = string.Join('+', pages.Select(p => p.Set).Distinct(StringComparer.Ordinal));
        var rows = new List<List<PageBlockRow>>(pages.Count);
        foreach (var page in pages)
        {
            rows.Add(PageRows.Build(page));
        }

        Console.Error.WriteLine($"{(sets.Length > 0 ? sets : "-")}: {pages.Count} pages, {rows.Sum(r => r.Count)} blocks, {rows.Sum(r => r.Count(b => b.Label))} labelled article text");
        return rows;
    }

    public static CrossValidated Run(IReadOnlyList<GoldPage> pages, IReadOnlyList<GoldPage> extra, int folds, int seed)
    {
        var plan = PageFolds.Assign(pages, folds, seed);
        var models = plan.TrainModels(Rows(pages), extra, Rows(extra), seed);
        var results = new PageResult[pages.Count];
        var seconds = 0.0;
        for (var fold = 0; fold < folds; fold++)
        {
            var members = Enumerable.Range(0, pages.Count).Where(i => plan.FoldOf[i] == fold).ToList();
            var (foldResults, rate) = EvalPageCommand.Measure(PageRun.WithModel(models[fold]), [.. members.Select(i => pages[i])]);
            for (var j = 0; j < members.Count; j++)
            {
                results[members[j]] = foldResults[j];
            }

            seconds += members.Count / rate;
        }

        return new CrossValidated(plan, results, pages.Count / seconds);
    }
}
