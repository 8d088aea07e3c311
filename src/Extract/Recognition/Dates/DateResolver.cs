using System.Collections.Immutable;
using System.Globalization;

namespace Extract.Recognition.Dates;

/// <summary>A resolved expression: its span and ISO-8601 value (YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM, --MM-DD, or THH:MM for a time alone).</summary>
internal sealed record ResolvedDate(DateExpression Expression, string Value);

/// <summary>
/// Gives each <see cref="DateExpression"/> its ISO value, in text order, following ANNOTATION.md:
/// a month-day without a year is the latest such day not after the reference date (a holiday: the occurrence nearest it) — or, once the text has
/// stated a year, the such day nearest the last date resolved (so 2021年12月31日 … 1月1日 is 2022-01-01);
/// a day alone takes the month of the last date in scope; 当天/次日-style words count from the last date the article
/// told, in any paragraph before; 今天/昨天-style words count from the reference (publish) date in the narrative and
/// from the paragraph's last date in quoted speech (dropped when it has none: the speaker's "today" is unknown);
/// weekdays and times alone count from the last date in the same paragraph (or, at the start of a paragraph, the last
/// date of the paragraph just before), else the reference date.
/// </summary>
internal sealed class DateResolver
{
    /// <summary>Resolves <paramref name="expressions"/> (in text order) found in <paramref name="text"/>.</summary>
    /// <param name="text">The text the expressions were found in.</param>
    /// <param name="expressions">The date expressions, in text order.</param>
    /// <param name="paragraphs">Paragraph spans; scope for relative days. Empty: the whole text is one paragraph.</param>
    /// <param name="reference">The date that relative and year-less expressions resolve against, if any.</param>
    /// <param name="keepTimeOnly">Keep times with no date in scope as THH:MM (spec evaluation); the article drops them.</param>
    public ImmutableArray<ResolvedDate> Resolve(
        string text,
        ImmutableArray<DateExpression> expressions,
        ImmutableArray<TextSpan> paragraphs,
        DateOnly? reference,
        bool keepTimeOnly = false)
    {
        var resolved = ImmutableArray.CreateBuilder<ResolvedDate>(expressions.Length);
        DateOnly? yearAnchor = null;
        DateOnly? articleLast = null;
        DateOnly? paragraphLast = null;
        DateOnly? previousParagraphLast = null;
        var lastParagraph = -1;
        var paragraph = -1;
        foreach (var expression in expressions)
        {
            var current = ParagraphOf(paragraphs, expression.Span.Start);
            if (current != paragraph)
            {
                // A paragraph that opens with 当天/次日 continues the one before it.
                previousParagraphLast = lastParagraph == current - 1 ? articleLast : null;
                paragraph = current;
                paragraphLast = null;
            }

            var inScope = paragraphLast ?? previousParagraphLast;
            var scope = inScope ?? reference;
            DateOnly? date = null;
            string? value = null;
            var yearFromText = false;
            switch (expression.Kind)
            {
                case DateExpressionKind.Absolute:
                    date = Make(expression.Year!.Value, expression.Month!.Value, expression.Day!.Value);
                    yearFromText = true;
                    break;
                case DateExpressionKind.MonthDay when expression.YearOffset is not null || expression.MonthOffset is not null:
                    date = reference is { } byReference ? OffsetDate(expression, byReference) : null;
                    break;
                case DateExpressionKind.Month when expression.YearOffset is { } years:
                    value = reference is { } monthReference ? string.Create(CultureInfo.InvariantCulture, $"{monthReference.Year + years:D4}-{expression.Month:D2}") : null;
                    break;
                case DateExpressionKind.MonthDay:
                    date = MonthDay(expression.Month!.Value, expression.Day!.Value, yearAnchor, reference);
                    yearFromText = yearAnchor is not null;
                    if (date is null && reference is null && yearAnchor is null && expression.Day <= DateTime.DaysInMonth(2000, expression.Month.Value))
                    {
                        value = $"--{expression.Month:D2}-{expression.Day:D2}";
                    }

                    break;
                case DateExpressionKind.DayOnly:
                    date = DayOnly(expression.Day!.Value, paragraphLast ?? articleLast, reference);
                    yearFromText = yearAnchor is not null;
                    break;
                case DateExpressionKind.Month:
                    value = Month(expression, yearAnchor, reference);
                    break;
                case DateExpressionKind.Relative:
                    // 当天/次日 refer back to the last date the article told (in any paragraph before); 今天/昨天 in the
                    // narrative count from the publish date, in quoted speech from the paragraph's date (none: dropped).
                    if (!expression.Deictic)
                    {
                        date = (paragraphLast ?? articleLast ?? reference)?.AddDays(expression.Offset);
                    }
                    else if (InsideQuote(text, expression.Span.Start, paragraphs, paragraph))
                    {
                        date = inScope?.AddDays(expression.Offset);
                    }
                    else
                    {
                        date = (reference ?? inScope)?.AddDays(expression.Offset);
                    }

                    break;
                case DateExpressionKind.Weekday:
                    date = Weekday(expression, scope, reference);
                    break;
                case DateExpressionKind.Holiday:
                    date = Holiday(expression, yearAnchor, reference);
                    yearFromText = expression.Year is not null || yearAnchor is not null;
                    break;
                case DateExpressionKind.TimeOnly:
                    date = inScope;
                    if (date is null && keepTimeOnly && expression.Hour is { } h)
                    {
                        value = string.Create(CultureInfo.InvariantCulture, $"T{h:D2}:{expression.Minute:D2}");
                    }

                    break;
            }

            if (date is { } d)
            {
                value = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (expression.Hour is { } hour)
                {
                    value += string.Create(CultureInfo.InvariantCulture, $"T{hour:D2}:{expression.Minute:D2}");
                }

                paragraphLast = d;
                articleLast = d;
                lastParagraph = current;
                if (yearFromText)
                {
                    yearAnchor = d;
                }
            }

            if (value is not null)
            {
                resolved.Add(new ResolvedDate(expression, value));
            }
        }

        return resolved.ToImmutable();
    }

