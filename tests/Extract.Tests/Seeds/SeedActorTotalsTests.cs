using Extract.Evaluation;
using Xunit.Abstractions;

namespace Extract.Tests.Seeds;

/// <summary>
/// <c>extract summarize</c>'s per-actor totals on the seeds: every total is the sum of the achievements credited to that
/// actor, and the totals per (actor, unit) come close to the gold ones (the same sums over the gold achievements).
/// </summary>
public sealed class SeedActorTotalsTests(ITestOutputHelper output)
{
    [Fact]
    public void Totals_per_actor_add_up_and_match_most_of_the_gold_value()
    {
        var cases = GoldSet.Load(RepoPaths.Seeds);
        var articles = cases
            .Select(c => ArticleExtractor.Default.Extract(c.Source()).Article!)
            .ToList();
        var totals = AchievementSummary.Sum(articles, AchievementGrouping.Actor);

        foreach (var total in totals)
        {
            var credited = articles.SelectMany(a => a.Achievements).Where(a => a.Actor == total.Actor && a.Unit == total.Unit).ToList();
            total.Value.Should().Be(credited.Sum(a => a.Value));
            total.Count.Should().Be(credited.Count);
        }

        // Gold value per (actor, unit), against the predicted total for the same actor (in the scorer's sense) and unit.
        var gold = cases.SelectMany(c => c.Gold.Achievements)
            .GroupBy(a => (a.Actor, a.Unit))
            .Select(g => (g.Key.Actor, g.Key.Unit, Value: g.Sum(a => a.Value)))
            .ToList();
        var goldValue = gold.Sum(g => g.Value);
        var reproduced = gold
            .Where(g => totals.Any(t => t.Unit == g.Unit && AchievementScoring.SameActor(t.Actor, g.Actor) && t.Value >= g.Value * 0.9m && t.Value <= g.Value * 1.1m))
            .Sum(g => g.Value);
        var share = (double)(reproduced / goldValue);
        output.WriteLine($"gold value per (actor, unit) reproduced within 10%: {share:0.000}");
        share.Should().BeGreaterThan(0.5);
    }
}
