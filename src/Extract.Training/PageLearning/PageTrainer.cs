using Extract.Learning;
using Extract.Page;

namespace Extract.Training.PageLearning;

/// <summary>
/// Trains the page-block classifier: FastTree (gradient-boosted trees) over <see cref="PageBlockRow"/>, weighted rows,
/// fixed seed, one thread (so a run reproduces bit for bit). The settings were fixed before any cross-validation run and
/// are printed in the model's PROVENANCE.md; they are not tuned on the test folds.
/// </summary>
internal static class PageTrainer
{
    public static readonly TreeSettings Settings = new(Trees: 300, Leaves: 20, MinLeaf: 10, LearningRate: 0.1);

    /// <summary>Fits a model on <paramref name="rows"/> and returns it saved as an ML.NET zip.</summary>
    public static byte[] Train(IReadOnlyList<PageBlockRow> rows, int seed) => ModelZip.Reproducible(ModelZip.FitFastTree(rows, Settings, seed));

    /// <summary>Loads bytes from <see cref="Train"/> the way the library loads its embedded model.</summary>
    public static PageBlockModel Load(byte[] zip, string name)
    {
        using var stream = new MemoryStream(zip, writable: false);
        return PageBlockModel.FromStream(stream, name);
    }
}
