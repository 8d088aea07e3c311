using System.Collections.Immutable;

namespace Extract.Evaluation;

/// <summary>
/// Actor and action accuracy on matched achievements, as ANNOTATION.md "Achievements" defines it: each gold
/// achievement is matched one-to-one to a predicted one with the same (value, unit) (the one whose text overlaps
/// the gold text first); on every matched pair the actor is right when both are null, when they are equal, or when
/// one names the same body in a longer form (市委组织部 / 驻马店市委组织部: the shorter ends the longer); the action is
/// right when both are null or when one phrase contains the other and the shorter has at least half the characters
/// of the longer. Strings are compared after the scorer's normalisation (<see cref="GoldScorer.Key"/>).
/// </summary>
internal static class AchievementScoring
{
    /// <summary>Right and total counts for actor and action over the matched achievements of one article.</summary>
    public static ((int Right, int Total) Actor, (int Right, int Total) Action) Score(IReadOnlyList<Achievement> predicted, IReadOnlyList<GoldAchievement> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        int actorRight = 0, actionRight = 0, matched = 0;
        foreach (var (p, g) in Match(predicted, gold))
        {
            matched++;
            actorRight += SameActor(p.Actor, g.Actor) ? 1 : 0;
            actionRight += SameAction(p.Action, g.Action) ? 1 : 0;
        }

        return ((actorRight, matched), (actionRight, matched));
    }

    /// <summary>
    /// One-to-one pairs of predicted and gold achievements with equal value and unit, in gold order; among
    /// several candidates the first whose text overlaps the gold text wins, else the first unused one.
    /// </summary>
    public static IEnumerable<(Achievement Predicted, GoldAchievement Gold)> Match(IReadOnlyList<Achievement> predicted, IReadOnlyList<GoldAchievement> gold)
    {
        var used = new bool[predicted.Count];
        foreach (var g in gold)
        {
            var best = -1;
            for (var i = 0; i < predicted.Count; i++)
            {
                if (used[i] || predicted[i].Value != g.Value || predicted[i].Unit != g.Unit)
                {
                    continue;
                }

                if (best < 0)
                {
                    best = i;
                }

                if (Overlaps(predicted[i].Text, g.Text))
                {
                    best = i;
                    break;
                }
            }

            if (best >= 0)
            {
                used[best] = true;
                yield return (predicted[best], g);
            }
        }
    }

    /// <summary>Both null, equal, or the same body in a longer or shorter form (the shorter ends the longer: 市委组织部 / 驻马店市委组织部).</summary>
    public static bool SameActor(string? predicted, string? gold)
    {
        if (predicted is null || gold is null)
        {
            return predicted is null && gold is null;
        }

        var (p, g) = (GoldScorer.Key(predicted), GoldScorer.Key(gold));
        if (p.Length == 0 || g.Length == 0)
        {
            return p.Length == g.Length;
        }

        var (shorter, longer) = p.Length <= g.Length ? (p, g) : (g, p);
        return longer.EndsWith(shorter, StringComparison.Ordinal) && shorter.Length >= 2 || shorter == longer;
    }

    /// <summary>Both null, or one contains the other and the shorter has at least half the characters of the longer.</summary>
    public static bool SameAction(string? predicted, string? gold)
    {
        if (predicted is null || gold is null)
        {
            return predicted is null && gold is null;
        }

        var (p, g) = (GoldScorer.Key(predicted), GoldScorer.Key(gold));
        var (shorter, longer) = p.Length <= g.Length ? (p, g) : (g, p);
        return longer.Contains(shorter, StringComparison.Ordinal) && 2 * shorter.Length >= longer.Length;
    }

    /// <summary>For the verbose report: per field ("actor", "action"), the gold and predicted forms of every wrong matched pair.</summary>
    public static IEnumerable<(string Field, (ImmutableArray<string> Gold, ImmutableArray<string> Predicted) Wrong)> Differences(IReadOnlyList<Achievement> predicted, IReadOnlyList<GoldAchievement> gold)
    {
        var pairs = Match(predicted, gold).ToList();
        var actor = pairs.Where(x => !SameActor(x.Predicted.Actor, x.Gold.Actor)).ToList();
        var action = pairs.Where(x => !SameAction(x.Predicted.Action, x.Gold.Action)).ToList();
        yield return ("actor", ([.. actor.Select(x => $"{x.Gold.Value}{x.Gold.Unit}={x.Gold.Actor ?? "null"}")], [.. actor.Select(x => $"{x.Predicted.Value}{x.Predicted.Unit}={x.Predicted.Actor ?? "null"}")]));
        yield return ("action", ([.. action.Select(x => $"{x.Gold.Value}{x.Gold.Unit}={x.Gold.Action ?? "null"}")], [.. action.Select(x => $"{x.Predicted.Value}{x.Predicted.Unit}={x.Predicted.Action ?? "null"}")]));
    }

    private static bool Overlaps(string a, string b)
    {
        var (x, y) = (GoldScorer.Key(a), GoldScorer.Key(b));
        return x.Length > 0 && y.Length > 0 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal));
    }
}
