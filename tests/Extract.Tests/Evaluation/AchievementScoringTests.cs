using Extract.Evaluation;

namespace Extract.Tests.Evaluation;

/// <summary>The actor/action scoring rule of ANNOTATION.md "Achievements".</summary>
public sealed class AchievementScoringTests
{
    private static Achievement Predicted(decimal value, string unit, string? actor, string? action, string text = "") =>
        new() { Text = text, Value = value, Unit = unit, Actor = actor, Action = action };

    private static GoldAchievement Gold(decimal value, string unit, string? actor, string? action, string text = "") =>
        new(text, value, unit, false, actor, action);

    [Theory]
    [InlineData("市委组织部", "驻马店市委组织部", true)]
    [InlineData("驻马店市委组织部", "市委组织部", true)]
    [InlineData("郝庄镇", "郝庄镇", true)]
    [InlineData("郝庄镇卫生院", "郝庄镇", false)]
    [InlineData("陕煤集团", "陕西煤业化工集团", false)]
    [InlineData("艾力", "王斌之", false)]
    [InlineData(null, null, true)]
    [InlineData("郝庄镇", null, false)]
    [InlineData(null, "郝庄镇", false)]
    public void Actor_is_right_when_equal_or_the_same_body_in_a_longer_or_shorter_form(string? predicted, string? gold, bool right) =>
        AchievementScoring.SameActor(predicted, gold).Should().Be(right);

    [Theory]
    [InlineData("采集核酸", "上门采集核酸", true)] // 4 of 6 characters
    [InlineData("核酸检测", "全员核酸检测", true)]
    [InlineData("物资配送", "完成物资配送", true)] // the light verb may stay or go
    [InlineData("选派", "选派干部下沉社区", false)] // 2 of 8: shorter than half
    [InlineData("配送", "配送物资", true)] // exactly half
    [InlineData("配送物资", "运送物资", false)] // neither contains the other
    [InlineData(null, null, true)]
    [InlineData("采集核酸", null, false)]
    [InlineData(null, "采集核酸", false)]
    public void Action_is_right_when_one_contains_the_other_and_the_shorter_has_half_the_characters(string? predicted, string? gold, bool right) =>
        AchievementScoring.SameAction(predicted, gold).Should().Be(right);

    [Fact]
    public void Only_achievements_matched_by_value_and_unit_count_and_the_overlapping_text_wins()
    {
        var predicted = new[]
        {
            Predicted(30, "人", "甲社区", "清理垃圾", "甲社区30人清理垃圾"),
            Predicted(30, "人", "乙街道", "巡逻", "乙街道30人巡逻"),
            Predicted(5, "吨", "丙公司", "运送", "运送5吨"),
        };
        var gold = new[]
        {
            Gold(30, "人", "乙街道", "巡逻", "乙街道30人巡逻"),
            Gold(30, "人", "甲社区", "清理", "甲社区30人清理垃圾"), // action: 2 of 4 characters, right
            Gold(7, "户", "丁村", "走访"), // unmatched: counts for nothing
        };

        var (actor, action) = AchievementScoring.Score(predicted, gold);

        actor.Should().Be((2, 2));
        action.Should().Be((2, 2));
    }

    [Fact]
    public void A_null_gold_actor_counts_and_is_right_only_for_a_null_prediction()
    {
        var (actor, action) = AchievementScoring.Score(
            [Predicted(3, "轮", "某队", null), Predicted(4, "次", null, "消杀")],
            [Gold(3, "轮", null, null), Gold(4, "次", null, "消杀作业")]);

        actor.Should().Be((1, 2));
        action.Should().Be((2, 2));
    }
}
