using System.Collections.Immutable;
using System.Globalization;
using Extract.Recognition;
using Extract.Recognition.Dates;
using Extract.Calendar;

namespace Extract.Tests.Recognition.Dates;

public sealed class DateRecognizerTests
{
    private static readonly DateOnly Reference = new(2022, 11, 20);

    private static List<(string Text, int Start, int End, string Value)> Dates(string body, DateOnly? reference = null)
    {
        var paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
        var start = 0;
        foreach (var line in body.Split('\n'))
        {
            paragraphs.Add(new TextSpan(start, start + line.Length));
            start += line.Length + 1;
        }

        var document = new DocumentText(body, paragraphs.ToImmutable(), [], new ReferenceDates(reference, null, null, null));
        return [.. new DateRecognizer().Recognize(document, Mentions.Empty, CancellationToken.None).Dates
            .Select(d => (d.Text, d.Span.Start, d.Span.End, d.Value))];
    }

    private static void Single(string body, DateOnly? reference, string text, int start, string value) =>
        Dates(body, reference).Should().Equal((text, start, start + text.Length, value));

    [Theory]
    [InlineData("于2021年12月31日举行", "2021年12月31日", 1, "2021-12-31")]
    [InlineData("发布于2020-02-11。", "2020-02-11", 3, "2020-02-11")]
    [InlineData("发布于2022/3/5。", "2022/3/5", 3, "2022-03-05")]
    [InlineData("发布于2022.03.05。", "2022.03.05", 3, "2022-03-05")]
    [InlineData("二〇二一年十二月三十一日", "二〇二一年十二月三十一日", 0, "2021-12-31")]
    [InlineData("2021年12月31日18:18,小区业主群", "2021年12月31日18:18", 0, "2021-12-31T18:18")]
    public void Full_dates(string body, string text, int start, string value) => Single(body, Reference, text, start, value);

    [Theory]
    [InlineData("11月2日,志愿者出发", "11月2日", 0, "2022-11-02")]
    [InlineData("11月2号,志愿者出发", "11月2号", 0, "2022-11-02")]
    [InlineData("八月十五那天", "八月十五", 0, "2022-08-15")]
    [InlineData("4月10日5时,转运完成", "4月10日5时", 0, "2022-04-10T05:00")]
    [InlineData("11月6日晚上8点半,两人", "11月6日晚上8点半", 0, "2022-11-06T20:30")]
    [InlineData("11月6日上午,接到求助", "11月6日上午", 0, "2022-11-06")]
    [InlineData("12月31日凌晨,分装消毒液", "12月31日凌晨", 0, "2021-12-31")]
    [InlineData("10月8日10时30分,会议召开", "10月8日10时30分", 0, "2022-10-08T10:30")]
    [InlineData("11月13日（星期日）上午", "11月13日（星期日）上午", 0, "2022-11-13")]
    public void Month_days_take_the_latest_year_not_after_the_reference(string body, string text, int start, string value) => Single(body, Reference, text, start, value);

    [Theory]
    [InlineData("5月份，社区组织了义诊", "5月份", 0, "2022-05")]
    [InlineData("今年3月份启动改造", "今年3月份", 0, "2022-03")]
    [InlineData("明年9月份正式投用", "明年9月份", 0, "2023-09")]
    public void A_month_named_with_fen_is_a_month(string body, string text, int start, string value) => Single(body, Reference, text, start, value);

    [Theory]
    [InlineData("3月，社区组织了义诊")]
    [InlineData("5月份以来，累计服务群众")]
    public void A_bare_month_and_a_period_since_a_month_are_not_dates(string body) => Dates(body, Reference).Should().BeEmpty();

    [Fact]
    public void Month_day_without_any_reference_has_no_year() => Single("11月2日出发", null, "11月2日", 0, "--11-02");

    [Fact]
    public void Across_the_year_boundary_a_month_day_goes_back_a_year() =>
        Single("12月31日,志愿者坚守岗位。", new DateOnly(2022, 1, 2), "12月31日", 0, "2021-12-31");

    [Fact]
    public void A_stated_year_carries_forward_across_new_year()
    {
        Dates("2021年12月31日开始封控，1月1日继续值守。", new DateOnly(2022, 1, 20)).Should().Equal(
            ("2021年12月31日", 0, 11, "2021-12-31"),
            ("1月1日", 16, 20, "2022-01-01"));
    }

    [Fact]
    public void A_day_alone_takes_the_month_in_scope()
    {
        Dates("4月3日以来，志愿者坚守。4日凌晨，转运完成。", new DateOnly(2022, 4, 14)).Should().Equal(
            ("4月3日", 0, 4, "2022-04-03"),
            ("4日凌晨", 13, 17, "2022-04-04"));
    }