    /// <summary>今年3月5日, 去年本月十日, 下月5日: year and month counted from the reference.</summary>
    private static DateOnly? OffsetDate(DateExpression expression, DateOnly reference)
    {
        var month = new DateOnly(reference.Year, reference.Month, 1).AddMonths(expression.MonthOffset ?? 0).AddYears(expression.YearOffset ?? 0);
        return Make(month.Year, expression.Month ?? month.Month, expression.Day!.Value);
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>Nearest to the anchor when the text gave a year, else the latest not after the reference.</summary>
    private static DateOnly? MonthDay(int month, int day, DateOnly? yearAnchor, DateOnly? reference)
    {
        if (yearAnchor is { } anchor)
        {
            return Nearest(anchor, y => Make(y, month, day));
        }

        return reference is { } r ? LatestNotAfter(r, y => Make(y, month, day)) : null;
    }

    private static DateOnly? DayOnly(int day, DateOnly? monthScope, DateOnly? reference)
    {
        if (monthScope is { } scope)
        {
            return Make(scope.Year, scope.Month, day);
        }

        if (reference is not { } r)
        {
            return null;
        }

        // The latest such day not after the reference: this month or an earlier one.
        var month = new DateOnly(r.Year, r.Month, 1);
        for (var k = 0; k < 12; k++, month = month.AddMonths(-1))
        {
            if (Make(month.Year, month.Month, day) is { } date && date <= r)
            {
                return date;
            }
        }

        return null;
    }

    private static string? Month(DateExpression expression, DateOnly? yearAnchor, DateOnly? reference)
    {
        var month = expression.Month!.Value;
        int? year = expression.Year;
        if (year is null && yearAnchor is { } anchor)
        {
            year = Nearest(anchor, y => Make(y, month, 1))?.Year;
        }

        if (year is null && reference is { } r)
        {
            year = r.Month >= month ? r.Year : r.Year - 1;
        }

        return year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{month:D2}") : null;
    }

    private static DateOnly? Weekday(DateExpression expression, DateOnly? scope, DateOnly? reference)
    {
        if (expression.WeekOffset is { } weeks)
        {
            if (reference is not { } r)
            {
                return null;
            }

            var monday = r.AddDays(-(((int)r.DayOfWeek + 6) % 7));
            return monday.AddDays((weeks * 7) + expression.Weekday - 1);
        }

        if (scope is not { } s)
        {
            return null;
        }

        var back = (((int)s.DayOfWeek + 6) % 7) + 1 - expression.Weekday;
        return s.AddDays(-(back < 0 ? back + 7 : back));
    }

    private static DateOnly? Holiday(DateExpression expression, DateOnly? yearAnchor, DateOnly? reference)
    {
        var name = expression.Holiday!;
        if (expression.Year is { } year)
        {
            return Holidays.In(name, year);
        }

        // A holiday is written about in the weeks before it (春节将至) as much as after it, so, unlike a month-day, it is the
        // occurrence nearest the anchor: the last date the text stated a year for, else the reference date. Of the 55
        // year-less holidays annotated in corpus/entities and the seeds, 15 lie 1–43 days after the publish date and the
        // rest up to 114 days before it; the nearest occurrence to the publish date is the annotated one for all 55.
        var around = yearAnchor ?? reference;
        return around is { } a ? Nearest(a, y => Holidays.In(name, y)) : null;
    }

    private static DateOnly? LatestNotAfter(DateOnly reference, Func<int, DateOnly?> inYear)
    {
        for (var year = reference.Year; year >= reference.Year - 8; year--)
        {
            if (inYear(year) is { } date && date <= reference)
            {
                return date;
            }
        }

        return null;
    }

    private static DateOnly? Nearest(DateOnly anchor, Func<int, DateOnly?> inYear)
    {
        DateOnly? best = null;
        var bestDistance = int.MaxValue;
        for (var year = anchor.Year - 1; year <= anchor.Year + 1; year++)
        {
            if (inYear(year) is { } date && Math.Abs(date.DayNumber - anchor.DayNumber) is var distance && distance < bestDistance)
            {
                best = date;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int ParagraphOf(ImmutableArray<TextSpan> paragraphs, int position)
    {
        for (var k = 0; k < paragraphs.Length; k++)
        {
            if (position < paragraphs[k].End)
            {
                return k;
            }
        }

        return paragraphs.Length;
    }

    /// <summary>True when <paramref name="position"/> lies inside “…” or 「…」 within its paragraph.</summary>
    private static bool InsideQuote(string text, int position, ImmutableArray<TextSpan> paragraphs, int paragraph)
    {
        var start = paragraph < paragraphs.Length ? paragraphs[paragraph].Start : 0;
        var depth = 0;
        for (var k = start; k < position; k++)
        {
            switch (text[k])
            {
                case '“' or '「' or '『':
                    depth++;
                    break;
                case '”' or '」' or '』':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return depth > 0;
    }
}
