using System.Globalization;

namespace Extract.Recognition.Numbers;

/// <summary>
/// Resolves the text of one numeral — Chinese (一千二百三十四, 两万, 一万零五百, 十多, 几十, 壹佰, 萬), Arabic
/// (1,234, 22.16, full-width ３０) or mixed (22.16万, 3万4000, 5亿1万4千6百) — to its value. Implements the
/// positional rules: 十 at the start means 1×10, 零 marks a skipped place, a last digit right after a unit is
/// one place lower (一万三 = 13000, 两千三 = 2300), 万/亿 multiply everything before them that is smaller
/// (四万万, 4.78万亿), 余/多/几 inside the numeral make it approximate, and two neighbouring digits (三四) are an
/// approximate range valued at the lower one.
/// </summary>
internal static class ChineseNumberParser
{
    /// <summary>Parses <paramref name="text"/> entirely; false when it is not one well-formed numeral or is too large for a decimal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value, out bool approx)
    {
        try
        {
            return TryParseCore(text, out value, out approx);
        }
        catch (OverflowException)
        {
            value = 0m;
            approx = false;
            return false;
        }
    }

    private static bool TryParseCore(ReadOnlySpan<char> text, out decimal value, out bool approx)
    {
        value = 0m;
        approx = false;
        var negative = false;
        var i = 0;
        SkipSpaces(text, ref i);
        if (i < text.Length && text[i] is '负' or '負' or '-' or '－')
        {
            negative = true;
            i++;
        }

        // 三四个, 七八天: two neighbouring digits are an approximate range, not 34.
        if (text.Length - i == 2 && !NumeralChars.IsAsciiDigit(text[i]) && NumeralChars.Digit(text[i]) is > 0 and var low
            && !NumeralChars.IsAsciiDigit(text[i + 1]) && NumeralChars.Digit(text[i + 1]) is var high && high == low + 1)
        {
            value = negative ? -low : low;
            approx = true;
            return true;
        }

        var state = new State();
        var any = false;
        var onlyDigits = true;
        var digitRun = 0;
        while (i < text.Length)
        {
            var c = NumeralChars.Narrow(text[i]);
            if (c == ' ')
            {
                i++;
                continue;
            }

            if (NumeralChars.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && NumeralChars.IsAsciiDigit(NumeralChars.Narrow(text[i + 1]))))
            {
                if (!TryReadArabic(text, ref i, out var arabic))
                {
                    return false;
                }

                state.PutNumber(arabic, singleChineseDigit: false);
                any = true;
                onlyDigits = false;
                continue;
            }

            if (NumeralChars.IsDecimalPoint(c))
            {
                i++;
                var fraction = ReadFraction(text, ref i);
                if (fraction is null)
                {
                    return false;
                }

                state.AddFraction(fraction.Value);
                onlyDigits = false;
                continue;
            }

            if (NumeralChars.Digit(c) is { } digit)
            {
                if (digit < 0)
                {
                    approx = true;
                    state.PutFew();
                    onlyDigits = false;
                }
                else if (digit == 0)
                {
                    state.PutZero(digitRun > 0 && onlyDigits);
                    digitRun++;
                }
                else
                {
                    state.PutDigit(digit, positional: digitRun > 0 && onlyDigits);
                    digitRun++;
                }

                any = true;
                i++;
                continue;
            }

            if (NumeralChars.SmallUnit(c) is > 0 and var small)
            {
                state.PutSmallUnit(small);
                onlyDigits = false;
                digitRun = 0;
                any = true;
                i++;
                continue;
            }

            if (NumeralChars.LargeUnit(c) is > 0m and var large)
            {
                if (!any)
                {
                    return false;
                }

                state.PutLargeUnit(large);
                onlyDigits = false;
                digitRun = 0;
                i++;
                continue;
            }

            if (c is '余' or '餘' or '多' or '来' or '來')
            {
                approx = true;
                i++;
                continue;
            }

            return false;
        }

        if (!any)
        {
            return false;
        }

        value = state.Result();
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>Parses a string of digit characters position by position (二零二一 → 2021, 2022 → 2022), or null.</summary>
    public static int? DigitString(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 9)
        {
            return null;
        }

        var value = 0;
        foreach (var c in text)
        {
            if (NumeralChars.Digit(c) is not (>= 0 and var d))
            {
                return null;
            }

            value = (value * 10) + d;
        }