    [Fact]
    public void A_day_alone_with_a_clock_time()
    {
        Dates("12月30日晚开始，连夜奋战到31日凌晨3点。", new DateOnly(2022, 1, 3)).Should().Equal(
            ("12月30日晚", 0, 7, "2021-12-30"),
            ("31日凌晨3点", 15, 22, "2021-12-31T03:00"));
    }

    [Theory]
    [InlineData("3月28日-4月1日", 0, 5, 6, 10)]
    [InlineData("3月28日至4月1日", 0, 5, 6, 10)]
    public void A_range_gives_both_ends(string body, int firstStart, int firstEnd, int secondStart, int secondEnd)
    {
        Dates(body, Reference).Should().Equal(
            (body[firstStart..firstEnd], firstStart, firstEnd, "2022-03-28"),
            (body[secondStart..secondEnd], secondStart, secondEnd, "2022-04-01"));
    }

    [Fact]
    public void A_day_range_takes_the_month_of_its_start()
    {
        Dates("3月28-31日开展排查", Reference).Should().Equal(
            ("3月28", 0, 4, "2022-03-28"),
            ("31日", 5, 8, "2022-03-31"));
    }

    [Fact]
    public void Dangtian_and_ciri_count_from_the_date_told_before_each_moving_it_and_zuotian_from_the_publish_date()
    {
        const string body = "11月8日，志愿者出发。当天下午，次日，前天，昨天。";
        Dates(body, Reference).Should().Equal(
            ("11月8日", 0, 5, "2022-11-08"),
            ("当天下午", body.IndexOf("当天", StringComparison.Ordinal), body.IndexOf("当天", StringComparison.Ordinal) + 4, "2022-11-08"),
            ("次日", body.IndexOf("次日", StringComparison.Ordinal), body.IndexOf("次日", StringComparison.Ordinal) + 2, "2022-11-09"),
            ("前天", body.IndexOf("前天", StringComparison.Ordinal), body.IndexOf("前天", StringComparison.Ordinal) + 2, "2022-11-18"),
            ("昨天", body.IndexOf("昨天", StringComparison.Ordinal), body.IndexOf("昨天", StringComparison.Ordinal) + 2, "2022-11-19"));
    }

    [Fact]
    public void Dangtian_paragraphs_later_refers_to_the_last_date_told()
    {
        const string body = "11月8日，志愿者走进社区。\n大家分成三组入户走访。\n当天下午，志愿者又来到敬老院。";
        Dates(body, Reference).Select(d => (d.Text, d.Value)).Should().Equal(("11月8日", "2022-11-08"), ("当天下午", "2022-11-08"));
    }

    [Fact]
    public void Zuotian_in_quoted_speech_counts_from_the_paragraphs_date()
    {
        const string body = "11月8日，老人说：“昨天我就盼着你们来了。”";
        Dates(body, Reference).Select(d => (d.Text, d.Value)).Should().Equal(("11月8日", "2022-11-08"), ("昨天", "2022-11-07"));
    }

    [Fact]
    public void A_paragraph_opening_with_dangtian_continues_the_previous_paragraph()
    {
        Dates("这是11月6日晚上8点半的对话。\n当天，两人前往社区。", Reference).Should().Equal(
            ("11月6日晚上8点半", 2, 12, "2022-11-06T20:30"),
            ("当天", 17, 19, "2022-11-06"));
    }

    [Fact]
    public void Relative_days_without_a_date_in_scope_count_from_the_reference()
    {
        Dates("今天，社区开展核酸检测；昨日完成排查。", Reference).Should().Equal(
            ("今天", 0, 2, "2022-11-20"),
            ("昨日", 12, 14, "2022-11-19"));
    }

    [Fact]
    public void Deictic_days_inside_quoted_speech_are_dropped() =>
        Dates("志愿者说：“昨天进行核酸检测，碰到了家人。”", Reference).Should().BeEmpty();

    [Fact]
    public void A_time_alone_takes_the_date_in_scope()
    {
        Dates("11月6日，志愿者晚上8点半仍在工作。", Reference).Should().Equal(
            ("11月6日", 0, 5, "2022-11-06"),
            ("晚上8点半", 9, 14, "2022-11-06T20:30"));
    }

    [Fact]
    public void A_relative_day_with_a_time()
    {
        Dates("11月6日，当天晚上8点半仍在工作。", Reference).Should().Equal(
            ("11月6日", 0, 5, "2022-11-06"),
            ("当天晚上8点半", 6, 13, "2022-11-06T20:30"));
    }

