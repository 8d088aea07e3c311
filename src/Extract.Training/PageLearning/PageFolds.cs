using Extract.Learning;
using Extract.Training.PageEvaluation;
using Extract.Page;

namespace Extract.Training.PageLearning;

/// <summary>
/// Grouped cross-validation over gold pages: every site (<see cref="PageSites"/>) falls in exactly one fold, and a
/// fold's model is trained on the other folds plus the extra annotated sets, less any extra page from a site in the
/// fold. No site is ever on both sides.
/// </summary>
internal sealed class PageFolds
{
    private PageFolds(int[] foldOf, string[] sites, int count)
    {
        FoldOf = foldOf;
        Sites = sites;
        Count = count;
    }

    /// <summary>The fold of each page, in page order.</summary>
    public int[] FoldOf { get; }

    /// <summary>The site of each page, in page order.</summary>
    public string[] Sites { get; }

    public int Count { get; }

    /// <summary>
    /// Assigns whole sites to folds: sites in order of size (largest first, ties by a seeded hash of the name), each to
    /// the fold with fewest pages so far. Deterministic for a seed.
    /// </summary>
    public static PageFolds Assign(IReadOnlyList<GoldPage> pages, int count, int seed)
    {
        var sites = pages.Select(PageSites.Of).ToArray();
        var groups = Enumerable.Range(0, pages.Count).GroupBy(i => sites[i], StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => Hash(g.Key, seed)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var sizes = new int[count];
        var foldOf = new int[pages.Count];
        foreach (var group in groups)
        {
            var fold = Array.IndexOf(sizes, sizes.Min());
            foreach (var i in group)
            {
                foldOf[i] = fold;
            }

            sizes[fold] += group.Count();
        }

        return new PageFolds(foldOf, sites, count);
    }

    /// <summary>Trains one model per fold (rows of the other folds plus extra pages from other sites); progress goes to stderr.</summary>
    public PageBlockModel[] TrainModels(IReadOnlyList<List<PageBlockRow>> rows, IReadOnlyList<GoldPage> extra, IReadOnlyList<List<PageBlockRow>> extraRows, int seed)
    {
        var extraSites = extra.Select(PageSites.Of).ToArray();
        var models = new PageBlockModel[Count];
        for (var fold = 0; fold < Count; fold++)
        {
            var testSites = Enumerable.Range(0, FoldOf.Length).Where(i => FoldOf[i] == fold).Select(i => Sites[i]).ToHashSet(StringComparer.Ordinal);
            var train = new List<PageBlockRow>();
            var pages = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                if (FoldOf[i] != fold)
                {
                    train.AddRange(rows[i]);
                    pages++;
                }
            }

            var dropped = 0;
            for (var i = 0; i < extraRows.Count; i++)
            {
                if (testSites.Contains(extraSites[i]))
                {
                    dropped++;
                    continue;
                }

                train.AddRange(extraRows[i]);
                pages++;
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            models[fold] = PageTrainer.Load(PageTrainer.Train(train, seed), $"fold {fold + 1}");
            Console.Error.WriteLine($"fold {fold + 1}/{Count}: trained on {pages} pages ({train.Count} blocks; {dropped} extra pages dropped for sharing a site with the fold) in {watch.Elapsed.TotalSeconds:F1} s; test sites: {string.Join(' ', testSites.Order(StringComparer.Ordinal))}");
        }

        return models;
    }

    private static uint Hash(string text, int seed)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
