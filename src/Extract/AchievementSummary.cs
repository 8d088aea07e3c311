using System.Collections.Immutable;

namespace Extract;

/// <summary>What achievements are grouped by when summed; the unit is always part of the group.</summary>
[Flags]
public enum AchievementGrouping
{
    /// <summary>By unit only.</summary>
    Unit = 0,
    /// <summary>Also by action (配送生活物资).</summary>
    Action = 1,
    /// <summary>Also by actor (the person, team or organisation credited).</summary>
    Actor = 2,
    /// <summary>Also by month (YYYY-MM of the achievement's date, else of the article's publish date).</summary>
    Month = 4,
}

/// <summary>One group of summed achievements.</summary>
public sealed record AchievementTotal
{
    /// <summary>The unit the values are in.</summary>
    public required string Unit { get; init; }

    /// <summary>The action, when grouped by action (null: unknown action).</summary>
    public string? Action { get; init; }

    /// <summary>The actor, when grouped by actor (null: unknown actor).</summary>
    public string? Actor { get; init; }

    /// <summary>YYYY-MM, when grouped by month (null: no date known).</summary>
    public string? Month { get; init; }

    /// <summary>The sum of the values.</summary>
    public decimal Value { get; init; }

    /// <summary>How many achievements were summed.</summary>
    public int Count { get; init; }

    /// <summary>True when any summed value was approximate (余/多/近…).</summary>
    public bool Approx { get; init; }
}

/// <summary>Sums achievements across one article or a batch.</summary>
public static class AchievementSummary
{
    /// <summary>Sums the achievements of <paramref name="articles"/> by unit and the chosen grouping, largest first.</summary>
    public static ImmutableArray<AchievementTotal> Sum(IEnumerable<Article> articles, AchievementGrouping grouping = AchievementGrouping.Action)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return [.. articles
            .SelectMany(article => article.Achievements.Select(a => (Article: article, Achievement: a)))
            .GroupBy(x => (
                x.Achievement.Unit,
                Action: grouping.HasFlag(AchievementGrouping.Action) ? x.Achievement.Action : null,
                Actor: grouping.HasFlag(AchievementGrouping.Actor) ? x.Achievement.Actor : null,
                Month: grouping.HasFlag(AchievementGrouping.Month) ? MonthOf(x.Achievement.Date ?? x.Article.PublishedAt) : null))
            .Select(g => new AchievementTotal
            {
                Unit = g.Key.Unit,
                Action = g.Key.Action,
                Actor = g.Key.Actor,
                Month = g.Key.Month,
                Value = g.Sum(x => x.Achievement.Value),
                Count = g.Count(),
                Approx = g.Any(x => x.Achievement.Approx),
            })
            .OrderByDescending(t => t.Count)
            .ThenByDescending(t => t.Value)
            .ThenBy(t => t.Unit, StringComparer.Ordinal)];
    }

    private static string? MonthOf(string? iso) => iso is { Length: >= 7 } && char.IsDigit(iso[0]) ? iso[..7] : null;
}
