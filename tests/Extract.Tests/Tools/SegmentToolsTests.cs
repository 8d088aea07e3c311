using Extract.Segmentation;
using Extract.Segmentation.Cli;

namespace Extract.Tests.Tools;

/// <summary>The segment and eval-seg tools' helpers (in Extract.Evaluation, not in the shipped segmenter).</summary>
public sealed class SegmentToolsTests
{
    [Fact]
    public void SegmentRunner_writes_one_line_per_input_line()
    {
        var output = new StringWriter();
        SegmentRunner.Run(new StringReader("我来到北京清华大学\n他来到了网易杭研大厦\n"), output, pos: false, "default", hmm: true, CancellationToken.None);
        output.ToString().Should().Be("我 来到 北京 清华大学\n他 来到 了 网易 杭研 大厦\n".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
        output = new StringWriter();
        SegmentRunner.Run(new StringReader("我来到北京"), output, pos: true, TokenizerMode.Default, hmm: true, CancellationToken.None);
        output.ToString().TrimEnd().Should().Be("我/r 来到/v 北京/ns");
        var bad = () => SegmentRunner.Run(new StringReader("x"), new StringWriter(), pos: false, "fast", hmm: true, CancellationToken.None);
        bad.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void SighanScorer_counts_spans_and_oov()
    {
        var score = SighanScorer.Score(
            ["我来到北京清华大学", "他来了"],
            ["我  来到  北京  清华  大学", "他  来  了"],
            ["我", "来到", "北京", "他", "来", "了", "清华大学"],
            line => line.Length > 3 ? ["我", "来到", "北京", "清华大学"] : ["他", "来", "了"]);
        // ours: 我 来到 北京 清华大学 | 他 来 了  (7 words); gold: 8 words; correct: 我 来到 北京 他 来 了 = 6
        score.GoldWords.Should().Be(8);
        score.PredictedWords.Should().Be(7);
        score.CorrectWords.Should().Be(6);
        score.Precision.Should().BeApproximately(6.0 / 7, 1e-12);
        score.Recall.Should().BeApproximately(6.0 / 8, 1e-12);
        score.OovGoldWords.Should().Be(2);
        score.OovRecall.Should().Be(0);
        score.MismatchedLines.Should().Be(0);
    }
}
