using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Extract.Recognition.Numbers;

/// <summary>
/// Finds the numerals in a text — Arabic, Chinese, mixed, with 第 (ordinal), %, 百分之 (percent), X分之Y and
/// 又 (fractions), 上万/数千 (approximate round numbers) — and resolves each through <see cref="ChineseNumberParser"/>.
/// Numerals that are part of ordinary words (一切, 四川, 陆地, 收拾) are skipped.
/// </summary>
internal sealed class NumberExtractor
{
    /// <summary>Common words whose characters are numerals but which are not numbers (xinhua usage, not a corpus list).</summary>
    private static readonly FrozenSet<string> NonNumberWords = new[]
    {
        "一切", "一看", "一起", "一样", "一般", "一直", "一定", "一些", "一下", "一旦", "一致", "一同", "一律", "一贯", "一向",
        "一再", "一番", "一带", "一线", "一体", "一流", "一道", "一时", "一面", "一边", "一举", "一度", "一心", "一是", "二是",
        "三是", "四是", "五是", "统一", "唯一", "万一", "千万", "万分", "万物", "万众", "四川", "一概", "一味", "一阵",
        "十分", "十足", "一如既往", "一丝不苟", "一马当先", "七上八下", "五湖四海", "千方百计", "万无一失", "三令五申", "九死一生",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly int MaxWordLength = NonNumberWords.Max(w => w.Length);

    public ImmutableArray<NumberMention> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = new List<NumberMention>();
        var i = 0;
        while (i < text.Length)
        {
            if (TryRoundNumber(text, i) is { } round)
            {
                raw.Add(round);
                i = round.Span.End;
                continue;
            }

            if (!IsNumeralStart(text, i))
            {
                i++;
                continue;
            }

            var start = i;
            if (text[i] is '负' or '負' or '-' or '－')
            {
                i++;
            }

            var end = ScanNumeral(text, i);
            if (end <= i || !Accept(text, start, end))
            {
                i = Math.Max(end, i + 1);
                continue;
            }

            if (ChineseNumberParser.TryParse(text.AsSpan(start, end - start), out var value, out var approx))
            {
                raw.Add(new NumberMention(new TextSpan(start, end), value, NumberKind.Cardinal, approx));
            }

            i = end;
        }

        return Compose(text, raw);
    }

    /// <summary>上万, 上千, 数百, 数十万: a qualifier with a bare unit, approximate.</summary>
    private static NumberMention? TryRoundNumber(string text, int i)
    {
        if (text[i] is not ('上' or '数' or '數') || i + 1 >= text.Length)
        {
            return null;
        }

        // 以上十万元: 上 closes 以上 (of the number before), it does not open a round number.
        if (text[i] == '上' && i > 0 && text[i - 1] == '以')
        {
            return null;
        }

        var j = i + 1;
        var value = 1m;
        var units = 0;
        while (j < text.Length && (NumeralChars.SmallUnit(text[j]) is > 0 and var small ? (value *= small) > 0 : NumeralChars.LargeUnit(text[j]) is > 0m and var large && (value *= large) > 0))
        {
            j++;
            units++;
        }

        // 上十 is not said; 上百/上千/上万 are. 上 before a unit is also 上千米 etc., still a round count.
        return units > 0 && value >= 100m ? new NumberMention(new TextSpan(i, j), value, NumberKind.Cardinal, true) : null;
    }

