using System.Collections.Immutable;

namespace Extract.Recognition.Numbers;

/// <summary>
/// Number + measure word or unit: 4万余人次 (40000, 人次, approx), 十多个小时 (10, 小时, approx), 22.16万次,
/// 300万平方米, 5万元 (50000, 元), 近500名, 1000人左右, 30%. Ordinals (第三名) are reported flagged IsOrdinal.
/// </summary>
internal sealed class QuantityExtractor
{
    private static readonly string[] Prefixes = ["将近", "大约", "多达", "超过", "不少于", "近", "约", "超", "逾"];
    private static readonly string[] Suffixes = ["左右", "以上", "上下", "之多", "多"];

    /// <summary>
    /// Fixed expressions whose numerals count nothing (三天三夜 "for days on end", 千家万户 "every household").
    /// Numbered policy formulas are names, not counts (八项规定 "the eight-point rules", 四个意识, 门前三包): see models/units/PROVENANCE.md.
    /// </summary>
    private static readonly string[] Idioms = ["三天三夜", "千家万户", "千辛万苦", "千言万语", "千军万马", "三番五次", "三令五申", "一五一十", "四面八方", "五湖四海", "三三两两", "两手准备",
        "八项规定", "四种形态", "四个意识", "四个自信", "两个维护", "两个确立", "门前三包"];

    private readonly NumberExtractor _numbers;
    private readonly UnitLexicon _units;

    public QuantityExtractor(NumberExtractor numbers, UnitLexicon units)
    {
        _numbers = numbers;
        _units = units;
    }

    public ImmutableArray<QuantityMention> Extract(string text, CancellationToken cancellationToken)
    {
        var quantities = ImmutableArray.CreateBuilder<QuantityMention>();
        foreach (var number in _numbers.Extract(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (number.Kind is NumberKind.Fraction)
            {
                continue;
            }

            var start = number.Span.Start;
            var qualifier = (string?)null;

            // “三个服从”, “四个意识”: a number opening a quoted slogan names a concept, it counts nothing.
            if (start > 0 && text[start - 1] is '“' or '「' or '《' || InIdiom(text, number.Span))
            {
                continue;
            }
            foreach (var prefix in Prefixes)
            {
                if (start >= prefix.Length && text.AsSpan(start - prefix.Length, prefix.Length).SequenceEqual(prefix))
                {
                    qualifier = prefix;
                    start -= prefix.Length;
                    break;
                }
            }

            if (number.Kind == NumberKind.Percent)
            {
                quantities.Add(Quantity(text, start, number.Span.End, number.Value, "%", number.Approx || qualifier is not null, qualifier));
                continue;
            }

            var value = number.Value;
            var end = number.Span.End;

            // 12千米, 2.3千克: a unit that begins with the numeral's last character (千, 万) takes it back.
            if (end - number.Span.Start > 1 && NumeralChars.IsChineseNumeral(text[end - 1]) && NumeralChars.Digit(text[end - 1]) is null
                && _units.LongestAt(text, end - 1) is { } joined && joined.Written.Length > 1
                && ChineseNumberParser.TryParse(text.AsSpan(number.Span.Start, end - 1 - number.Span.Start), out var shorter, out _))
            {
                value = shorter;
                end--;
            }

            while (end < text.Length && text[end] == ' ')
            {
                end++;
            }

            if (end < text.Length && text[end] is '余' or '餘' or '多' or '来' or '几')
            {
                qualifier ??= text[end].ToString();
                end++;
            }

            // 一个半小时, 两个半月: 个半 before a time unit adds a half.
            var half = 0m;
            if (text.AsSpan(end).StartsWith("个半", StringComparison.Ordinal) && _units.LongestAt(text, end + 2) is { Kind: "time" })
            {
                half = 0.5m;
                end += 2;
            }

            if (_units.LongestAt(text, end) is not { } unit)
            {
                continue;
            }

            // Counts say 两个, not 二个: a lone 二 before a measure word is "secondary" (二次分流), not two.
            if (unit.Kind == "count" && number.Span.End - number.Span.Start == 1 && text[number.Span.Start] is '二' or '貳' or '贰')
            {
                continue;
            }

            end += unit.Written.Length;
            var scaled = (value + half) * unit.Scale;

            // 两米半, 一吨半: 半 after a unit adds a half.
            if (end < text.Length && text[end] == '半' && unit.Kind != "count" && number.Kind == NumberKind.Cardinal)
            {
                scaled += 0.5m * unit.Scale;
                end++;
            }

            foreach (var suffix in Suffixes)
            {
                if (text.AsSpan(end).StartsWith(suffix, StringComparison.Ordinal))
                {
                    qualifier ??= suffix;
                    end += suffix.Length;
                    break;
                }
            }

            quantities.Add(Quantity(text, start, end, scaled, unit.Unit, number.Approx || qualifier is not null, qualifier) with { IsOrdinal = number.Kind == NumberKind.Ordinal });
        }

        return quantities.ToImmutable();
    }

    private static bool InIdiom(string text, TextSpan span)
    {
        foreach (var idiom in Idioms)
        {
            for (var from = Math.Max(0, span.End - idiom.Length); from <= span.Start && from + idiom.Length <= text.Length; from++)
            {
                if (text.AsSpan(from, idiom.Length).SequenceEqual(idiom))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static QuantityMention Quantity(string text, int start, int end, decimal value, string unit, bool approx, string? qualifier) =>
        new(new TextSpan(start, end), text[start..end], value, unit, approx) { Qualifier = qualifier };
}
