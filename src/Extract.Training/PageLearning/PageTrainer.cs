using Extract.Learning;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Extract.Training.PageLearning;

/// <summary>
/// Trains the page-block classifier: FastTree (gradient-boosted trees) over <see cref="PageBlockRow"/>, weighted rows,
/// fixed seed, one thread (so a run reproduces bit for bit). The settings were fixed before any cross-validation run and
/// are printed in the model's PROVENANCE.md; they are not tuned on the test folds.
/// </summary>
internal static class PageTrainer
{
    public const int Trees = 300;
    public const int Leaves = 20;
    public const int MinLeaf = 10;
    public const double LearningRate = 0.1;

    /// <summary>Fits a model on <paramref name="rows"/> and returns it saved as an ML.NET zip.</summary>
    public static byte[] Train(IReadOnlyList<PageBlockRow> rows, int seed)
    {
        var context = LearnedModel<PageBlockRow, PageBlockScore>.CreateContext(seed);
        var data = context.Data.LoadFromEnumerable(rows);
        var trainer = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(PageBlockRow.Label),
            FeatureColumnName = nameof(PageBlockRow.Features),
            ExampleWeightColumnName = nameof(PageBlockRow.Weight),
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinLeaf,
            LearningRate = LearningRate,
            Seed = seed,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        using var stream = new MemoryStream();
        context.Model.Save(model, data.Schema, stream);
        return ModelZip.Reproducible(stream.ToArray());
    }

    /// <summary>Loads bytes from <see cref="Train"/> the way the library loads its embedded model.</summary>
    public static PageBlockModel Load(byte[] zip, string name)
    {
        using var stream = new MemoryStream(zip, writable: false);
        return PageBlockModel.FromStream(stream, name);
    }
}
