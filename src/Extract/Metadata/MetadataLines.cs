using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Calendar;
using Extract.Resources;

namespace Extract.Metadata;

/// <summary>What one metadata line (来源/发布时间/作者/记者/编辑…) states.</summary>
internal sealed record MetadataLine(string? Outlet, string? PublishedAt, ImmutableArray<string> Authors, ImmutableArray<string> Editors)
{
    /// <summary>The date as the line wrote it, when it stated one.</summary>
    public string? PublishedText { get; init; }

    /// <summary>The masthead that led a reporter role (某某日报记者 王建国): the outlet when no line states one.</summary>
    public string? Masthead { get; init; }

    /// <summary>A name stamped after the dateline's date with no key (2021-10-22 09:30 某某日报): the outlet when the line is the header's.</summary>
    public string? Stamped { get; init; }

    /// <summary>
    /// A person alone beside a timed date with no key (王建国 2015-06-21 11:39:55 0人参与评论): the author when the line is the
    /// header's dateline; further down the same form is a related list's or a comment's stamp (TextStage decides).
    /// </summary>
    public string? Signed { get; init; }
}

/// <summary>One key–value field of a header or trailer line.</summary>
/// <param name="Key">The key as written (来源, 发布时间, 记者); empty for the lead before the first key.</param>
/// <param name="Kind">What the key announces; null for the lead.</param>
/// <param name="Value">The text up to the next key, trimmed.</param>
/// <param name="OutletLed">True when an outlet or masthead led the key without a separator (光明日报记者 …).</param>
internal readonly record struct MetadataField(string Key, MetadataKind? Kind, string Value, bool OutletLed = false);

/// <summary>
/// The metadata grammar over one line: splits header and trailer lines into key–value fields over the key lexicon
/// (<see cref="MetadataKeys"/>) whatever the separators (spaces, full-width spaces, |, 【】, none at all between a value
/// and the next key), reads the dateline (a full date with its time and weekday, after a key, an empty key or a
/// masthead), the outlet, and the byline's names (<see cref="Bylines"/>); also the bylines that open a paragraph
/// (本报讯（记者 X）, 据新华社X电（记者 X）) and that close one ((记者 X), (梅方义 汪琳)). A line that says more than its keys and
/// names is content, never metadata.
/// </summary>
internal static partial class MetadataLines
{
    /// <summary>Letters of other text a metadata line may hold (a unit's name, an edition) before it counts as content.</summary>
    private const int MaxContent = 6;

