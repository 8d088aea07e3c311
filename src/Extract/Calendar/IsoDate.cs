using System.Globalization;
using System.Text.RegularExpressions;

namespace Extract.Calendar;

/// <summary>Parses absolute date/time strings from metadata (2022-03-20 18:39:04, 2022年03月20日 18:39, 2022/3/5, ISO) into ISO-8601.</summary>
internal static partial class IsoDate
{
    /// <summary>ISO-8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM) for the first absolute date in <paramref name="text"/>, or null.</summary>
    public static string? TryNormalize(string text)
    {
        var match = AbsoluteRegex().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = $"{year:D4}-{month:D2}-{day:D2}";
        if (match.Groups["h"].Success)
        {
            var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture);
            if (hour < 24 && minute < 60)
            {
                return $"{date}T{hour:D2}:{minute:D2}";
            }
        }

        return date;
    }

    /// <summary>The calendar date of an ISO value (YYYY-MM-DD prefix), or null for month-only and yearless values.</summary>
    public static DateOnly? DateOf(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})(?!\d)\s*日?(?:\s*T?\s*(?<h>\d{1,2})\s*[:：时]\s*(?<min>\d{1,2}))?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AbsoluteRegex();
}
