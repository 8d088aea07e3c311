using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Recognition.Dates;
using Extract.Resources;
using Extract.Calendar;

namespace Extract.Metadata;

/// <summary>What one metadata line (来源/发布时间/作者/记者/编辑…) states.</summary>
internal sealed record MetadataLine(string? Outlet, string? PublishedAt, ImmutableArray<string> Authors, ImmutableArray<string> Editors)
{
    /// <summary>The date as the line wrote it, when it stated one.</summary>
    public string? PublishedText { get; init; }
}

/// <summary>Recognises byline, source and date lines, inline bylines (本报讯(记者 X)) and trailing name credits ((梅方义 汪琳)).</summary>
internal static partial class MetadataLines
{
    private static readonly string[] RoleWords =
    [
        "本报记者", "本台记者", "本网记者", "特约记者", "见习记者", "实习记者", "融媒体记者", "记者", "通讯员", "实习生", "见习生",
        "本报", "本台", "本网", "摄影", "摄像", "文图", "图文", "文/图", "文/摄", "图/文", "文", "图", "摄", "报道", "供稿", "撰稿", "编辑", "责任编辑",
    ];

    /// <summary>Parses <paramref name="line"/> (normalised) as a metadata line; null when it is content.</summary>
    public static MetadataLine? TryParse(string line, Surnames surnames)
    {
        if (line.Length > 120)
        {
            return null;
        }

        // A credit line in round brackets: keyed (（责任编辑：吴双）, （编辑：X　审核：Y）) or names alone, perhaps after
        // the unit they write for (（苗晓东　芦佳）, （大将镇党政办 黄丽萍 罗文军）).
        if (line.Length >= 4 && line[0] is '（' or '(' && line[^1] is '）' or ')' && line.IndexOfAny(['（', '(', '）', ')'], 1, line.Length - 2) < 0)
        {
            var inside = line[1..^1].Trim();
            if (TryParse(inside, surnames) is { } keyed)
            {
                return keyed;
            }

            var names = Names(inside, surnames, out var leftover);
            var unit = NameSplitRegex().Split(inside).FirstOrDefault(t => t.Length > 0) ?? "";
            return names.Length > 0 && names.All(n => n.All(c => c is >= '\u4e00' and <= '\u9fff' or '·'))
                && (leftover == 0 || (leftover == unit.Length && unit.Length <= 12 && OrgLikeRegex().IsMatch(unit)))
                ? new MetadataLine(null, null, names, [])
                : null;
        }

        // Bracketed metadata (【作者：X　来源：Y　发布日期：Z】, 【发布时间：…】【来源：…】): the brackets are layout.
        if (line.Length > 0 && line[0] is '【' or '[' or '［')
        {
            line = string.Create(line.Length, line, static (chars, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    chars[i] = source[i] is '【' or '】' or '[' or ']' or '［' or '］' ? ' ' : source[i];
                }
            }).Trim();
        }

        var matches = KeyRegex().Matches(line);
        var dateAtStart = LeadingDateRegex().Match(line);
        if (matches.Count == 0 || (matches[0].Index > 0 && !dateAtStart.Success))
        {
            return dateAtStart.Success && dateAtStart.Length == line.Trim().Length
                ? new MetadataLine(null, IsoDate.TryNormalize(line), [], []) { PublishedText = line.Trim() }
                : Dateline(line, surnames);
        }

        string? outlet = null;
        string? published = dateAtStart.Success ? IsoDate.TryNormalize(dateAtStart.Value) : null;
        var publishedText = published is null ? null : dateAtStart.Value.Trim();

