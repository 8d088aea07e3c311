using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Recognition.Numbers;

namespace Extract.Recognition.Dates;

/// <summary>
/// Finds date and time expressions and the parts they write: full dates (2021年12月31日, 2020-02-11, 2022/3/5,
/// 2022.03.05), month-days (11月2日, 八月十五), days (4日), months (2022年7月, 7月中旬), relative days (当天, 次日,
/// 昨天), weekdays (周一, 上周三), holidays (元旦, 春节, 中秋), each with an optional time of day (凌晨3点, 晚上8点半,
/// 18:18, 10时30分), and times of day alone. Durations (10个小时), vague periods (春节前后, 连日来) and bare years
/// are not matched. A range 3月28日-4月1日 yields its two ends.
/// </summary>
internal sealed partial class DateExtractor
{
    private const string PartOfDay = "凌晨|清晨|早晨|早上|早间|上午|中午|午间|正午|下午|午后|傍晚|黄昏|晚上|晚间|夜间|夜里|深夜|半夜|午夜";

    /// <summary>The longest stretch one regex scan reads: a scan of a long run without a sentence end stays far below the match timeout.</summary>
    internal const int MaxSegment = 4096;

    private static readonly char[] SegmentEnds = ['。', '！', '？', '；'];

    public ImmutableArray<DateExpression> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DateExpression>();
        var segment = new List<DateExpression>();
        for (var start = 0; start < text.Length;)
        {
            var length = SegmentLength(text, start);
            segment.Clear();
            for (var match = DateRegex().Match(text, start, length); match.Success; match = match.NextMatch())
            {
                if (FromDateMatch(match) is { } expression)
                {
                    segment.Add(expression);
                }
            }

            for (var match = TimeRegex().Match(text, start, length); match.Success; match = match.NextMatch())
            {
                var span = new TextSpan(match.Index, match.Index + match.Length);
                if (segment.Any(f => f.Span.Start < span.End && span.Start < f.Span.End))
                {
                    continue;
                }

                if (FromTimeMatch(match) is { } expression)
                {
                    segment.Add(expression);
                }
            }

            found.AddRange(segment);
            start += length;
        }

        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return [.. found];
    }

    /// <summary>
    /// How much of <paramref name="text"/> from <paramref name="start"/> one scan reads: up to and including the last
    /// sentence end (。！？；, which no date or time expression contains and no pattern's lookbehind tests) within
    /// <see cref="MaxSegment"/> characters; the whole window when it has none (a pathological run, cut between surrogate
    /// pairs never); the rest of the text when it is shorter. Each scan is bounded, so the whole is linear.
    /// </summary>
    private static int SegmentLength(string text, int start)
    {
        var remaining = text.Length - start;
        if (remaining <= MaxSegment)
        {
            return remaining;
        }

        var end = text.AsSpan(start, MaxSegment).LastIndexOfAny(SegmentEnds);
        if (end >= 0)
        {
            return end + 1;
        }

        return char.IsHighSurrogate(text[start + MaxSegment - 1]) ? MaxSegment - 1 : MaxSegment;
    }

    private static DateExpression? FromDateMatch(Match match)
    {
        var span = new TextSpan(match.Index, match.Index + match.Length);
        DateExpression? expression;
        if (match.Groups["reln"].Success)
        {
            if (Number(match.Groups["reln"]) is not { } days || days > 366)
            {
                return null;
            }

            expression = new DateExpression(span, DateExpressionKind.Relative) { Offset = match.Groups["dir"].Value == "前" ? -days : days };
        }
        else if (match.Groups["rel"].Success)
        {
            var (offset, deictic) = Relative(match.Groups["rel"].Value);
            expression = new DateExpression(span, DateExpressionKind.Relative) { Offset = offset, Deictic = deictic };
        }
        else if (match.Groups["hol"].Success)
        {
            expression = new DateExpression(span, DateExpressionKind.Holiday) { Holiday = HolidayName(match.Groups["hol"].Value), Year = Year(match.Groups["hy"]) };
        }
        else if (match.Groups["wd"].Success)
        {
            expression = new DateExpression(span, DateExpressionKind.Weekday)
            {
                Weekday = WeekdayNumber(match.Groups["wd"].Value[0]),
                WeekOffset = WeekOffset(match.Groups["wk"].Value),
            };
        }
        else
        {
            var year = Year(match.Groups["y"]);
            var month = Number(match.Groups["m"]);
            var day = Number(match.Groups["d"]);
            if (month is { } m && m is < 1 or > 12)
            {
                return null;
            }

            if (day is { } d && d is < 1 or > 31)
            {
                return null;
            }

            if (match.Groups["y"].Success && year is null)
            {
                return null;
            }

            DateExpressionKind kind;
            if (month is null && match.Groups["mrel"].Success)
            {
                kind = DateExpressionKind.MonthDay;
            }
            else if (month is null)
            {
                kind = DateExpressionKind.DayOnly;
            }
            else if (day is null)
            {
                // A bare month (3月) is a period name, not a date, unless a year, 上旬/中旬/下旬/初/底 or 份 (5月份, the
                // month named as such) pins it.
                if (year is null && !match.Groups["part"].Success && !match.Groups["yrel"].Success && !match.Groups["fen"].Success)
                {
                    return null;
                }

                kind = DateExpressionKind.Month;
            }
            else
            {
                kind = year is null ? DateExpressionKind.MonthDay : DateExpressionKind.Absolute;
            }

            var yearOffset = YearOffset(match.Groups["yrel"].Value);
            var monthOffset = MonthOffset(match.Groups["mrel"].Value);
            if (monthOffset is not null)
            {
                kind = DateExpressionKind.MonthDay;
            }

            expression = new DateExpression(span, kind) { Year = year, Month = month, Day = day, YearOffset = yearOffset, MonthOffset = monthOffset };
        }

        return WithTime(expression, match);
    }

    private static DateExpression? FromTimeMatch(Match match)
    {
        // A bare hour with 点 needs a part of day, minutes or 半 (3点建议 is not a time); 时 alone is a clock hour.
        var hasPart = match.Groups["pod"].Success;
        var colon = match.Groups["colon"].Success;
        var withMinutes = match.Groups["min"].Success || match.Groups["half"].Success || match.Groups["quarter"].Success;
        var arabicHour = match.Groups["h"].Value.All(char.IsAsciiDigit);
        var clockHour = match.Groups["hm"].Value == "时" ? arabicHour
            : match.Value.EndsWith('整') || match.Value.Contains('钟', StringComparison.Ordinal) || match.Groups["h"].Value is "零" or "0" || Number(match.Groups["h"]) is >= 13;
        if (!hasPart && !colon && !withMinutes && !clockHour)
        {
            return null;
        }

        return WithTime(new DateExpression(new TextSpan(match.Index, match.Index + match.Length), DateExpressionKind.TimeOnly), match);
    }

    private static DateExpression? WithTime(DateExpression expression, Match match)
    {
        var part = match.Groups["pod"].Success ? match.Groups["pod"].Value : RelativePart(match.Groups["rel"].Value);
        if (!match.Groups["h"].Success)
        {
            return expression.Kind == DateExpressionKind.TimeOnly ? null : expression;
        }

        if (Number(match.Groups["h"]) is not { } hour || hour > 24)
        {
            return expression.Kind == DateExpressionKind.TimeOnly ? null : expression;
        }

        var minute = match.Groups["half"].Success ? 30
            : match.Groups["quarter"].Success ? (match.Groups["quarter"].Value == "一刻" ? 15 : 45)
            : Number(match.Groups["min"]) ?? 0;
        if (minute > 59)
        {
            return expression;
        }

        hour = part switch
        {
            "下午" or "午后" or "傍晚" or "黄昏" or "晚上" or "晚间" or "夜间" or "夜里" or "晚" or "夜" when hour < 12 => hour + 12,
            "中午" or "正午" or "午间" when hour < 6 => hour + 12,
            "深夜" or "半夜" or "午夜" when hour is >= 6 and < 12 => hour + 12,
            _ => hour,
        };
        if (hour == 24)
        {
            hour = 0;
        }

        return expression with { Hour = hour, Minute = minute };
    }

    private static string RelativePart(string relative) => relative switch
    {
        "当晚" or "今晚" or "昨晚" or "当夜" or "昨夜" => "晚",
        _ => string.Empty,
    };

    private static (int Offset, bool Deictic) Relative(string word) => word switch
    {
        "当天" or "当日" or "同日" or "当晚" or "当夜" => (0, false),
        "次日" or "翌日" => (1, false),
        "今天" or "今日" or "今晚" or "今晨" or "今早" => (0, true),
        "明天" or "明日" => (1, true),
        "后天" or "後天" => (2, true),
        "大后天" or "大後天" => (3, true),
        "昨天" or "昨日" or "昨晚" or "昨夜" => (-1, true),
        "前天" => (-2, true),
        "大前天" => (-3, true),
        _ => (0, false),
    };

    private static string HolidayName(string written) => (written is "春节" ? written : written.TrimEnd('节', '節')) switch
    {
        "五一" => "劳动",
        "七一" => "建党",
        "八一" => "建军",
        "六一" => "儿童",
        "十一" => "国庆",
        "五四" => "青年",
        "三八" => "妇女",
        "大年三十" => "除夕",
        "大年初一" => "春节",
        "元宵" or "正月十五" => "元宵",
        var name => name,
    };

    private static int WeekdayNumber(char c) => c switch
    {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        _ => 7,
    };

    private static int? YearOffset(string word) => word switch
    {
        "前年" => -2,
        "去年" => -1,
        "今年" => 0,
        "明年" => 1,
        "后年" or "後年" => 2,
        _ => null,
    };

    private static int? MonthOffset(string word) => word switch
    {
        "上个月" or "上個月" or "上月" => -1,
        "本月" or "这个月" or "這個月" => 0,
        "下个月" or "下個月" or "下月" => 1,
        _ => null,
    };

    private static int? WeekOffset(string prefix) => prefix switch
    {
        "" => null,
        "上上" or "上上个" or "上上個" => -2,
        "下下" or "下下个" or "下下個" => 2,
        "上" or "上个" or "上個" or "上一个" or "上一個" => -1,
        "下" or "下个" or "下個" or "下一个" or "下一個" => 1,
        _ => 0,
    };

    private static int? Year(Group group)
    {
        if (!group.Success)
        {
            return null;
        }

        var text = group.Value;
        var year = ChineseNumberParser.DigitString(text);
        if (year is null && ChineseNumberParser.TryParse(text, out var value, out _) && value == decimal.Truncate(value))
        {
            year = (int)value;
        }

        return year is >= 1000 and <= 2200 ? year : null;
    }

    private static int? Number(Group group)
    {
        if (!group.Success)
        {
            return null;
        }

        var text = group.Value.TrimStart('初');
        return ChineseNumberParser.TryParse(text, out var value, out var approx) && !approx && value == decimal.Truncate(value) && value is >= 0m and < 100m
            ? (int)value
            : null;
    }

    // Clock: 8时, 10时30分, 8点半, 3点一刻, 18:18, 18：18:05.
    private const string Clock = @"(?<h>2[0-4]|[01]?\d|[零一二两三四五六七八九十]{1,3})\s*(?:(?<colon>[:：])\s*(?<min>[0-5]\d)(?:[:：][0-5]\d)?(?!\d)|(?<hm>[时点])钟?(?:\s*(?<min>[0-5]?\d|[零一二三四五六七八九十]{1,3})\s*分(?!钟)(?:\s*\d{1,2}\s*秒)?|(?<half>半)|(?<quarter>一刻|三刻)|整)?)";

    [GeneratedRegex(
        @"(?:(?<![\d.:：])(?<y>1[0-9]\d{2}|20\d{2})\s*(?<sep>[-/.])\s*(?<m>1[0-2]|0?[1-9])\s*\k<sep>\s*(?<d>3[01]|[12]\d|0?[1-9])(?![\d.])(?:\s*日)?" +
        @"|(?<![\d.])(?<y>(?:19|20)\d{2})\x20(?<m>1[0-2]|0[1-9])\x20(?<d>3[01]|[12]\d|0[1-9])(?!\d)" +
        @"|(?:(?<yrel>去年|今年|明年|前年|後年)的?)?(?<mrel>本月|这个月|這個月|上个月|上個月|上月|下个月|下個月|下月)(?<d>3[01]|[12]\d|0?[1-9])\s*[日号]" +
        @"|(?:(?<yrel>去年|今年|明年|前年|后年)的?)?(?<mrel>本月|这个月|這個月|上个月|上個月|上月|下个月|下個月|下月)(?<d>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]" +
        @"|(?:(?<yrel>去年|今年|明年|前年|后年)\s*|(?<![\d〇零一二三四五六七八九])(?<y>\d{4}|[〇零一二三四五六七八九]{4}|两千(?:零[一二三四五六七八九]|[一二三四五六七八九]十[一二三四五六七八九]?)?)\s*年\s*)?" +
        @"(?<![\d一二三四五六七八九十])(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?!份以来)(?<fen>份)?\s*" +
        @"(?:(?<d>3[01]|[12]\d|0?[1-9])\s*[日号]|(?<d>3[01]|[12]\d|0?[1-9])(?=\s*[-~～—至到]\s*\d{1,2}\s*[日号])|(?<d>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])(?![一二三四五六七八九十])[日号]?|(?<part>上旬|中旬|下旬|初(?![一二三四五六七八九十])|底|末))?" +
        @"|(?<![\d年月./:：〇零一二三四五六七八九十]|\d{4}-|\d-\d{1,2}-)(?<d>3[01]|[12]\d|0?[1-9])\s*(?:日(?!内|以内|之内|前|后|以前|以后|均|常|益|夜)|号(?=[\s，,。、；;:：（(]|$|凌晨|早|上午|中午|下午|晚|夜))" +
        @"|(?<reln>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*天(?:之|以)?(?<dir>前|后|後)(?![天年来])" +
        @"|(?<rel>大后天|大後天|後天|大前天|今天|今日(?!头条)|明天|明日(?!之后)|后天|昨天|昨日|前天|当天|当日|次日|翌日|同日|当晚|当夜|今晚|今晨|今早|昨晚|昨夜)" +
        @"|(?:(?<hy>\d{4})\s*年\s*)?(?<![\d一二三四五六七八九十])(?<hol>学雷锋纪念日|国际志愿者日|世界环境日|世界读书日|全国消防宣传日|全国消防日|中国医师节|医师节|世界计量日|世界蜜蜂日|国际消费者权益日|世界地球日|世界水日|国家宪法日|国际禁毒日|国际护士节|护士节|中国人民警察节|人民警察节|记者节|全民国家安全教育日|烈士纪念日|国家公祭日|世界艾滋病日|全国爱眼日|全国爱耳日|世界无烟日|世界粮食日|国际残疾人日|世界卫生日|元旦|春节|除夕|大年三十|大年初一|元宵节?|正月十五|中秋节?|端午节?|国庆节|国庆(?=当天|当日|这天|[，,。、；\s])|劳动节|(?:五一|七一|八一|六一|五四|三八)(?=节|当天|当日|这天|[，,。、；\s])节?|清明节|重阳节?|七夕节?|腊八节?|跨年夜|平安夜|圣诞节|情人节|妇女节|儿童节|建党节|建军节|教师节|植树节|青年节)" +
        @"(?!前后|期间|前夕|假期|长假|小长假|黄金周|以来|前|后|假|晚会|联欢|档|路|街|大道|广场|村)(?:当天|当日|这天)?" +
        @"|(?<![每一二三四五六七八九十两几数])(?<wk>上上[个個]?|下下[个個]?|上一?[个個]?|下一?[个個]?|本|这个?|這個?|这一)?(?:星期|周|礼拜|週|禮拜)(?<wd>[一二三四五六日天])(?![一二三四五六七八九十])" +
        @")(?:\s*[（(](?:星期|周|礼拜)[一二三四五六日天][）)]|[，,]?\s*(?:星期|礼拜)[一二三四五六日天])?(?:\s*(?<pod>" + PartOfDay + @"|晚(?![会饭餐报班点些])|早(?![饭餐报班点些日已就在])|夜(?![班间里宵市])))?(?:\s*" + Clock + ")?",
        RegexOptions.None,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?<![\d:：.小])(?:(?<pod>" + PartOfDay + @")\s*)?" + Clock, RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TimeRegex();
}
