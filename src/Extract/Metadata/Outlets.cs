using System.Text.RegularExpressions;
using Extract.Resources;

namespace Extract.Metadata;

/// <summary>
/// The outlet where no 来源 key names it: stamped after a dateline's date and time (2021-10-22 09:30 某某日报, a portal's
/// header), in book-title marks after a dash or a source key (——《某某周刊》2001年第3期, 转自《某某报》), leading a reporter
/// role (某某日报记者 王建国: the masthead), or opening the first paragraph as an agency or outlet dateline
/// (某某社北京10月22日电, 某某网讯). Also the fuller of two readings of one outlet (某某网-某某晚报 over 某某晚报) and the
/// host names a header prints before its dateline. Forms only: no outlet is named here.
/// </summary>
internal static partial class Outlets
{
    /// <summary>The text without host names and URLs (www.example.com, HTTP://NEWS.EXAMPLE.COM.CN/): a header's layout, not content.</summary>
    public static string WithoutHosts(string text) => text.Contains('.', StringComparison.Ordinal) ? HostRegex().Replace(text, " ") : text;

    /// <summary>The text without counters (1307人参与, 我有话说(12), 222评论): widgets that share a dateline.</summary>
    public static string WithoutCounters(string text) => CounterRegex().Replace(text, " ");

    /// <summary>
    /// The outlet a dateline stamps after its date with no key: the line's only other token, set off from the date
    /// (ending at <paramref name="dateEnd"/> in <paramref name="line"/>) by a space, not a person, not a key, either in
    /// book-title marks, or ending in an outlet's or unit's word, or after a date that gives the time of day (a stamp, not
    /// a sentence). Null otherwise.
    /// </summary>
    public static string? Stamped(string lead, string line, int dateEnd, bool timed, Surnames surnames)
    {
        var tokens = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length != 1)
        {
            return null;
        }

        var token = tokens[0];
        var at = line.IndexOf(token, dateEnd, StringComparison.Ordinal);
        if (at <= dateEnd || !string.IsNullOrWhiteSpace(line[dateEnd..at]))
        {
            return null;
        }

        if (BookTitleRegex().Match(token) is { Success: true } book)
        {
            return Name(book.Groups["name"].Value);
        }

        if (!NameRegex().IsMatch(token) || !token.Any(IsHan) || MetadataKeys.KindOf(token) is not null || MetadataKeys.KeyRegex().Match(token) is { Success: true, Index: 0 }
            || Bylines.IsPerson(token, surnames) || !(timed || Bylines.IsUnit(token)))
        {
            return null;
        }

        return Name(token);
    }

    /// <summary>The outlet in book-title marks after a dash (——《某某周刊》2001年第3期): a trailer's attribution; null otherwise.</summary>
    public static string? Attribution(string line)
    {
        var match = AttributionRegex().Match(line);
        return match.Success ? Name(match.Groups["name"].Value) : null;
    }

    /// <summary>The masthead that leads a reporter role (某某日报记者, 某某网·客户端记者): a name of 2–16 letters, not the site itself.</summary>
    public static string? Masthead(string lead, Surnames surnames)
    {
        var token = lead.Trim();
        return token.Length is >= 2 and <= 16 && NameRegex().IsMatch(token) && token.Any(IsHan) && !token.StartsWith('本') && !Bylines.IsPerson(token, surnames)
            ? Name(token)
            : null;
    }

    /// <summary>
    /// The agency or outlet an opening dateline names: 某某社北京10月22日电 → 某某社, 据某某网10月22日消息 → 某某网,
    /// 【某某网2005年7月3日报道】 → 某某网, 某某科技讯 → 某某科技. The city after the outlet is cut at the outlet's last word
    /// (社, 网, 报, 台…); 本报讯, 本网讯 name no outlet.
    /// </summary>
    public static string? FromOpening(string paragraph)
    {
        var match = OpeningRegex().Match(paragraph);
        if (!match.Success)
        {
            return null;
        }

        var who = match.Groups["who"].Value;
        if (who.StartsWith('本') || who.Length < 2)
        {
            return null;
        }

        // 某某社北京 → 某某社: the longest prefix that ends in an outlet's word, when what follows is a short place name.
        for (var end = who.Length - 2; end >= 2; end--)
        {
            if (OutletEndRegex().IsMatch(who[..end]) && who.Length - end <= 6)
            {
                return Name(who[..end]);
            }
        }

        return who.Length <= 10 ? Name(who) : null;
    }

    /// <summary>
    /// The fuller reading of <paramref name="chosen"/> among <paramref name="readings"/>: one that ends with it after a
    /// joining dash or dot (某某网-某某晚报 for 某某晚报: the trailer names the portal and the paper, the header the paper).
    /// </summary>
    public static string Fuller(string chosen, IEnumerable<string> readings)
    {
        foreach (var reading in readings)
        {
            if (reading.Length > chosen.Length + 1 && reading.EndsWith(chosen, StringComparison.Ordinal)
                && reading[reading.Length - chosen.Length - 1] is '-' or '—' or '－' or '·' or '•')
            {
                return reading;
            }
        }

        return chosen;
    }

    private static string? Name(string name)
    {
        name = name.Trim();
        return name.Length is >= 2 and <= 40 ? name : null;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"(?<![\w.@/])(?:https?://)?(?:[A-Za-z0-9-]+\.)+(?:com|cn|net|org|gov|edu|info|cc|tv|hk|tw|me|co)(?:\.[a-z]{2})?(?::\d+)?(?:/[\x21-\x7E]*)?(?![\w.])", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HostRegex();

    [GeneratedRegex(@"[\u4e00-\u9fff]{0,4}[(（]\s*\d+\s*(?:人参与|人|条|次)?\s*[)）]|\d+\s*(?:人参与评论|人参与|条评论|人评论|评论|人阅读|次阅读|次浏览)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CounterRegex();

    [GeneratedRegex(@"^《(?<name>[^《》]{2,20})》$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BookTitleRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fffA-Za-z0-9·•\-—－_]{2,20}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NameRegex();

    // ——《某某周刊》2001年第3期, —— 摘自《某某报》: a dash, perhaps a source word, the name, then at most an issue.
    [GeneratedRegex(@"^\s*(?:[—－\-]{1,2}|~)\s*(?:摘自|转自|选自|原载|原载于|刊于|载于)?\s*《(?<name>[^《》]{2,20})》\s*(?:(?:19|20)\d{2}\s*年)?\s*(?:第?\s*\d{1,3}\s*(?:月号|期|月|号))?\s*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AttributionRegex();

    // An opening dateline: [据]WHO[city][date](电|讯|消息|报道), or WHO讯 without a date, at the start of a paragraph.
    [GeneratedRegex(@"^\s*[【\[]?\s*据?(?<who>[\u4e00-\u9fffA-Za-z·]{2,16}?)\s*(?:(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|讯|消息|报道)|(?<![资快通简喜短])(?:讯|电)(?=\s|[(（【:：]))", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OpeningRegex();

    [GeneratedRegex(@"(?:社|网|报|台|新闻|之家|客户端|频道|周刊|杂志)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OutletEndRegex();
}
