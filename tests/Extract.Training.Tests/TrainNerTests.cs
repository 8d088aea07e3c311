using Extract.Recognition;
using Extract.Recognition.Tagging;
using Extract.Training.Ner;

namespace Extract.Training.Tests;

/// <summary>The tagger trainer on a tiny corpus in the MSRA format (sentences written for the test, not from MSRA).</summary>
public sealed class TrainNerTests
{
    private static readonly string[] Lines =
    [
        "王小明/nr 在/o 北京/ns 工作/o 。/o",
        "李红/nr 来到/o 上海/ns 参观/o 。/o",
        "市民政局/nt 组织/o 张伟/nr 前往/o 广州/ns 。/o",
        "县教育局/nt 在/o 南京/ns 召开/o 会议/o 。/o",
        "赵强/nr 和/o 刘芳/nr 访问/o 天津/ns 。/o",
        "省财政厅/nt 派出/o 陈刚/nr 到/o 武汉/ns 调研/o 。/o",
    ];

    private static List<NerSentence> Corpus() => [.. Lines.Select(NerCorpus.ParseMsra)];

    private static TrainNerCommand.TrainedTagger Train(int seed)
    {
        var corpus = Corpus();
        return TrainNerCommand.Train(corpus, corpus, TaggerResources.Default, epochs: 6, patience: 6, minCount: 1, new Random(seed), TextWriter.Null);
    }

    [Fact]
    public void Msra_lines_parse_into_text_and_typed_spans()
    {
        var sentence = NerCorpus.ParseMsra("市民政局/nt 组织/o 张伟/nr 前往/o 广州/ns 。/o");
        sentence.Text.Should().Be("市民政局组织张伟前往广州。");
        sentence.Names.Should().Equal((new TextSpan(0, 4), NameType.Organization), (new TextSpan(6, 8), NameType.Person), (new TextSpan(10, 12), NameType.Location));
    }

    [Fact]
    public void Peoples_daily_lines_join_surname_and_given_name_and_bracketed_compounds()
    {
        var sentence = NerCorpus.ParsePeoplesDaily("19980101-01-001-002/m  [中共/j 中央/n]nt  总书记/n  江/nr  泽民/nr  在/p  北京/ns  。/w");
        sentence.Text.Should().Be("中共中央总书记江泽民在北京。");
        sentence.Names.Should().BeEquivalentTo(new[]
        {
            (new TextSpan(0, 4), NameType.Organization),
            (new TextSpan(7, 10), NameType.Person),
            (new TextSpan(11, 13), NameType.Location),
        });
    }

    [Fact]
    public void The_same_seed_trains_the_same_weights()
    {
        var first = Train(3);
        var second = Train(3);
        first.Keys.Should().Equal(second.Keys);
        first.Weights.Should().Equal(second.Weights);
        first.Transitions.Should().Equal(second.Transitions);
        first.BestEpoch.Should().Be(second.BestEpoch);
    }

    [Fact]
    public void A_trained_model_written_and_read_back_tags_its_training_names()
    {
        var trained = Train(5);
        trained.DevF1.Should().BeGreaterThan(0.9);
        var rows = trained.Keys.Select((key, f) => new KeyValuePair<ulong, float[]>(key, trained.Weights[(f * EntityLabels.Count)..((f + 1) * EntityLabels.Count)]));
        using var stream = new MemoryStream();
        PerceptronModel.Write(stream, rows, trained.Transitions);
        var tagger = new NameTagger(PerceptronModel.Read(stream.ToArray(), "test"), TaggerResources.Default);

        var sentence = Corpus()[2];
        var names = tagger.Tag(sentence.Text, 0, sentence.Text.Length, TrainNerCommand.Tokens(sentence.Text)).Select(n => (n.Span, n.Type));
        names.Should().BeEquivalentTo(sentence.Names);
    }
}
