using System.Globalization;

namespace Extract.Recognition.Dates;

/// <summary>
/// The Gregorian date of a Chinese holiday in a given year: fixed solar dates (元旦 1-1, 劳动 5-1, 国庆 10-1…, and
/// observance days such as 学雷锋纪念日 3-5, 世界环境日 6-5, 国际志愿者日 12-5),
/// lunar dates through <see cref="ChineseLunisolarCalendar"/> (春节 1/1, 元宵 1/15, 端午 5/5, 中秋 8/15, 除夕 the
/// eve of 春节…) and 清明 by the solar-term formula.
/// </summary>
internal static class Holidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static bool IsKnown(string name) => Solar(name) is not null || LunarDay(name) is not null || name is "除夕" or "清明";

    /// <summary>The holiday's dates that fall in Gregorian years <paramref name="fromYear"/>..<paramref name="toYear"/>.</summary>
    public static IEnumerable<DateOnly> Between(string name, int fromYear, int toYear)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            if (In(name, year) is { } date)
            {
                yield return date;
            }
        }
    }

    /// <summary>The holiday's date in Gregorian year <paramref name="year"/>, or null when unknown or out of the calendar's range.</summary>
    public static DateOnly? In(string name, int year)
    {
        if (year is < 1902 or > 2099)
        {
            return Solar(name) is { } fixedDay && year is >= 1 and <= 9999 ? new DateOnly(year, fixedDay.Month, fixedDay.Day) : null;
        }

        if (Solar(name) is { } solar)
        {
            return new DateOnly(year, solar.Month, solar.Day);
        }

        if (name == "清明")
        {
            // Solar term Qingming: day = ⌊Y·0.2422 + C⌋ − ⌊(Y−1)/4⌋ with Y the year within the century (C = 5.59 for 1900s, 4.81 for 2000s).
            var y = year % 100;
            var c = year < 2000 ? 5.59 : 4.81;
            var day = (int)Math.Floor((y * 0.2422) + c) - ((y == 0 ? 0 : y - 1) / 4);
            return new DateOnly(year, 4, day);
        }

        if (name == "除夕")
        {
            return FromLunar(year, 1, 1)?.AddDays(-1) is { } eve && eve.Year == year ? eve : FromLunar(year + 1, 1, 1)?.AddDays(-1) is { } next && next.Year == year ? next : null;
        }

        if (LunarDay(name) is { } lunar)
        {
            // A lunar date of lunar year L falls in Gregorian year L or L+1 (腊八, 小年).
            foreach (var lunarYear in new[] { year, year - 1 })
            {
                if (FromLunar(lunarYear, lunar.Month, lunar.Day) is { } date && date.Year == year)
                {
                    return date;
                }
            }
        }

        return null;
    }

    /// <summary>Lunar month/day of lunar year <paramref name="lunarYear"/> to Gregorian (leap months skipped).</summary>
    public static DateOnly? FromLunar(int lunarYear, int month, int day)
    {
        if (lunarYear < 1902 || lunarYear > 2099)
        {
            return null;
        }

        var leap = Lunar.GetLeapMonth(lunarYear);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        if (day > Lunar.GetDaysInMonth(lunarYear, index))
        {
            return null;
        }

        return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, index, day, 0, 0, 0, 0));
    }

    private static (int Month, int Day)? Solar(string name) => name switch
    {
        "元旦" => (1, 1),
        "情人" => (2, 14),
        "妇女" => (3, 8),
        "植树" => (3, 12),
        "劳动" => (5, 1),
        "青年" => (5, 4),
        "儿童" => (6, 1),
        "建党" => (7, 1),
        "建军" => (8, 1),
        "教师" => (9, 10),
        "国庆" => (10, 1),
        "平安夜" => (12, 24),
        "圣诞" => (12, 25),
        "跨年夜" => (12, 31),

        // Observance days with a fixed date, as community and Party-building news dates its events by them (State
        // Council and ministry designations; the United Nations days as observed in China).
        "学雷锋纪念日" => (3, 5),
        "国际志愿者日" => (12, 5),
        "世界环境日" => (6, 5),
        "世界读书日" => (4, 23),
        "全国消防宣传日" or "全国消防日" => (11, 9),
        "中国医师" or "医师" => (8, 19),
        "世界计量日" or "世界蜜蜂日" => (5, 20),
        "国际消费者权益日" => (3, 15),
        "世界地球日" => (4, 22),
        "世界水日" => (3, 22),
        "国家宪法日" => (12, 4),
        "国际禁毒日" => (6, 26),
        "国际护士" or "护士" => (5, 12),
        "中国人民警察" or "人民警察" => (1, 10),
        "记者" => (11, 8),
        "全民国家安全教育日" => (4, 15),
        "烈士纪念日" => (9, 30),
        "国家公祭日" => (12, 13),
        "世界艾滋病日" => (12, 1),
        "全国爱眼日" => (6, 6),
        "全国爱耳日" => (3, 3),
        "世界无烟日" => (5, 31),
        "世界粮食日" => (10, 16),
        "国际残疾人日" => (12, 3),
        "世界卫生日" => (4, 7),
        _ => null,
    };

    private static (int Month, int Day)? LunarDay(string name) => name switch
    {
        "春节" => (1, 1),
        "元宵" => (1, 15),
        "端午" => (5, 5),
        "七夕" => (7, 7),
        "中秋" => (8, 15),
        "重阳" => (9, 9),
        "腊八" => (12, 8),
        _ => null,
    };
}