    private static bool IsNumeralStart(string text, int i)
    {
        var c = NumeralChars.Narrow(text[i]);
        if (c is '负' or '負' or '-')
        {
            return i + 1 < text.Length && IsNumeralStart(text, i + 1) && (c != '-' || i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]));
        }

        if (NumeralChars.IsAsciiDigit(c))
        {
            return i == 0 || !char.IsAsciiLetter(text[i - 1]);
        }

        if (c == '.')
        {
            return i + 1 < text.Length && NumeralChars.IsAsciiDigit(NumeralChars.Narrow(text[i + 1])) && (i == 0 || !NumeralChars.IsAsciiDigit(NumeralChars.Narrow(text[i - 1])) && text[i - 1] != '.');
        }

        // A financial digit followed straight by an ordinary one is the last character of a word (大陆一个, 奥斯陆一座,
        // 入伍三年): the number starts at the ordinary digit. Written amounts put a unit between them (壹百五十二, 陆仟零伍元).
        if (FinancialBeforeOrdinary(text, i))
        {
            return false;
        }

        if (NumeralChars.Digit(c) is { } d)
        {
            return d >= 0 || (i + 1 < text.Length && (NumeralChars.SmallUnit(text[i + 1]) > 0 || NumeralChars.LargeUnit(text[i + 1]) > 0));
        }

        if (NumeralChars.SmallUnit(c) == 10)
        {
            return true;
        }

        // 百三, 千三: a unit first, then a digit.
        return NumeralChars.SmallUnit(c) > 10 && i + 1 < text.Length && NumeralChars.Digit(text[i + 1]) is > 0;
    }

    /// <summary>The end of the numeral starting at <paramref name="i"/>.</summary>
    internal static int ScanNumeral(string text, int i)
    {
        var j = i;
        var end = i;
        var arabicPoint = false;
        var accepted = i;
        while (j < text.Length)
        {
            var c = NumeralChars.Narrow(text[j]);
            var adjacent = accepted == j;
            var previous = end > i ? NumeralChars.Narrow(text[end - 1]) : '\0';
            if (NumeralChars.IsAsciiDigit(c) || NumeralChars.IsChineseNumeral(c))
            {
                if (!NumeralChars.IsAsciiDigit(c))
                {
                    arabicPoint = false;
                }

                j++;
                end = j;
                accepted = j;
            }
            else if (c == ',' && adjacent && NumeralChars.IsAsciiDigit(previous) && ChineseNumberParser.IsGroup(text, j + 1))
            {
                j++;
                accepted = j;
            }
            else if (c == '.' && adjacent && !arabicPoint && (j == i || NumeralChars.IsAsciiDigit(previous)) && j + 1 < text.Length && NumeralChars.IsAsciiDigit(NumeralChars.Narrow(text[j + 1])))
            {
                arabicPoint = true;
                j++;
                accepted = j;
            }
            else if (NumeralChars.IsDecimalPoint(c) && end > i && NextNonSpace(text, j + 1) is { } after && NumeralChars.Digit(text[after]) is >= 0 && text[after] is not ('两' or '兩'))
            {
                j++;
                accepted = j;
            }
            else if (c is '余' or '餘' or '多' or '来' or '來' && end > i && NextNonSpace(text, j + 1) is { } unit && NumeralChars.LargeUnit(text[unit]) > 0m)
            {
                j++;
                accepted = j;
            }
            else if (c == ' ' && adjacent && end > i && NextNonSpace(text, j) is { } next && SpaceJoins(NumeralChars.Narrow(text[j - 1]), NumeralChars.Narrow(text[next])))
            {
                j = next;
                accepted = j;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    /// <summary>Spaces join numeral parts written apart (一百 五 十 二, 7万 5千, 1000  万) but not two separate numbers (1 234, 667 五).</summary>
    private static bool SpaceJoins(char before, char after)
    {
        var beforeArabic = NumeralChars.IsAsciiDigit(before);
        var afterArabic = NumeralChars.IsAsciiDigit(after);
        if (beforeArabic)
        {
            return NumeralChars.LargeUnit(after) > 0m || NumeralChars.SmallUnit(after) > 0;
        }

        if (afterArabic)
        {
            return NumeralChars.LargeUnit(before) > 0m || NumeralChars.SmallUnit(before) > 0;
        }

        return NumeralChars.IsChineseNumeral(after) || NumeralChars.IsDecimalPoint(after) || after is '余' or '多' || (before is '余' or '多' or '点' or '點' && !afterArabic);
    }

    private static int? NextNonSpace(string text, int j)
    {
        while (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        return j < text.Length ? j : null;
    }

    private static bool Accept(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        var hasDigit = false;
        foreach (var c in span)
        {
            hasDigit |= NumeralChars.Digit(c) is not null || NumeralChars.SmallUnit(c) > 0;
        }

        if (!hasDigit)
        {
            return false;
        }

        // A lone financial form is a word (陆地, 入伍, 收拾); 两两 is "in pairs".
        if (span.Length == 1 && NumeralChars.IsFinancial(span[0]) && !(text.AsSpan(0, start).TrimEnd(' ') is [.., '之' or '又']))
        {
            return false;
        }

        if (span is "两两" or "兩兩" or "一一")
        {
            return false;
        }

        return span.Length > 2 || !InsideWord(text, start, end);
    }

    private static bool FinancialBeforeOrdinary(string text, int i) =>
        i + 1 < text.Length && NumeralChars.IsFinancial(text[i]) && text[i] is not ('拾' or '佰' or '仟')
        && text[i + 1] is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '两' or '兩' or (>= '0' and <= '9') or (>= '０' and <= '９');

    private static bool InsideWord(string text, int start, int end)
    {
        for (var length = 2; length <= MaxWordLength; length++)
        {
            for (var from = Math.Max(0, end - length); from <= start && from + length <= text.Length; from++)
            {
                if (NonNumberWords.Contains(text.Substring(from, length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Adds 第 (ordinal), % and 百分之 (percent), X分之Y and N又X分之Y (fractions) around the plain numerals.</summary>
    private static ImmutableArray<NumberMention> Compose(string text, List<NumberMention> raw)
    {
        var result = ImmutableArray.CreateBuilder<NumberMention>(raw.Count);
        for (var k = 0; k < raw.Count; k++)
        {
            var m = raw[k];
            var start = m.Span.Start;
            var end = m.Span.End;

            // X分之Y
            if (k + 1 < raw.Count && Between(text, end, raw[k + 1].Span.Start) is "分之" && raw[k + 1].Value != 0m)
            {
                var denominator = m.Value;
                var numerator = raw[k + 1].Value;
                if (denominator != 0m)
                {
                    var fraction = new NumberMention(new TextSpan(start, raw[k + 1].Span.End), Math.Abs(numerator / denominator) * Math.Sign(numerator * denominator), NumberKind.Fraction, m.Approx);
                    result.Add(WholeWithFraction(text, result, fraction));
                    k++;
                    continue;
                }
            }

            if (Before(text, start, "百分之") && m.Kind == NumberKind.Cardinal && (start < 4 || NumeralChars.Digit(text[start - 4]) is null))
            {
                result.Add(m with { Span = new TextSpan(start - 3, end), Kind = NumberKind.Percent });
                continue;
            }

            if (end < text.Length && text[end] is '%' or '％')
            {
                result.Add(m with { Span = new TextSpan(start, end + 1), Kind = NumberKind.Percent });
                continue;
            }

            if (start > 0 && text[start - 1] == '第')
            {
                result.Add(m with { Span = new TextSpan(start - 1, end), Kind = NumberKind.Ordinal });
                continue;
            }

            result.Add(m);
        }

        return result.ToImmutable();
    }

    /// <summary>一又二分之一: a whole number joined by 又 to the fraction just built.</summary>
    private static NumberMention WholeWithFraction(string text, ImmutableArray<NumberMention>.Builder built, NumberMention fraction)
    {
        if (built.Count > 0 && built[^1] is { Kind: NumberKind.Cardinal } whole && Between(text, whole.Span.End, fraction.Span.Start) is "又")
        {
            built.RemoveAt(built.Count - 1);
            var value = whole.Value < 0m ? whole.Value - fraction.Value : whole.Value + fraction.Value;
            return new NumberMention(new TextSpan(whole.Span.Start, fraction.Span.End), value, NumberKind.Fraction, whole.Approx || fraction.Approx);
        }

        return fraction;
    }

    private static string Between(string text, int from, int to) =>
        to >= from && to - from <= 8 ? text[from..to].Replace(" ", string.Empty, StringComparison.Ordinal) : "\0";

    private static bool Before(string text, int start, string word) =>
        start >= word.Length && text.AsSpan(start - word.Length, word.Length).SequenceEqual(word);
}
