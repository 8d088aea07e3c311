using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Extract.Recognition.Dates;

/// <summary>
/// First version: absolute dates (2021年12月31日, 2020-02-11) and month-days (11月2日) with an optional
/// clock time (18:18, 凌晨3点); a month-day takes the latest year that keeps it on or before the reference date.
/// </summary>
internal sealed partial class DateRecognizer : IRecognizer
{
    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var dates = ImmutableArray.CreateBuilder<DateValueMention>();
        var reference = document.References.Reference;
        foreach (Match match in DateRegex().Matches(document.Body))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day is < 1 or > 31)
            {
                continue;
            }

            string value;
            if (match.Groups["y"].Success)
            {
                var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
                if (day > DateTime.DaysInMonth(year, month))
                {
                    continue;
                }

                value = $"{year:D4}-{month:D2}-{day:D2}";
            }
            else if (reference is { } r)
            {
                var year = r.Year;
                while (day > DateTime.DaysInMonth(year, month) || new DateOnly(year, month, day) > r)
                {
                    year--;
                }

                value = $"{year:D4}-{month:D2}-{day:D2}";
            }
            else
            {
                value = $"--{month:D2}-{day:D2}";
            }

            if (match.Groups["h"].Success && value[0] != '-')
            {
                var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
                var minute = match.Groups["min"].Success ? int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
                if (match.Groups["pm"].Success && hour < 12)
                {
                    hour += 12;
                }

                if (hour < 24 && minute < 60)
                {
                    value += $"T{hour:D2}:{minute:D2}";
                }
            }

            dates.Add(new DateValueMention(new TextSpan(match.Index, match.Index + match.Length), match.Value, value));
        }

        return found with { Dates = dates.ToImmutable() };
    }

    [GeneratedRegex(@"(?:(?<y>(?:19|20)\d{2})\s*(?:年|-|/|\.)\s*)?(?<m>\d{1,2})\s*(?:月|(?<=\d{4}\s*[-/.]\s*\d{1,2})[-/.])\s*(?<d>\d{1,2})(?!\d)\s*(?:日|号)?(?:\s*(?:(?:凌晨|早上|上午|中午)|(?<pm>下午|晚上|傍晚|夜间))?\s*(?<h>\d{1,2})\s*(?:[:：]|时|点)\s*(?:(?<min>\d{2})分?)?)?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateRegex();
}
