using Extract.Learning;

namespace Extract.Tests.Learning;

public sealed class FastTreeScorerTests
{
    [Fact]
    public void A_tree_is_laid_out_breadth_first_with_each_nodes_children_side_by_side()
    {
        // ML.NET's form: internal node 0 splits feature 2 at 0.5 into internal node 1 and leaf 0 (~0); node 1 splits
        // feature 4 at 1.5 into leaf 1 (~1) and leaf 2 (~2).
        var nodes = new List<FastTreeScorer.Node> { new(7, 7f, 7) };
        var values = new List<double> { 7 };
        FastTreeScorer.AddTree([2, 4], [0.5f, 1.5f], [1, ~1], [~0, ~2], [10.0, 20.0, 30.0], 0.5, nodes, values);

        nodes.Should().HaveCount(6, "the node already there and the tree's two internal nodes and three leaves");
        nodes[1].Should().Be(new FastTreeScorer.Node(2, 0.5f, 2), "the root's children are places 2 and 3");
        nodes[2].Should().Be(new FastTreeScorer.Node(4, 1.5f, 4), "internal node 1 comes first, its children at 4 and 5");
        values.Skip(1).Should().Equal(0, 0, 5.0, 10.0, 15.0);

        // Every value goes to the second child of a leaf (a split at NaN), which is the leaf itself.
        foreach (var leaf in new[] { 3, 4, 5 })
        {
            float.IsNaN(nodes[leaf].Threshold).Should().BeTrue();
            (nodes[leaf].First + 1).Should().Be(leaf);
        }

        Walk(nodes, 1, [0, 0, 0.2f, 0, 1f]).Should().Be(4, "0.2 ≤ 0.5 goes to node 1, 1 ≤ 1.5 to leaf 1");
        Walk(nodes, 1, [0, 0, 0.2f, 0, 2f]).Should().Be(5);
        Walk(nodes, 1, [0, 0, 0.9f, 0, 0f]).Should().Be(3);
        Walk(nodes, 1, [0, 0, float.NaN, 0, 0f]).Should().Be(3, "NaN is not ≤ the threshold, as in ML.NET");
    }

    [Fact]
    public void A_tree_of_one_leaf_is_one_node()
    {
        var nodes = new List<FastTreeScorer.Node>();
        var values = new List<double>();
        FastTreeScorer.AddTree([], [], [], [], [3.0], 2.0, nodes, values);
        nodes.Should().ContainSingle();
        values.Should().Equal(6.0);
        Walk(nodes, 0, [1f]).Should().Be(0);
    }

    private static int Walk(List<FastTreeScorer.Node> nodes, int node, float[] row)
    {
        for (var step = 0; step < 4; step++)
        {
            var n = nodes[node];
            node = n.First + (row[n.Feature] <= n.Threshold ? 0 : 1);
        }

        return node;
    }
}
