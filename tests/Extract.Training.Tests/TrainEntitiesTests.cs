using Extract.Learning;
using Extract.Recognition;
using Extract.Recognition.Entities;
using Extract.Recognition.Tagging;
using Extract.Training.EntityLearning;
using Extract.Training.Ner;

namespace Extract.Training.Tests;

/// <summary>The entity-decision trainer on a few sentences written for the test (not from MSRA).</summary>
public sealed class TrainEntitiesTests
{
    private static readonly string[] Lines =
    [
        "宿州市埇桥区/ns 政府/o 组织/o 王小明/nr 参观/o 。/o",
        "零陵区税务局/nt 党委书记/o 蒋文锋/nr 说/o ，/o 大家/o 辛苦/o 了/o 。/o",
        "李红/nr 来到/o 上海/ns 参观/o 。/o",
        "江/nr 主席/o 会见/o 了/o 客人/o 。/o",
        "小毛/nr 和/o 老王/nr 陪/o 王小明/nr 去/o 了/o 。/o",
    ];

    [Fact]
    public void Gold_chains_the_place_rules_tile_become_atomic_places_and_one_character_people_go()
    {
        var sentences = Lines.Select(NerCorpus.ParseMsra).ToList();
        var first = EntityRows.Build(sentences[0], []);
        first.Gold.Should().Contain((new TextSpan(0, 3), NameType.Location)).And.Contain((new TextSpan(3, 6), NameType.Location));
        first.Gold.Should().NotContain((new TextSpan(0, 6), NameType.Location));
        EntityRows.Build(sentences[3], []).Gold.Should().BeEmpty();
    }

    [Fact]
    public void Forms_of_address_leave_the_gold_and_full_names_stay()
    {
        var built = EntityRows.Build(NerCorpus.ParseMsra(Lines[4]), []);
        built.Gold.Should().Equal((new TextSpan(6, 9), NameType.Person));
    }

    [Fact]
    public void The_same_seed_trains_the_same_model_and_it_loads_like_the_embedded_one()
    {
        var features = EntityRows.Features();
        var sentences = Lines.Select(NerCorpus.ParseMsra).Select(s => EntityRows.Build(s, [])).ToList();
        var rows = Enumerable.Repeat(sentences, 20).SelectMany(s => s).SelectMany(s => EntityRows.Rows(s, features)).ToList();
        rows.Should().Contain(r => r.Label).And.Contain(r => !r.Label);

        var first = ModelZip.Reproducible(TrainEntitiesCommand.Train(rows, 7), (EntityDecisionModel.DecisionEntry, EntityDecisionModel.DecisionText(0.5f)));
        var second = ModelZip.Reproducible(TrainEntitiesCommand.Train(rows, 7), (EntityDecisionModel.DecisionEntry, EntityDecisionModel.DecisionText(0.5f)));
        first.Should().Equal(second);

        using var stream = new MemoryStream(first);
        var model = EntityDecisionModel.FromStream(stream, "tiny");
        model.Threshold.Should().Be(0.5f);
        var probabilities = sentences.Select(s => model.Score(features, s.Document, s.Candidates, CancellationToken.None)).ToList();
        var counts = TrainEntitiesCommand.Decode(sentences, probabilities, 0.5f);
        counts.Recall.Should().BeGreaterThan(0.5, "the model saw these very sentences");
    }
}