    [Fact]
    public void A_time_with_no_date_in_scope_is_not_reported() => Dates("志愿者晚上8点半仍在工作。", Reference).Should().BeEmpty();

    [Fact]
    public void Times_of_day()
    {
        Dates("11月6日，上午8时集合，凌晨3点收工，18:18发布消息，10时30分散会。", Reference).Should().Equal(
            ("11月6日", 0, 5, "2022-11-06"),
            ("上午8时", 6, 10, "2022-11-06T08:00"),
            ("凌晨3点", 13, 17, "2022-11-06T03:00"),
            ("18:18", 20, 25, "2022-11-06T18:18"),
            ("10时30分", 30, 36, "2022-11-06T10:30"));
    }

    [Theory]
    [InlineData("元旦一大早，志愿者收到慰问", "元旦", 0, "2022-01-01")]
    [InlineData("这个跨年夜温暖人心", "跨年夜", 2, "2021-12-31")]
    [InlineData("国庆节当天，社区挂起国旗", "国庆节当天", 0, "2021-10-01")]
    [InlineData("春节，家家户户团圆", "春节", 0, "2022-02-01")]
    [InlineData("除夕，家家户户团圆", "除夕", 0, "2022-01-31")]
    [InlineData("元宵节，社区猜灯谜", "元宵节", 0, "2022-02-15")]
    [InlineData("端午节，社区包粽子", "端午节", 0, "2022-06-03")]
    [InlineData("中秋节，社区送月饼", "中秋节", 0, "2021-09-21")]
    [InlineData("五一，志愿者坚守岗位", "五一", 0, "2022-05-01")]
    [InlineData("学雷锋纪念日当天，志愿者走上街头", "学雷锋纪念日当天", 0, "2022-03-05")]
    [InlineData("在国际志愿者日，社区表彰优秀志愿者", "国际志愿者日", 1, "2021-12-05")]
    [InlineData("中国医师节前夕", "", 0, "")]
    public void Holidays_take_their_occurrence_nearest_the_reference(string body, string text, int start, string value)
    {
        if (text.Length == 0)
        {
            // The eve of a day (前夕) is a vague period, not a date.
            Dates(body, new DateOnly(2022, 1, 3)).Should().BeEmpty();
            return;
        }

        Single(body, new DateOnly(2022, 1, 3), text, start, value);
    }

    [Theory]
    [InlineData("2023-12-29", "春节将至，社区走访慰问困难群众", "春节", "2024-02-10")]
    [InlineData("2023-12-29", "元旦将至，社区走访慰问困难群众", "元旦", "2024-01-01")]
    [InlineData("2025-04-25", "元旦，社区走访慰问困难群众", "元旦", "2025-01-01")]
    [InlineData("2024-07-08", "端午节，社区开展包粽子活动", "端午节", "2024-06-10")]
    public void A_holiday_weeks_away_is_the_coming_one_and_a_past_one_stays_past(string reference, string body, string text, string value) =>
        Single(body, DateOnly.Parse(reference, CultureInfo.InvariantCulture), text, 0, value);

    [Theory]
    [InlineData("周一", 0, "2022-11-14")]
    [InlineData("星期五", 0, "2022-11-18")]
    [InlineData("上周三", 0, "2022-11-09")]
    [InlineData("下周一", 0, "2022-11-21")]
    public void Weekdays(string text, int start, string value) => Single(text + "开会", Reference, text, start, value);

    [Theory]
    [InlineData("7月中旬，疫情反弹", "7月中旬", 0, "2022-07")]
    [InlineData("2021年7月，项目启动", "2021年7月", 0, "2021-07")]
    [InlineData("今年3月5日，项目启动", "今年3月5日", 0, "2022-03-05")]
    [InlineData("去年12月，项目启动", "去年12月", 0, "2021-12")]
    public void Months_and_relative_years(string body, string text, int start, string value) => Single(body, Reference, text, start, value);

    [Theory]
    [InlineData("奋战了10个小时")]
    [InlineData("三天三夜没合眼")]
    [InlineData("连日来，志愿者坚守岗位")]
    [InlineData("目前，疫情平稳")]
    [InlineData("春节前后，返乡人员增多")]
    [InlineData("国庆期间，景区限流")]
    [InlineData("2021年是关键一年")]
    [InlineData("65岁的老人")]
    [InlineData("请在30日内进行")]
    [InlineData("3点建议")]
    [InlineData("每周一例会")]
    [InlineData("五一路社区")]
    public void Not_dates(string body) => Dates(body, Reference).Should().BeEmpty();
}