    /// <summary>Parses <paramref name="line"/> as a metadata line; null when it is content.</summary>
    public static MetadataLine? TryParse(string line, Surnames surnames)
    {
        line = PublishDate.Unglued(Light(PrivateUseRegex().Replace(line, " ")).Trim());
        if (line.Length is 0 or > 160)
        {
            return null;
        }

        // Markers before a byline (□ 本报记者 …, ■ 文/图 …) are layout.
        line = MarkerRegex().Replace(line, "");

        // An attribution closing the article: ——《某某周刊》2001年第3期.
        if (Outlets.Attribution(line) is { } attributed)
        {
            return new MetadataLine(attributed, null, [], []);
        }

        // A credit line in round brackets: keyed (（责任编辑：吴双）, （记者 X 通讯员 Y）) or names alone, perhaps after the unit
        // they write for (（苗晓东　芦佳）, （大将镇党政办 黄丽萍 罗文军）).
        if (line.Length >= 4 && line[0] is '（' or '(' && line[^1] is '）' or ')' && line.IndexOfAny(['（', '(', '）', ')'], 1, line.Length - 2) < 0)
        {
            var inside = line[1..^1].Trim();
            if (TryParse(inside, surnames) is { } keyed && (keyed.Authors.Length + keyed.Editors.Length > 0 || keyed.Outlet is not null))
            {
                return keyed;
            }

            // Names alone: lenient once one of them is a surname and given name (苗晓东 芦佳).
            var names = Bylines.Names(inside, surnames, out var leftover);
            if (names.Length > 0 && leftover > 0)
            {
                names = Bylines.Names(inside, surnames, out leftover, keyed: true);
            }

            var unit = SpaceRegex().Split(inside).FirstOrDefault(t => t.Length > 0) ?? "";
            return names.Length > 0 && names.All(n => n.All(c => c is >= '\u4e00' and <= '\u9fff' or '·'))
                && (leftover == 0 || (leftover == unit.Length && unit.Length <= 12 && Bylines.IsUnit(unit)))
                ? new MetadataLine(null, null, names, [])
                : null;
        }

        // Brackets and bars around fields are layout: 【作者：X】【来源：Y】, 来源：X | 发布时间：Y.
        line = LayoutRegex().Replace(line, "  ").Trim();

        // Dates first: a full date belongs to the Date key right before it, else to the line (来源：天津日报 2024-02-07 07:20;
        // 来源: 2020-02-24 15:18 — a date after an empty key). They are cut out so that the fields either side stay apart.
        string? published = null, publishedText = null;
        var dates = DateRegex().Matches(line);
        foreach (Match date in dates)
        {
            if (IsoDate.TryNormalize(WeekdayRegex().Replace(date.Value, " ")) is { } iso && published is null)
            {
                published = iso;
                publishedText = date.Value.Trim();
            }
        }

        var rest = dates.Count == 0 ? line : DateRegex().Replace(line, "  ");
        var fields = Fields(rest);

        string? outlet = null, masthead = null, stampedOutlet = null, signed = null;
        var timed = publishedText is not null && (publishedText.Contains(':') || publishedText.Contains('：') || publishedText.Contains('时'));
        var authors = ImmutableArray.CreateBuilder<string>();
        var editors = ImmutableArray.CreateBuilder<string>();
        var content = 0;
        var keys = 0;
        foreach (var field in fields)
        {
            switch (field.Kind)
            {
                case null:
                    // The lead: nothing, an edition, or a masthead or publisher before a dateline (鑫源能源报 2023年10月24日 第03版).
                    // Host names and counters around a dateline are the header's layout (news.example.com 2005-03-11 12:12).
                    var lead = EditionRegex().Replace(Outlets.WithoutHosts(field.Value), " ").Trim();
                    if (published is not null)
                    {
                        lead = Outlets.WithoutCounters(lead).Trim();
                    }

                    // What is left of a date the line broke (02日14:25) is layout too, once a key makes the line a header.
                    if (lead.Length == 0 || (fields.Count > 1 && DateFragmentRegex().IsMatch(lead)))
                    {
                        break;
                    }

                    if (published is not null && fields.Count > 1 && fields[1].Key is "发表于" or "发布于" && fields[1].Value.Length == 0 && PosterRegex().IsMatch(lead)
                        && (Bylines.IsPerson(lead, surnames, keyed: true, handles: true) || HandleWithDigitsRegex().IsMatch(lead)))
                    {
                        // A post's stamp: its poster, then 发表于 and the date (某网友 发表于 2005-9-15 11:46): the author.
                        authors.Add(lead);
                    }
                    else if (published is not null && fields.Count > 1 && lead.IndexOf(' ') < 0 && lead.Length <= 4 && Bylines.IsPerson(lead, surnames))
                    {
                        // A person alone beside a keyed dateline (2021-10-22 09:30 [ 王建国 ] 来源：某某日报): the author.
                        authors.Add(lead);
                    }
                    else if (published is not null && lead.Length <= 24 && LeadRegex().IsMatch(lead) && Bylines.IsUnit(lead.Split(' ')[^1]))
                    {
                        outlet ??= lead.Split(' ')[^1];
                    }
                    else if (published is not null && timed && fields.Count == 1 && Bylines.LoneName(lead, surnames) is { } person && !LongHanRegex().IsMatch(person))
                    {
                        // A person alone beside a timed date and no key (王建国 2015-06-21 11:39:55): the header's author. Four
                        // Han characters or more there are an account's name (a self-media account's stamp), not a person's.
                        signed = person;
                    }
                    else if (published is not null && !fields.Exists(f => f.Kind is MetadataKind.Source) && Outlets.Stamped(lead, line, dates[0].Index + dates[0].Length, timed, surnames) is { } stamped)
                    {
                        // A name stamped beside the date and time with no key (2021-10-22 09:30 某某日报): the header's
                        // outlet, a related list's channel (2021-10-22 09:30 科技前沿) further down (TextStage decides).
                        stampedOutlet = stamped;
                    }
                    else if (published is null && fields.Count == 1 && OutletNames(lead, surnames) is { Length: > 0 } signedBy)
                    {
                        // An outlet or masthead and the names with no role word (某某网 王建国 李晓梅): the byline.
                        authors.AddRange(signedBy);
                        masthead = Outlets.Masthead(lead.Split(' ')[0], surnames);
                        keys++;
                    }
                    else if (!(fields.Count > 1 && (fields[1].OutletLed || (MetadataKeys.IsReporterRole(fields[1].Key) && lead.Length <= 16 && LeadRegex().IsMatch(lead)))))
                    {
                        // Without a key, only a date and a masthead make a dateline: anything else is a sentence with a date.
                        if (fields.Count == 1)
                        {
                            return null;
                        }

                        content += lead.Length;
                    }

                    break;
                case MetadataKind.Source:
                    keys++;
                    outlet ??= Bylines.CleanOutlet(field.Value);
                    break;
                case MetadataKind.Date:
                    keys++;
                    if (field.Value.Length > 0 && !CounterValueRegex().IsMatch(field.Value))
                    {
                        content += field.Value.Length;
                    }

                    break;
                case MetadataKind.Author or MetadataKind.Photographer when NoticeValueRegex().IsMatch(field.Value):
                    // A notice, not a byline: 图片正在上传，请稍后..., 作者信息加载中….
                    content += field.Value.Length;
                    break;
                case MetadataKind.Author or MetadataKind.Photographer:
                    keys++;
                    // Counters the value runs into are widgets, not names (作者:某网友 阅读(1660) 评论(5)).
                    authors.AddRange(Bylines.Names(Outlets.WithoutCounters(field.Value), surnames, out var leftA, keyed: true, handles: field.Key is "作者" or "文" or "撰文" or "撰稿" or "执笔"));
                    content += leftA;
                    break;
                case MetadataKind.Editor or MetadataKind.Reviewer:
                    keys++;
                    editors.AddRange(Bylines.Names(field.Value, surnames, out var leftE, keyed: true));
                    content += leftE;
                    break;
                case MetadataKind.Credit or MetadataKind.Publisher:
                    keys++;
                    content += field.Value.Length > 20 ? field.Value.Length : 0;
                    break;
                case MetadataKind.Counter or MetadataKind.Widget:
                    keys++;
                    content += WidgetValueRegex().Replace(field.Value, "").Length;
                    break;
            }
        }

        if (content > MaxContent)
        {
            return null;
        }

        if (keys == 0 && published is null)
        {
            return null;
        }

        // A keyed line with nothing after its keys (来源：, 作者：) says nothing: it may be a heading. One whose values hold
        // no person (发布人：管理员, 作者：组织部) is still wholly metadata and leaves the body.
        // A row of widgets alone (收藏 打印 增大字体) is page furniture around the metadata: it leaves the body too.
        if (published is null && authors.Count == 0 && fields.All(f => f.Kind is null || f.Value.Length == 0))
        {
            return fields.Count(f => f.Kind is MetadataKind.Widget or MetadataKind.Counter) >= 2 && fields[0].Value.Length == 0
                ? new MetadataLine(null, null, [], [])
                : null;
        }

        // A masthead before a reporter role (某某日报记者 王建国) is the outlet the byline writes for.
        if (fields.Count > 1 && MetadataKeys.IsReporterRole(fields[1].Key) && !fields[1].Key.StartsWith('本') && authors.Count > 0
            && !fields.Exists(f => f.Kind is MetadataKind.Photographer)
            && (fields[1].OutletLed || Bylines.IsUnit(fields[0].Value)))
        {
            masthead = Outlets.Masthead(EditionRegex().Replace(fields[0].Value, " "), surnames);
        }

        return new MetadataLine(outlet, published, authors.ToImmutable(), editors.ToImmutable()) { PublishedText = publishedText, Masthead = masthead, Stamped = stampedOutlet, Signed = signed };
    }