        return value;
    }

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
    }

    private static bool TryReadArabic(ReadOnlySpan<char> text, ref int i, out decimal value)
    {
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var seenPoint = false;
        while (i < text.Length && length < buffer.Length)
        {
            var c = NumeralChars.Narrow(text[i]);
            if (c is >= '0' and <= '9')
            {
                buffer[length++] = c;
                i++;
            }
            else if (c == ',' && !seenPoint && i + 3 < text.Length + 1 && IsGroup(text, i + 1))
            {
                i++;
            }
            else if (c == '.' && !seenPoint && i + 1 < text.Length && NumeralChars.IsAsciiDigit(NumeralChars.Narrow(text[i + 1])))
            {
                buffer[length++] = '.';
                seenPoint = true;
                i++;
            }
            else
            {
                break;
            }
        }

        return decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True when exactly three ASCII digits start at <paramref name="start"/> (a thousands group).</summary>
    internal static bool IsGroup(ReadOnlySpan<char> text, int start)
    {
        if (start + 3 > text.Length)
        {
            return false;
        }

        for (var k = start; k < start + 3; k++)
        {
            if (!NumeralChars.IsAsciiDigit(NumeralChars.Narrow(text[k])))
            {
                return false;
            }
        }

        return start + 3 == text.Length || !NumeralChars.IsAsciiDigit(NumeralChars.Narrow(text[start + 3]));
    }

    private static decimal? ReadFraction(ReadOnlySpan<char> text, ref int i)
    {
        var fraction = 0m;
        var scale = 0.1m;
        var start = i;
        while (i < text.Length)
        {
            var c = NumeralChars.Narrow(text[i]);
            if (c == ' ' && i + 1 < text.Length && NumeralChars.Digit(text[i + 1]) is >= 0)
            {
                i++;
                continue;
            }

            if (NumeralChars.Digit(c) is not (>= 0 and var d) || c is '两' or '兩')
            {
                break;
            }

            fraction += d * scale;
            scale /= 10m;
            i++;
        }

        return i > start ? fraction : null;
    }

    /// <summary>Accumulator of the positional rules; a value type local to one parse.</summary>
    private struct State
    {
        private decimal _total;
        private decimal _section;
        private decimal _number;
        private bool _hasNumber;
        private bool _singleChineseDigit;
        private decimal _lastUnit;
        private bool _zeroSinceUnit;

        public void PutNumber(decimal number, bool singleChineseDigit)
        {
            _number = number;
            _hasNumber = true;
            _singleChineseDigit = singleChineseDigit;
        }

        public void PutDigit(int digit, bool positional)
        {
            if (positional && _hasNumber)
            {
                _number = (_number * 10m) + digit;
                _singleChineseDigit = false;
                return;
            }

            PutNumber(digit, singleChineseDigit: true);
        }

        public void PutZero(bool positional)
        {
            if (positional && _hasNumber)
            {
                _number *= 10m;
                _singleChineseDigit = false;
                return;
            }

            if (!_hasNumber && _lastUnit == 0m && _section == 0m && _total == 0m)
            {
                PutNumber(0m, singleChineseDigit: false);
                return;
            }

            _zeroSinceUnit = true;
        }

        public void PutFew()
        {
            _number = 0m;
            _hasNumber = false;
        }

        public void PutSmallUnit(int unit)
        {
            var multiplier = _hasNumber && _number != 0m ? _number : 1m;
            _section += multiplier * unit;
            AfterUnit(unit);
        }

        public void PutLargeUnit(decimal unit)
        {
            var below = _section + (_hasNumber ? _number : 0m);
            if (below == 0m)
            {
                _total = _total == 0m ? unit : _total * unit;
            }
            else if (_total > 0m && _total < unit)
            {
                _total = (_total + below) * unit;
            }
            else
            {
                _total += below * unit;
            }

            _section = 0m;
            AfterUnit(unit);
        }

        public void AddFraction(decimal fraction)
        {
            var whole = _hasNumber ? Elided() : 0m;
            _number = whole + fraction;
            _hasNumber = true;
            _singleChineseDigit = false;
            _lastUnit = 0m;
        }

        public readonly decimal Result() => _total + _section + (_hasNumber ? Elided() : 0m);

        /// <summary>A single digit right after a unit with no 零 between is one place lower: 一万三 → 3000.</summary>
        private readonly decimal Elided() =>
            _singleChineseDigit && _lastUnit >= 10m && !_zeroSinceUnit ? _number * (_lastUnit / 10m) : _number;

        private void AfterUnit(decimal unit)
        {
            _number = 0m;
            _hasNumber = false;
            _singleChineseDigit = false;
            _lastUnit = unit;
            _zeroSinceUnit = false;
        }
    }
}
