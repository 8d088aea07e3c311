namespace Extract.Recognition.Dates;

/// <summary>What a date expression names before it is resolved against its context.</summary>
internal enum DateExpressionKind
{
    /// <summary>Year, month and day written: 2021年12月31日, 2020-02-11.</summary>
    Absolute,

    /// <summary>Month and day, no year: 11月2日.</summary>
    MonthDay,

    /// <summary>Day only: 4日 (the month comes from context).</summary>
    DayOnly,

    /// <summary>A month: 2022年7月, 7月中旬 (value YYYY-MM).</summary>
    Month,

    /// <summary>A day relative to the day in scope: 当天 (0), 次日 (+1), 昨天 (−1).</summary>
    Relative,

    /// <summary>A weekday, optionally in a given week: 周一, 上周三.</summary>
    Weekday,

    /// <summary>A named holiday: 元旦, 春节, 中秋.</summary>
    Holiday,

    /// <summary>A time of day alone: 晚上8点半, 18:18 (the date comes from context).</summary>
    TimeOnly,
}

/// <summary>
/// One extracted date or time expression (the extractor's output, the resolver's input): its span and the
/// parts written. Deictic marks 今天/昨天-style words, which inside quoted speech have no known anchor.
/// </summary>
internal sealed record DateExpression(TextSpan Span, DateExpressionKind Kind)
{
    public int? Year { get; init; }

    public int? Month { get; init; }

    public int? Day { get; init; }

    public int? Hour { get; init; }

    public int Minute { get; init; }

    /// <summary>Days from the anchor for <see cref="DateExpressionKind.Relative"/>.</summary>
    public int Offset { get; init; }

    public bool Deictic { get; init; }

    /// <summary>1 = Monday … 7 = Sunday.</summary>
    public int Weekday { get; init; }

    /// <summary>Weeks from the reference week (上周 −1, 本周 0, 下周 +1); null for a bare weekday.</summary>
    public int? WeekOffset { get; init; }

    public string? Holiday { get; init; }

    /// <summary>Years from the reference year (去年 −1, 今年 0, 明年 +1), or null when none is written.</summary>
    public int? YearOffset { get; init; }

    /// <summary>Months from the reference month (上月 −1, 本月 0, 下月 +1), or null when none is written.</summary>
    public int? MonthOffset { get; init; }
}
