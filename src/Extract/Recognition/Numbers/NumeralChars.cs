namespace Extract.Recognition.Numbers;

/// <summary>
/// The characters Chinese numerals are written with: digits (common, financial, traditional), small units
/// (十百千) and large units (万亿兆), with their values. Full-width ASCII digits are accepted as digits.
/// </summary>
internal static class NumeralChars
{
    /// <summary>The value of a digit character (0–9; 两 is 2; 几 is a digit of unknown value, reported as -1), or null.</summary>
    public static int? Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        '零' or '〇' or 'Ｏ' => 0,
        '一' or '壹' or '弌' => 1,
        '二' or '贰' or '貳' or '两' or '兩' or '倆' or '俩' => 2,
        '三' or '叁' or '參' or '叄' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        '几' or '幾' => -1,
        _ => null,
    };

    /// <summary>The value of a small unit (十 百 千, with financial and traditional forms), or 0.</summary>
    public static int SmallUnit(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => 0,
    };

    /// <summary>The value of a large unit (万 亿 兆, traditional 萬 億), or 0.</summary>
    public static decimal LargeUnit(char c) => c switch
    {
        '万' or '萬' => 10_000m,
        '亿' or '億' => 100_000_000m,
        '兆' => 1_000_000_000_000m,
        _ => 0m,
    };

    /// <summary>True for the financial digit forms (壹贰叁肆伍陆柒捌玖拾佰仟) that are also ordinary words when alone (陆地, 入伍, 收拾).</summary>
    public static bool IsFinancial(char c) => c is '壹' or '贰' or '貳' or '叁' or '參' or '肆' or '伍' or '陆' or '陸' or '柒' or '捌' or '玖' or '拾' or '佰' or '仟';

    public static bool IsAsciiDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    /// <summary>True for any Chinese numeral character: a digit (not ASCII), a small or a large unit.</summary>
    public static bool IsChineseNumeral(char c) => (!IsAsciiDigit(c) && Digit(c) is not null) || SmallUnit(c) > 0 || LargeUnit(c) > 0;

    public static bool IsDecimalPoint(char c) => c is '点' or '點';

    /// <summary>Maps a full-width ASCII character (digits, ．，％) to its half-width form; other characters unchanged.</summary>
    public static char Narrow(char c) => c is >= '！' and <= '～' ? (char)(c - 0xFEE0) : c;
}