    /// <summary>
    /// The names of a byline an outlet or masthead leads without a role word (某某网 王建国, 某某日报 王建国 李晓梅): the first
    /// token a unit's or outlet's name, then one to four tokens, each a two- or three-character name by the surname model.
    /// Empty otherwise.
    /// </summary>
    private static ImmutableArray<string> OutletNames(string lead, Surnames surnames)
    {
        var tokens = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is < 2 or > 5 || tokens[0].Length is < 3 or > 16 || !tokens[0].All(IsHan) || !Bylines.IsUnit(tokens[0]) || MetadataKeys.KindOf(tokens[0]) is not null)
        {
            return [];
        }

        var names = tokens[1..];
        return names.All(n => n.Length is 2 or 3 && Bylines.LoneName(n, surnames) is not null && !Bylines.IsUnit(n)) ? [.. names] : [];
    }

    /// <summary>
    /// True when <paramref name="line"/> (as the page shows it) is a header or trailer line that states a field — an
    /// outlet, a date or a person (a row of widgets or counters alone states none).
    /// </summary>
    public static bool IsMetadata(string line, Surnames surnames) =>
        TryParse(line, surnames) is { } meta && (meta.Outlet is not null || meta.PublishedAt is not null || meta.Authors.Length + meta.Editors.Length > 0);

    /// <summary>
    /// The fields of a line: the lead before the first key (possibly empty) and every key with its value. A key counts
    /// where it starts the line or follows a space, punctuation or a digit, or where a colon follows it (点击量：1421发布时间：…,
    /// 来源：人民网作者：张三); a reporter role also counts right after an outlet that leads the line (光明日报记者 张三).
    /// </summary>
    internal static List<MetadataField> Fields(string line)
    {
        var fields = new List<MetadataField>();
        var keys = new List<(int Start, int End, string Key, bool OutletLed)>();
        var position = 0;
        while (position < line.Length)
        {
            var match = MetadataKeys.KeyRegex().Match(line, position);
            if (!match.Success)
            {
                break;
            }

            var key = match.Groups["key"].Value;
            var sep = match.Groups["sep"].Value;
            var start = match.Index;
            var end = match.Index + match.Length;
            var colon = sep.Contains(':') || sep.Contains('：');
            var slash = sep.Contains('/') || sep.Contains('／');
            var boundary = start == 0 || !IsWordChar(line[start - 1]) || keys.Count > 0 && keys[^1].End == start;
            var next = end < line.Length ? line[end] : ' ';
            var outletLed = false;
            bool accept;
            if (key.Length == 1)
            {
                // 文 / 图 / 摄 only as a key proper: 文/张三, 图：李四, 文 张三 at the start of the line.
                accept = boundary && (colon || slash || (sep.Length > 0 && start == 0));
            }
            else if (colon)
            {
                accept = true;
            }
            else if (boundary)
            {
                accept = sep.Length > 0 || char.IsAsciiDigit(next) || (MetadataKeys.KindOf(key) is { } kind && MetadataKeys.NamesPeople(kind) && IsHan(next))
                    || (next == '《' && MetadataKeys.KindOf(key) is MetadataKind.Source && SourceTitleRegex().IsMatch(line[end..]));
            }
            else
            {
                // 光明日报记者张三, 新华日报·交汇点记者 张三: an outlet leads the line and the role follows it.
                var runStart = start;
                while (runStart > 0 && (IsHan(line[runStart - 1]) || line[runStart - 1] is '·' or '•'))
                {
                    runStart--;
                }

                accept = outletLed = keys.Count == 0 && MetadataKeys.IsReporterRole(key) && start - runStart is >= 2 and <= 16
                    && line[..runStart].Trim().Length <= 16 && (sep.Length > 0 || IsHan(next));
            }

            if (!accept)
            {
                position = start + 1;
                continue;
            }

            keys.Add((start, end, key, outletLed));
            position = end;
        }

        fields.Add(new MetadataField("", null, (keys.Count == 0 ? line : line[..keys[0].Start]).Trim()));
        for (var i = 0; i < keys.Count; i++)
        {
            var valueEnd = i + 1 < keys.Count ? keys[i + 1].Start : line.Length;
            fields.Add(new MetadataField(keys[i].Key, MetadataKeys.KindOf(keys[i].Key), line[keys[i].End..valueEnd].Trim(), keys[i].OutletLed));
        }

        return fields;
    }

    /// <summary>Splits a byline value into names, dropping role words; <paramref name="leftover"/> counts characters that were neither.</summary>
    internal static ImmutableArray<string> Names(string value, Surnames surnames, out int leftover) => Bylines.Names(value, surnames, out leftover);

    /// <summary>
    /// A byline opening a paragraph: 本报讯（记者 岳震红）, 湖北日报讯（记者 X、通讯员 Y）, 据新华社沈阳1月16日电（记者 X）, （通讯员 张三 李四）.
    /// Returns the names and the span to cut: the whole prefix, or only the bracket when the lead holds a date (本报3月8日讯
    /// keeps its date in the body); the paragraph's text after it stays.
    /// </summary>
    public static (ImmutableArray<string> Names, int Start, int Length) InlineByline(string paragraph, Surnames surnames)
    {
        var match = InlineBylineRegex().Match(paragraph);
        if (!match.Success)
        {
            return ([], 0, 0);
        }

        var inner = match.Groups["inner"].Value;
        var names = ImmutableArray.CreateBuilder<string>();
        var leftover = 0;

        // Names alone after a dateline (新京报讯 （X）, 本报讯（X Y）): every one a surname and given name.
        if (match.Groups["lead"].Success && match.Groups["role"].Length == 0)
        {
            var items = inner.Split([' ', '、', ','], StringSplitOptions.RemoveEmptyEntries);
            return items.Length > 0 && items.All(i => surnames.IsPlausibleName(i))
                ? ([.. items], match.Groups["lead"].Value.Any(char.IsAsciiDigit) ? match.Groups["bracket"].Index : 0, match.Groups["lead"].Value.Any(char.IsAsciiDigit) ? match.Length - match.Groups["bracket"].Index : match.Length)
                : ([], 0, 0);
        }

        foreach (var field in Fields(Light(inner)))
        {
            if (field.Kind is MetadataKind.Author or MetadataKind.Photographer)
            {
                names.AddRange(Bylines.Names(field.Value, surnames, out var left, keyed: true));
                leftover += left;
            }
            else if (field.Kind is null)
            {
                leftover += field.Value.Length;
            }
        }

        if (names.Count == 0 || leftover > 4)
        {
            return ([], 0, 0);
        }

        var bracket = match.Groups["bracket"];
        return match.Groups["lead"].Value.Any(char.IsAsciiDigit) ? (names.ToImmutable(), bracket.Index, match.Length - bracket.Index) : (names.ToImmutable(), 0, match.Length);
    }

    /// <summary>
    /// A credit closing a paragraph, in brackets: (梅方义 汪琳), （记者 张三 通讯员 李四）, （责任编辑：X） — every item a name, after
    /// sentence-closing punctuation or alone. Returns the authors, the editors and the credit's start (-1 when none).
    /// </summary>
    public static (ImmutableArray<string> Names, int Start) TrailingCredit(string paragraph, Surnames surnames)
    {
        var (authors, _, start) = TrailingByline(paragraph, surnames);
        return (authors, start);
    }

    /// <summary>As <see cref="TrailingCredit"/>, with the editors the credit names.</summary>
    public static (ImmutableArray<string> Authors, ImmutableArray<string> Editors, int Start) TrailingByline(string paragraph, Surnames surnames)
    {
        var match = TrailingCreditRegex().Match(paragraph);
        if (!match.Success || (match.Index > 0 && !SentenceEnd(paragraph[..match.Index].TrimEnd()[^1])))
        {
            return ([], [], -1);
        }

        var inner = match.Groups["inner"].Value.Trim();
        if (Fields(Light(inner)) is { Count: > 1 } && TryParse(inner, surnames) is { } keyed && keyed.Authors.Length + keyed.Editors.Length > 0 && keyed.Outlet is null && keyed.PublishedAt is null)
        {
            return (keyed.Authors, keyed.Editors, match.Index);
        }

        var items = inner.Split([' ', '、', ','], StringSplitOptions.RemoveEmptyEntries);

        // Where the reporter filed from closes the credit: （王建国 上海报道）.
        if (items.Length > 1 && FiledReportRegex().IsMatch(items[^1]))
        {
            items = items[..^1];
        }

        if (items.Length == 0 || !items.All(i => surnames.IsPlausibleName(i)) || (items.Length == 1 && match.Index > 0 && paragraph.Length - match.Length > 0 && !SentenceEnd(paragraph[..match.Index].TrimEnd()[^1])))
        {
            return ([], [], -1);
        }

        return ([.. items], [], match.Index);
    }

    private static bool SentenceEnd(char c) => c is '。' or '！' or '？' or '”' or '.' or '!' or '?' or '…' or '」' or '』';

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static bool IsWordChar(char c) => IsHan(c) || char.IsAsciiLetter(c);

    /// <summary>The light normalisation the grammar needs whatever stage calls it: full-width digits, letters and spaces to ASCII.</summary>
    internal static string Light(string text)
    {
        if (!text.Any(c => c is '\u3000' or '\u00A0' or '\t' or (>= '\uFF10' and <= '\uFF5A')))
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c switch
                {
                    '\u3000' or '\u00A0' or '\t' => ' ',
                    >= '\uFF10' and <= '\uFF19' => (char)(c - '\uFF10' + '0'),
                    >= '\uFF21' and <= '\uFF3A' => (char)(c - '\uFF21' + 'A'),
                    >= '\uFF41' and <= '\uFF5A' => (char)(c - '\uFF41' + 'a'),
                    _ => c,
                };
            }
        });
    }

    // A full date with its time of day and weekday when written: 2023-06-30 11:05, 2025年5月21日 星期三 16时05分, 2024/03/18.
    private const string FullDate = @"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)(?:\s*日)?(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?(?:\s*\d{1,2}\s*[:：时]\s*\d{2}(?:\s*[:：]\s*\d{2}|\s*分)?)?(?:\s*(?:星期|周)[一二三四五六日天])?";

    [GeneratedRegex(@"(?<![\d.])" + FullDate + @"(?![\d:：])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?:星期|周|礼拜)[一二三四五六日天]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WeekdayRegex();

    [GeneratedRegex(@"第\s*[0-9一二三四五六七八九十]{1,3}\s*版(?:\s*[:：]\s*[\u4e00-\u9fff]{1,8})?|版次\s*[:：]\s*[0-9A-Za-z]{1,4}|(?<![\u4e00-\u9fff])[A-Z]?\d{1,2}版|(?:星期|周)[一二三四五六日天]|农历\S{2,8}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EditionRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fffA-Za-z0-9·\- ]{2,24}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadRegex();

    // A date cut short: digits with date and time marks only (02日14:25, 2021年10月).
    [GeneratedRegex(@"^[\d\s年月日时分秒:：\-/.]*\d[\d\s年月日时分秒:：\-/.]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateFragmentRegex();

    [GeneratedRegex(@"[【】\[\]［］|｜︱︳¦]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LayoutRegex();

    [GeneratedRegex(@"^[\s□■●◆◇▲△★☆○◎▶►▪·•>»]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpaceRegex();

    // A source key's value in book-title marks with at most an issue after it (转自《某某报》, 摘自《某某周刊》2001年第3期), not a sentence.
    [GeneratedRegex(@"^《[^《》]{2,20}》[^，。！？,!?]{0,16}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SourceTitleRegex();

    // What a counter or widget key may be followed by: its count, T|T, 大 中 小, 次, and brackets.
    [GeneratedRegex(@"[\d\s次人条T大中小默认标准\[\]()（）【】+\-:：/|｜,，.。]|加载中|\.\.\.", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WidgetValueRegex();

    [GeneratedRegex(@"^[\d\s:：]+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CounterValueRegex();

    // A poster's name or handle before a post stamp: one word, Han or Latin, no spaces.
    [GeneratedRegex(@"^[\u4e00-\u9fffA-Za-z0-9_·&\-]{2,20}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PosterRegex();

    // A forum handle of letters then digits (abc52191).
    [GeneratedRegex(@"^[A-Za-z][A-Za-z_]{1,15}\d{1,8}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HandleWithDigitsRegex();

    // A value that trails off (…, ...): a notice or a teaser, never a list of names.
    [GeneratedRegex(@"(?:\.{3}|…+)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NoticeValueRegex();

    // The dateline or masthead that may precede an opening byline: 本报讯, 湖北日报讯, 本站讯, 据新华社沈阳1月16日电, 新华社北京1月1日电.
    [GeneratedRegex(@"^(?<lead>(?:据)?[\u4e00-\u9fff·]{0,12}(?:\d{1,2}月\d{1,2}日)?(?:讯|电|消息)\s*)?(?<bracket>[(（]\s*(?<inner>(?:[\u4e00-\u9fff·]{0,8}?)(?<role>记者|通讯员|实习生|见习生|撰稿|作者|文/图|文)[^()（）]{1,60}|(?<=(?:讯|电|消息)\s*[(（]\s*)[\u4e00-\u9fff]{2,4}(?:[ 、,][\u4e00-\u9fff]{2,4}){0,3})\s*[)）])\s*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineBylineRegex();

    // An icon font's glyph (private-use characters) beside a field is layout: [ 王建国 ]\uE602 来源：….
    [GeneratedRegex(@"[\uE000-\uF8FF]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PrivateUseRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{4,}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LongHanRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,4}报道$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FiledReportRegex();

    [GeneratedRegex(@"[(（](?<inner>[^()（）]{2,60})[)）]\s*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingCreditRegex();
}
