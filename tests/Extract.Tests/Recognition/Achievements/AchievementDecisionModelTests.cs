using System.Collections.Immutable;
using Extract.Calendar;
using Extract.Recognition;
using Extract.Recognition.Achievements;
using Extract.Recognition.Numbers;
using Extract.Segmentation;
using Extract.Tokens;

namespace Extract.Tests.Recognition.Achievements;

/// <summary>The learned achievement decision: it loads, refuses what is not one, and never keeps a vetoed quantity.</summary>
public sealed class AchievementDecisionModelTests
{
    private static (DocumentText Document, Mentions Found) Analyse(string body)
    {
        var tokens = PosSegmenter.Default.Tokenize(body).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End)).ToImmutableArray();
        var document = new DocumentText(body, [new TextSpan(0, body.Length)], tokens, new ReferenceDates(null, null, null, null));
        return (document, new QuantityRecognizer().Recognize(document, Mentions.Empty, CancellationToken.None));
    }

    [Fact]
    public void The_embedded_model_loads_with_probability_thresholds()
    {
        var model = AchievementDecisionModel.Default;
        model.Threshold.Should().BeInRange(0, 1);
        model.AddThreshold.Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void A_stream_that_is_not_a_model_is_refused_with_its_name()
    {
        var act = () => AchievementDecisionModel.FromStream(new MemoryStream([1, 2, 3]), "bogus.zip");
        act.Should().Throw<Exception>().WithMessage("*bogus.zip*");
    }

    [Fact]
    public void Scoring_the_trees_directly_gives_ml_net_s_probabilities()
    {
        var (document, found) = Analyse("社区组织志愿者120名，配送生活物资1200份，上门采集核酸5463人次，累计服务800余小时，发放宣传单3000份。");
        var candidates = AchievementCandidates.For(document, found);
        candidates.Should().HaveCountGreaterThan(3);
        AchievementDecisionModel.Default.ScoresDirectly.Should().BeTrue("the shipped model is a FastTree binary model");

        var direct = AchievementDecisionModel.Default.Probabilities(candidates);
        var reference = AchievementDecisionModel.Default.ScoreWithTransform(candidates);

        direct.Should().HaveCount(reference.Length);
        for (var i = 0; i < direct.Length; i++)
        {
            direct[i].Should().BeApproximately(reference[i], 1e-5f);
        }
    }

    [Fact]
    public void Distances_percentages_and_points_in_time_are_vetoed_whatever_the_model_scores()
    {
        var (document, found) = Analyse("志愿者步行3公里送药，完成率达到95%，8小时后配送物资300份。");
        var candidates = AchievementCandidates.For(document, found);
        candidates.Where(c => c.Vetoed).Select(c => c.Quantity.Unit).Should().Contain(["公里", "%", "小时"]);
        var kept = AchievementDecisionModel.Default.Kept(candidates);
        kept.Should().NotIntersectWith(candidates.Where(c => c.Vetoed).Select(c => c.Quantity.Span));
    }

    [Fact]
    public void A_length_is_a_candidate_only_as_the_extent_of_a_work_built_or_cleared()
    {
        var (document, found) = Analyse("村党支部组织党员新修产业路3.2公里，清淤河道1.3公里，距离镇上3公里，全长5公里的道路已通车。");
        var candidates = AchievementCandidates.For(document, found);
        var lengths = candidates.Where(c => c.Quantity.Unit == "公里").ToList();
        lengths.Select(c => (c.Quantity.Value, c.RuleVerdict, c.Vetoed)).Should().Equal((3.2m, true, false), (1.3m, true, false), (3m, false, true), (5m, false, true));
    }

    [Fact]
    public void A_delivered_count_credited_to_a_body_is_kept()
    {
        const string body = "东湖村组织志愿者配送生活物资1200份。";
        var (document, found) = Analyse(body);
        var place = body.IndexOf("东湖村", StringComparison.Ordinal);
        found = found with { Places = [new PlaceMention(new TextSpan(place, place + 3), "东湖村", PlaceLevel.Village, null, [])] };
        var candidates = AchievementCandidates.For(document, found);
        AchievementDecisionModel.Default.Kept(candidates).Should().Contain(candidates.Single(c => c.Quantity.Unit == "份").Quantity.Span);
    }
}
