using System.Text.RegularExpressions;
using Extract.Recognition;
using Extract.Recognition.Dates;
using Extract.Calendar;
using Extract.Layout;

namespace Extract.Metadata;

/// <summary>
/// Chooses the publish date/time the page states, from meta tags and from visible date lines near the title, checked
/// against each other and against the date in the URL. The URL alone never makes a publish date (ANNOTATION.md:
/// only what the page states), it only arbitrates.
/// </summary>
internal static partial class PublishDate
{
    private static readonly string[] MetaNames =
    [
        "PubDate", "publishdate", "publish_date", "publish-date", "publishtime", "pubtime", "ptime", "article:published_time",
        "og:article:published_time", "og:release_date", "datePublished", "published_time", "publication_date", "sailthru.date",
        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "weibo:article:create_at", "firstpublishedtime", "releaseDate",
    ];

    /// <summary>The ISO date/time from the page's meta tags, or null.</summary>
    public static string? FromMeta(PageLayout layout)
    {
        var value = layout.MetaValue(MetaNames);
        return value is null ? null : IsoDate.TryNormalize(value);
    }

    /// <summary>The ISO date/time a short visible line states as its date: a 发布时间 line or a line that is mostly a date.</summary>
    public static string? FromLine(string line)
    {
        if (line.Length > 120)
        {
            return null;
        }

        line = Unglued(line);
        var keyed = IsKeyed(line);
        var match = DateRegex().Match(line);
        if (!match.Success)
        {
            match = UsDateRegex().Match(line);
            return match.Success && (keyed || match.Length * 3 >= line.Length || line.Length <= 40) ? UsDate(match) : null;
        }

        return keyed || match.Length * 3 >= line.Length || line.Length <= 40 ? IsoDate.TryNormalize(line[match.Index..]) : null;
    }

    /// <summary>
    /// A date and its time of day set apart when a text dump glued them (2019-09-0712:30 → 2019-09-07 12:30: the two stood
    /// in adjacent inline elements, and innerText puts nothing between them).
    /// </summary>
    internal static string Unglued(string line) => line.Length < 14 ? line : GluedTimeRegex().Replace(line, " ");

    /// <summary>A month/day/year stamp with a time of day (9/17/2004 5:54:13 AM), as forum and blog software print it; day/month when the first number exceeds 12.</summary>
    private static string? UsDate(Match match)
    {
        var first = int.Parse(match.Groups["a"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups["b"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var (month, day) = first > 12 ? (second, first) : (first, second);
        var hour = int.Parse(match.Groups["h"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        if (match.Groups["pm"].Value.Equals("PM", StringComparison.OrdinalIgnoreCase) && hour < 12)
        {
            hour += 12;
        }
        else if (match.Groups["pm"].Value.Equals("AM", StringComparison.OrdinalIgnoreCase) && hour == 12)
        {
            hour = 0;
        }

        return IsoDate.TryNormalize(FormattableString.Invariant($"{match.Groups["y"].Value}-{month}-{day} {hour}:{match.Groups["min"].Value}"));
    }

    /// <summary>True when the line names its date as a publish date (发布时间, 发表于, 日期…) rather than just containing one.</summary>
    public static bool IsKeyed(string line) => KeyRegex().IsMatch(line);

    /// <summary>Meta and visible candidates reconciled: where they disagree on the day, the one the URL's date supports wins, else the visible one; the time of day comes from whichever states it for the chosen day, the visible one when both do.</summary>
    public static string? Choose(string? meta, IReadOnlyList<(string Date, bool Keyed)> visible, string? url)
    {
        var urlDay = ReferenceDates.DateFromUrl(url);

        // A date on a 发布时间/发表于 line before a bare one; of several, the one on the URL's day (others are update or event dates).
        var seen = visible.FirstOrDefault(v => v.Keyed).Date ?? visible.FirstOrDefault().Date;
        if (urlDay is { } day)
        {
            seen = visible.FirstOrDefault(v => IsoDate.DateOf(v.Date) == day).Date ?? seen;
        }

        string? chosen;
        if (meta is null || seen is null)
        {
            chosen = meta ?? seen;
        }
        else if (IsoDate.DateOf(meta) == IsoDate.DateOf(seen))
        {
            // On one day the page's own time wins when both state one (a CMS stamps its meta tag minutes after the
            // release time the page shows); the meta tag's only when the page gives the day alone.
            chosen = meta.Length > seen.Length ? meta : seen;
        }
        else if (urlDay is { } d)
        {
            chosen = IsoDate.DateOf(meta) == d ? meta : IsoDate.DateOf(seen) == d ? seen : Nearer(meta, seen, d);
        }
        else
        {
            chosen = seen;
        }

        return chosen;
    }

    private static string Nearer(string a, string b, DateOnly day)
    {
        var da = IsoDate.DateOf(a);
        var db = IsoDate.DateOf(b);
        if (da is null)
        {
            return b;
        }

        if (db is null)
        {
            return a;
        }

        return Math.Abs(da.Value.DayNumber - day.DayNumber) <= Math.Abs(db.Value.DayNumber - day.DayNumber) ? a : b;
    }

    [GeneratedRegex(@"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateRegex();

    // Between a full date's two-digit day and a time of day written right after it.
    [GeneratedRegex(@"(?<=(?<!\d)(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{2})(?=\d{1,2}[:：]\d{2})", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GluedTimeRegex();

    [GeneratedRegex(@"(?<![\d/])(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>(?:19|20)\d{2})\s+(?<h>\d{1,2}):(?<min>\d{2})(?::\d{2})?(?:\s*(?<pm>[AP]M))?", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UsDateRegex();

    [GeneratedRegex(@"发布|发表|时间|日期|更新|来源|作者|编辑|记者|稿源|出处|published|posted|date", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyRegex();
}