        // A date written without a key of its own inside the line (来源：天津日报　　2024-02-07 07:20; 作者：… 2023-11-14 08:30)
        // belongs to the line, not to the field before it.
        if (published is null && DatelineDateRegex().Match(line) is { Success: true } inner && IsoDate.TryNormalize(inner.Value) is { } innerDate
            && !matches.Any(m => m.Index + m.Length == inner.Index))
        {
            published = innerDate;
            publishedText = inner.Value.Trim();
            line = Without(line, inner);
            matches = KeyRegex().Matches(line);
        }
        var authors = ImmutableArray.CreateBuilder<string>();
        var editors = ImmutableArray.CreateBuilder<string>();
        var contentChars = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var key = matches[i].Groups["key"].Value;
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : line.Length;
            var value = line[start..end].Trim();
            switch (key)
            {
                case "来源" or "信息来源" or "稿件来源" or "文章来源" or "转自" or "出处":
                    outlet ??= FirstField(value);
                    break;
                case "发布时间" or "发表时间" or "发布日期" or "更新时间" or "时间" or "日期" or "发稿时间":
                    if (IsoDate.TryNormalize(value) is not { } date)
                    {
                        contentChars += value.Length;
                    }
                    else if (published is null)
                    {
                        published = date;
                        publishedText = value;
                    }

                    break;
                case "浏览次数" or "阅读次数" or "阅读量" or "浏览量" or "点击数" or "访问量" or "字号" or "发布人" or "发布单位":
                    break;
                case "编辑" or "责任编辑" or "执行编辑" or "审核" or "审校" or "签发" or "校对" or "终审" or "初审" or "复审" or "值班编辑":
                    editors.AddRange(Names(value, surnames, out var leftE));
                    contentChars += leftE;
                    break;
                default:
                    authors.AddRange(Names(value, surnames, out var leftA));
                    contentChars += leftA;
                    break;
            }
        }

        // A line that says more than its keys and names is content that happens to start with a key word.
        return contentChars > 6 ? null : new MetadataLine(outlet, published, authors.ToImmutable(), editors.ToImmutable()) { PublishedText = publishedText };
    }

    /// <summary>
    /// A dateline that does not open with a key: a masthead or publisher, one full date (with its time), an edition, and
    /// perhaps keyed fields — 鑫源能源报　2023年10月24日　第03版：基层新闻; 许昌市公安局魏都分局 | 2024-08-19 | 文/图 尚嘉言;
    /// 来源：定西日报　　2023-10-09. The leading name is the outlet when no 来源 field names one. Null when anything else is on
    /// the line (a sentence that mentions a date), or the lead does not end like a body's name (报, 网, 局, 中心…).
    /// </summary>
    private static MetadataLine? Dateline(string line, Surnames surnames)
    {
        if (line.Length > 80)
        {
            return null;
        }

        var dates = DatelineDateRegex().Matches(line);
        if (dates.Count != 1 || IsoDate.TryNormalize(dates[0].Value) is not { } published)
        {
            return null;
        }

        var date = dates[0];
        var rest = EditionRegex().Replace(Without(line, date), "  ").Replace('|', ' ').Replace('｜', ' ').Trim();
        var key = KeyRegex().Match(rest);
        var lead = (key.Success ? rest[..key.Index] : rest).Trim();
        if (lead.Length > 0 && !(lead.Length <= 24 && lead.All(c => c is >= '\u4e00' and <= '\u9fff' || char.IsAsciiLetterOrDigit(c)) && OrgLikeRegex().IsMatch(lead)))
        {
            return null;
        }

        var keyed = key.Success ? TryParse(rest[key.Index..], surnames) : null;
        if (key.Success && keyed is null)
        {
            return null;
        }

        return new MetadataLine(keyed?.Outlet ?? (lead.Length > 0 ? lead : null), published, keyed?.Authors ?? [], keyed?.Editors ?? [])
        {
            PublishedText = date.Value.Trim(),
        };
    }

    /// <summary><paramref name="line"/> with <paramref name="match"/> cut out, two spaces in its place so the fields either side stay apart.</summary>
    private static string Without(string line, Match match) => line[..match.Index] + "  " + line[(match.Index + match.Length)..];

    /// <summary>Splits a byline value into names, dropping role words; <paramref name="leftover"/> counts characters that were neither.</summary>
    internal static ImmutableArray<string> Names(string value, Surnames surnames, out int leftover)
    {
        leftover = 0;
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in NameSplitRegex().Split(value))
        {
            var token = raw.Trim('(', ')', '（', '）', '[', ']', '【', '】', ' ');
            foreach (var role in RoleWords)
            {
                if (token.StartsWith(role, StringComparison.Ordinal) && token.Length > role.Length && role.Length >= 2)
                {
                    token = token[role.Length..];
                    break;
                }
            }

            foreach (var role in RoleWords)
            {
                if (token.EndsWith(role, StringComparison.Ordinal) && token.Length - role.Length >= 2)
                {
                    token = token[..^role.Length];
                    break;
                }
            }

            if (token.Length == 0 || RoleWords.Contains(token))
            {
                continue;
            }

            if (IsName(token, surnames))
            {
                names.Add(token);
            }
            else
            {
                leftover += token.Length;
            }
        }

        return names.ToImmutable();
    }

    private static bool IsName(string token, Surnames surnames) =>
        surnames.IsPlausibleName(token) || (token.Length is >= 2 and <= 4 && token.All(c => c is >= '\u4e00' and <= '\u9fff') && !OrgLikeRegex().IsMatch(token))
        || (token.Length is >= 3 and <= 30 && token.All(c => char.IsAsciiLetter(c) || c is ' ' or '.' or '-') && char.IsUpper(token[0]));

    private static string? FirstField(string value)
    {
        var first = value.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return string.IsNullOrEmpty(first) ? null : first.Trim('【', '】', '[', ']');
    }

    /// <summary>An inline byline opening a paragraph: 本报讯(记者 岳震红), (通讯员 张三 李四). Returns the names and the prefix length.</summary>
    public static (ImmutableArray<string> Names, int Length) InlineByline(string paragraph, Surnames surnames)
    {
        var match = InlineBylineRegex().Match(paragraph);
        if (!match.Success)
        {
            return ([], 0);
        }

        var names = Names(match.Groups["names"].Value, surnames, out var leftover);
        return names.IsEmpty || leftover > 4 ? ([], 0) : (names, match.Length);
    }

    /// <summary>A trailing credit of names in brackets, (梅方义 汪琳), where every item is a plausible full name. Returns the names and the credit's start.</summary>
    public static (ImmutableArray<string> Names, int Start) TrailingCredit(string paragraph, Surnames surnames)
    {
        var match = TrailingCreditRegex().Match(paragraph);
        if (!match.Success)
        {
            return ([], -1);
        }

        var items = match.Groups["names"].Value.Split([' ', '、', ','], StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0 || !items.All(i => surnames.IsPlausibleName(i)) || (items.Length == 1 && match.Index > 0 && paragraph.Length - match.Length > 0 && !SentenceEnd(paragraph[match.Index - 1])))
        {
            return ([], -1);
        }

        return ([.. items], match.Index);
    }

    private static bool SentenceEnd(char c) => c is '。' or '！' or '？' or '”' or '.' or '!' or '?' or '…';

    [GeneratedRegex(@"(?<key>责任编辑|执行编辑|值班编辑|编辑|审核|审校|签发|校对|终审|初审|复审|信息来源|稿件来源|文章来源|来源|转自|出处|发布人|发布单位|发布时间|发表时间|发布日期|更新时间|发稿时间|时间|日期|作者|本报记者|记者|通讯员|摄影|摄像|文/图|文/摄|图/文|文图|供稿|撰稿|实习生|浏览次数|阅读次数|阅读量|浏览量|点击数|访问量|字号)\s*(?:[:：]\s*|\s+|(?=[\u4e00-\u9fff]{2,4}(?:\s|$)))", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyRegex();

    [GeneratedRegex(@"^" + FullDate, RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingDateRegex();

    // A full date with its time of day when written: 2023-06-30 11:05, 2025年5月21日 16时05分, 2024/03/18.
    private const string FullDate = @"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)(?:\s*日)?(?:\s*\d{1,2}\s*[:：时]\s*\d{2}(?:\s*[:：]\s*\d{2}|\s*分)?)?";

    [GeneratedRegex(@"(?<![\d.])" + FullDate + @"(?![\d:：])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatelineDateRegex();

    [GeneratedRegex(@"第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版(?:\s*[:：]\s*[\u4e00-\u9fff]{1,8})?|版次\s*[:：]\s*[0-9A-Za-z]{1,4}|(?<![\u4e00-\u9fff])[A-Z]?\d{1,2}版", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EditionRegex();

    [GeneratedRegex(@"[\s、,，;；|]+|(?<=[\u4e00-\u9fff])/(?=[\u4e00-\u9fff]{2})", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NameSplitRegex();

    [GeneratedRegex(@"(?:网|报|社|台|站|中心|部|局|委|办|会|院|厅|处|科|室|组|队|县|市|区|镇|乡|村|省)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OrgLikeRegex();

    [GeneratedRegex(@"^(?:[\u4e00-\u9fff]{0,6}讯\s*)?[(（]\s*(?<names>(?:本报|本台|本网|融媒体|特约|见习|实习)?(?:记者|通讯员)[^)）]{1,40})[)）]\s*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineBylineRegex();

    [GeneratedRegex(@"[(（]\s*(?<names>[\u4e00-\u9fff]{2,4}(?:[\s、,]+[\u4e00-\u9fff]{2,4}){0,5})\s*[)）]\s*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingCreditRegex();
}
