using System.Globalization;
using System.Text.RegularExpressions;

namespace Extract.Calendar;

/// <summary>
/// The dates an article's yearless and relative expressions resolve against, in ANNOTATION.md's order:
/// the stated publish date, the URL's date, the crawl time, then the options' reference date.
/// </summary>
internal sealed partial record ReferenceDates(DateOnly? Published, DateOnly? FromUrl, DateOnly? Fetched, DateOnly? Configured)
{
    /// <summary>The first known of the four, or null.</summary>
    public DateOnly? Reference => Published ?? FromUrl ?? Fetched ?? Configured;

    public static ReferenceDates Create(string? publishedAt, string? url, DateTimeOffset? fetchedAt, DateOnly? configured) =>
        new(IsoDate.DateOf(publishedAt), DateFromUrl(url), fetchedAt is { } f ? DateOnly.FromDateTime(f.DateTime) : null, configured);

    /// <summary>The date in a URL: /2022-03/24/, /202211/t20221104_, /20200218/, /2022/03/24/, /2022-03-24/.</summary>
    public static DateOnly? DateFromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        foreach (Match match in UrlDateRegex().Matches(url))
        {
            var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)\d{2})[-/_]?(?<m>[01]\d)[-/_]?(?:t(?:19|20)\d{4})?/?[-_t]?(?<d>[0-3]\d)(?![0-9])", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlDateRegex();
}
