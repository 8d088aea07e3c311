using System.Security.Cryptography;
using Extract.Learning;
using Extract.Page;
using Extract.Recognition.Achievements;
using Extract.Recognition.Entities;
using Extract.Resources;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Extract.Tests.Learning;

public sealed class FlatTreesTests
{
    public static TheoryData<string> Models => new() { "entities", "page", "achievements", "actors" };

    [Theory]
    [MemberData(nameof(Models))]
    public void The_flat_form_is_the_zip_it_was_made_from(string name)
    {
        var zip = Bytes($"Extract.Models.{name}.zip");
        var flat = FlatTrees.Read(new MemoryStream(Bytes($"Extract.Models.{name}.trees")), name);
        var trained = LearnedModel<object, BinaryScore>.FromStream(new MemoryStream(zip), name);

        flat.Source.Should().Equal(SHA256.HashData(zip), "flatten-trees is run again whenever the zip is retrained");
        flat.Trees.SameAs(trained.Trees!).Should().BeTrue("the same trees, thresholds, leaf values and calibration, bit for bit");
        flat.Decision.Should().Be(DecisionEntry.TextOf(new MemoryStream(zip)));
        trained.InputSchema["Features"].Type.Should().BeOfType<VectorDataViewType>()
            .Which.Size.Should().Be(flat.FeatureCount);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_flat_trees_give_ML_NETs_probabilities(string name)
    {
        var zip = Bytes($"Extract.Models.{name}.zip");
        var flat = FlatTrees.Read(new MemoryStream(Bytes($"Extract.Models.{name}.trees")), name);
        var width = flat.FeatureCount;

        // Rows whose values sit on, just below and just above the trees' own thresholds, so every comparison is
        // probed at its edge, with zeros and NaN among them.
        var thresholds = flat.Trees.Splits().GroupBy(s => s.Feature).ToDictionary(g => g.Key, g => g.Select(s => s.Threshold).ToArray());
        var random = new Random(20260);
        const int Count = 300;
        var rows = new float[Count * width];
        for (var i = 0; i < rows.Length; i++)
        {
            var pick = random.Next(10);
            rows[i] = pick == 0 ? 0
                : pick == 1 ? float.NaN
                : thresholds.TryGetValue(i % width, out var t) ? Edge(t[random.Next(t.Length)], pick) : (float)random.NextDouble();
        }

        var expected = MlNetProbabilities(zip, rows, width);
        var actual = new float[Count];
        flat.Trees.Probabilities(rows, Count, width, actual);

        actual.Should().Equal(expected, "the flat walk must give ML.NET's probabilities bit for bit");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_row_scores_the_same_alone_as_in_a_block_of_any_size(string name)
    {
        var flat = FlatTrees.Read(new MemoryStream(Bytes($"Extract.Models.{name}.trees")), name);
        var width = flat.FeatureCount;
        var thresholds = flat.Trees.Splits().GroupBy(s => s.Feature).ToDictionary(g => g.Key, g => g.Select(s => s.Threshold).ToArray());
        var random = new Random(7);

        // More rows than one block of the walk holds (FastTreeScorer.BlockBytes), and not a whole number of blocks or of eight.
        var count = (3 * FastTreeScorer.BlockBytes / (width * sizeof(float))) + 5;
        var rows = new float[count * width];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = thresholds.TryGetValue(i % width, out var t) ? Edge(t[random.Next(t.Length)], 2 + random.Next(8)) : 0;
        }

        var together = new float[count];
        flat.Trees.Probabilities(rows, count, width, together);
        var alone = new float[count];
        for (var r = 0; r < count; r++)
        {
            flat.Trees.Probabilities(rows.AsSpan(r * width, width), 1, width, alone.AsSpan(r, 1));
        }

        together.Should().Equal(alone, "each row sums the same trees in the same order, whatever block it is walked in");
    }

    [Fact]
    public void The_library_reads_the_flat_forms_and_keeps_the_zips_for_ML_NET()
    {
        Same(EntityDecisionModel.Default.Trees, "entities");
        Same(PageBlockModel.Default.Model.Trees, "page");
        EmbeddedResource.Exists("Extract.Models.entities.zip").Should().BeTrue("the engine's reference scores read it when asked");
        PageBlockModel.Default.Model.InputSchema["Features"].Type.Should().BeOfType<VectorDataViewType>();
        AchievementDecisionModel.Default.ScoresDirectly.Should().BeTrue();

        static void Same(FastTreeScorer? trees, string name) =>
            trees!.SameAs(FlatTrees.Read(new MemoryStream(Bytes($"Extract.Models.{name}.trees")), name).Trees).Should().BeTrue();
    }

    [Fact]
    public void A_flat_form_round_trips_and_a_damaged_one_throws_naming_it()
    {
        var flat = FlatTrees.Read(new MemoryStream(Bytes("Extract.Models.actors.trees")), "actors");
        using var written = new MemoryStream();
        FlatTrees.Write(written, flat);
        written.ToArray().Should().Equal(Bytes("Extract.Models.actors.trees"));

        var bytes = written.ToArray();
        var cut = () => FlatTrees.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), "cut.trees");
        cut.Should().Throw<InvalidOperationException>().WithMessage("*'cut.trees'*");

        var tail = () => FlatTrees.Read(new MemoryStream([.. bytes, 0]), "tail.trees");
        tail.Should().Throw<InvalidOperationException>().WithMessage("*'tail.trees'*bytes after*");

        var zip = () => FlatTrees.Read(new MemoryStream(Bytes("Extract.Models.actors.zip")), "actors.zip");
        zip.Should().Throw<InvalidOperationException>().WithMessage("*bad magic*");
        FlatTrees.IsFlat(new MemoryStream(Bytes("Extract.Models.actors.zip"))).Should().BeFalse();
        FlatTrees.BesideZip("Extract.Models.actors.zip").Should().Be("Extract.Models.actors.trees");
    }

    [Fact]
    public void A_node_pointing_outside_the_trees_is_refused()
    {
        // One tree of one leaf, its node written by hand with a first child past the end.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(1);
            writer.Write(1);
            writer.Write(0.0);
            writer.Write(1.0);
            writer.Write(0.0);
            writer.Write(0);
            writer.Write(0);
            writer.Write(0);
            writer.Write(float.NaN);
            writer.Write(5);
            writer.Write(1.0);
        }

        stream.Position = 0;
        var read = () => FastTreeScorer.Read(stream);
        read.Should().Throw<InvalidDataException>().WithMessage("node 0 points at 5*");
    }

    private static float Edge(float threshold, int pick) => (pick % 3) switch
    {
        0 => threshold,
        1 => MathF.BitDecrement(threshold),
        _ => MathF.BitIncrement(threshold),
    };

    // ML.NET's own scores for the rows, through the zip's pipeline, with the feature column's size set at run time.
    private static float[] MlNetProbabilities(byte[] zip, float[] rows, int width)
    {
        var context = new MLContext(LearnedModel<Row, BinaryScore>.Seed);
        var transformer = context.Model.Load(new MemoryStream(zip), out _);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var data = context.Data.LoadFromEnumerable(
            Enumerable.Range(0, rows.Length / width).Select(r => new Row { Features = rows.AsSpan(r * width, width).ToArray() }), schema);
        return [.. context.Data.CreateEnumerable<BinaryScore>(transformer.Transform(data), reuseRowObject: false, ignoreMissingColumns: true).Select(s => s.Probability)];
    }

    private static byte[] Bytes(string resource)
    {
        using var stream = EmbeddedResource.Open(resource);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
