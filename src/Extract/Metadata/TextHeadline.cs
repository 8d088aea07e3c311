using Extract.Resources;
using System.Text.RegularExpressions;

namespace Extract.Metadata;

/// <summary>Where a text's headline is: its first content line, how many lines it spans, and the title it states.</summary>
internal readonly record struct HeadlineAt(int Index, int Lines, string Title);

/// <summary>
/// The headline of a text that came without one (plain text, a page's visible text dumped as a crawler's innerText
/// gives it, navigation and all). A headline stands right above the article: above its dateline and source line when
/// the text has them, above the first paragraph otherwise. So the search walks up from the first paragraph, over the
/// header's datelines, widget rows and counters, to the first line that reads as a headline — not a column name
/// (企业动态), a masthead (浙江日报 数字报纸), a series label, a subtitle (——记…) or a fragment. A text whose first lines
/// are the headline (the usual plain text) gets the same answer as before; a dateline prefix (新华社沈阳1月16日电 题：…)
/// leaves the headline alone and a headline broken over two short lines is joined.
/// </summary>
internal static partial class TextHeadline
{
    /// <summary>How far above the first paragraph the headline may stand (in content lines, header lines skipped).</summary>
    private const int Reach = 8;

    /// <summary>The fewest characters of a headline found above the first header line rather than above the body.</summary>
    private const int AnchoredHeadline = 10;

    /// <summary>Below this many characters a line under a longer headline is not the headline.</summary>
    private const int ShortLine = 8;

    /// <summary>
    /// The headline among <paramref name="content"/> (the text's content lines, metadata lines already taken out);
    /// <paramref name="metadataBefore"/> says, for a content index, whether a metadata line stood right before it
    /// (a dateline or source line under the headline). Null when no line reads as one.
    /// </summary>
    public static HeadlineAt? Find(IReadOnlyList<string> content, Func<int, bool> metadataBefore)
    {
        var first = LeadingTitle(content);
        var body = FirstParagraph(content);
        if (body > 0)
        {
            var walked = WalkUp(content, body, metadataBefore);
            var anchored = AboveFirstHeader(content, walked ?? body, metadataBefore);
            if (anchored >= 0 && anchored < (walked ?? body))
            {
                walked = anchored;
            }

            if (walked is { } index)
            {
                // The leading headline when the walk ends at it or at its second half (a headline over two short lines).
                if (first >= 0 && (first == index || first == index - 1) && TitleAt(content, first) is var lead && first + lead.Lines - 1 >= index)
                {
                    return lead;
                }

                return DatelineTitleRegex().IsMatch(content[index]) ? TitleAt(content, index) : JoinedUp(content, index);
            }
        }

        return first >= 0 ? TitleAt(content, first) : null;
    }

    /// <summary>
    /// The headline right above a page's article (<paramref name="lines"/>: the visible lines around its start): the
    /// line the walk up from the first paragraph meets, over datelines, bylines and widgets. Null when the walk meets
    /// none — unlike <see cref="Find"/>, the first lines are not taken as the headline (on a page they are its navigation).
    /// </summary>
    public static HeadlineAt? AboveBody(IReadOnlyList<string> lines)
    {
        var body = FirstParagraph(lines);
        if (body <= 0 || WalkUp(lines, body, _ => false) is not { } index)
        {
            return null;
        }

        return DatelineTitleRegex().IsMatch(lines[index]) ? TitleAt(lines, index) : new HeadlineAt(index, 1, lines[index]);
    }

    /// <summary>A series label above a headline (某集团抗击疫情系列报道之三): the article's, not the site's, so it stays in the body.</summary>
    public static bool IsSeriesLabel(string line) => SeriesLabelRegex().IsMatch(line);

    /// <summary>True for a short line of a header that states a date and little else (康斯坦丁 2015-07-02 14:41:12 0人参与评论).</summary>
    public static bool IsDateline(string line) => line.Length <= 80 && PublishDate.FromLine(line) is not null && !line.Contains('。');

    /// <summary>
    /// The first paragraph of the article: a line of running text (sentence punctuation, 20 characters or more) that is
    /// long or followed by another such line, so that a one-line notice in the navigation does not count. -1 when none.
    /// </summary>
    internal static int FirstParagraph(IReadOnlyList<string> content)
    {
        for (var i = 0; i < content.Count; i++)
        {
            if (IsRunningText(content[i]) && (content[i].Length >= 40 || (i + 1 < content.Count && IsRunningText(content[i + 1]))))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Running text: a full stop in 20 characters or more, or commas in a long line (a headline has neither).</summary>
    private static bool IsRunningText(string line) =>
        line.Length >= 20 && (line.Contains('。') || (line.Length >= 80 && SentenceRegex().IsMatch(line))) && !DatelineTitleRegex().IsMatch(line);

    /// <summary>
    /// Walks up from the first paragraph to the headline: to the header's metadata nearest above the body (a metadata
    /// line the grammar took out, or a dateline left in the text), then over the rest of the header (more metadata, the
    /// counters between them, widgets) to the first line that reads as a headline. Without header metadata, the first
    /// headline-like line above the body, passing furniture only. Null when the walk meets none.
    /// </summary>
    private static int? WalkUp(IReadOnlyList<string> content, int body, Func<int, bool> metadataBefore)
    {
        var header = -1;
        for (var i = body; i >= Math.Max(0, body - Reach); i--)
        {
            if ((i < body && (IsDateline(content[i]) || IsHeaderKeyed(content[i]))) || metadataBefore(i))
            {
                header = i;
                break;
            }
        }

        return WalkHeader(content, header >= 0 ? header - 1 : body - 1, header >= 0, metadataBefore);
    }

    /// <summary>
    /// The walk's second half: from <paramref name="start"/> up over the header (its metadata when
    /// <paramref name="inHeader"/>, counters, widgets) to the first line that reads as a headline. A numbered section
    /// heading (一、…, 2. …) is passed when a headline stands above it (the article's first section, not its title); a run
    /// of short lines under a longer headline (an account, a column, widget words) is passed to that headline.
    /// </summary>
    private static int? WalkHeader(IReadOnlyList<string> content, int start, bool inHeader, Func<int, bool> metadataBefore)
    {
        var header = inHeader ? start + 1 : -1;
        int? section = null;
        for (var i = start; i >= Math.Max(0, start - Reach); i--)
        {
            var line = content[i];

            // A counter between two metadata lines of the header (1032人参与308评论).
            var counter = header >= 0 && metadataBefore(i) && line.Length <= 30 && line.Any(char.IsAsciiDigit)
                && (i + 1 == header || metadataBefore(i + 1) || IsDateline(content[i + 1]));
            if (IsFurniture(line) || counter || (header >= 0 && (IsDateline(line) || IsHeaderKeyed(line))))
            {
                continue;
            }

            if (DatelineTitleRegex().IsMatch(line))
            {
                return i;
            }

            if (!IsHeadline(line))
            {
                return section;
            }

            if (SectionHeadingRegex().IsMatch(line))
            {
                section ??= i;
                continue;
            }

            // Short lines under a longer headline are the header's account, column, byline or widget words (加拿大必读),
            // unless the short line ends a document's title broken over lines (…修改方案的决议).
            return line.Length < ShortLine && !(i > 0 && IsHalf(line, true) && IsHalf(content[i - 1], false)) ? LongerAbove(content, i) ?? i : i;
        }

        return section;
    }

    /// <summary>The longer headline above a run of at most three short lines ending at <paramref name="index"/>; null when none.</summary>
    private static int? LongerAbove(IReadOnlyList<string> content, int index)
    {
        for (var i = index - 1; i >= Math.Max(0, index - 3); i--)
        {
            var line = content[i];
            if (line.Length >= ShortLine && IsHeadline(line) && !IsFurniture(line) && !SectionHeadingRegex().IsMatch(line))
            {
                return i;
            }

            if (line.Length >= ShortLine && !IsFurniture(line))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The headline above the text's first strong header line — a dateline with a time or a source key left in the text,
    /// or a metadata line the grammar took out — when the body starts far below it (widgets, related links and
    /// recommendations between the header and the article). -1 when none.
    /// </summary>
    private static int AboveFirstHeader(IReadOnlyList<string> content, int limit, Func<int, bool> metadataBefore)
    {
        for (var i = 1; i < Math.Min(limit, content.Count); i++)
        {
            var line = content[i];
            var strong = metadataBefore(i) || (IsDateline(line) && (ClockRegex().IsMatch(line) || IsHeaderKeyed(line) || SourceKeyRegex().IsMatch(line)));
            if (!strong)
            {
                continue;
            }

            // metadataBefore(i): the metadata line stood between i - 1 and i, so the header starts at i - 1 and above. A
            // line shorter than a news headline there is the navigation's (a channel, a widget, a notice's heading).
            return WalkHeader(content, i - 1, true, metadataBefore) is { } found && content[found].Length >= AnchoredHeadline ? found : -1;
        }

        return -1;
    }

    /// <summary>A header line that names a date, a source or an author and that the grammar could not read (发布时间：10-0812:00).</summary>
    private static bool IsHeaderKeyed(string line) =>
        line.Length <= 80 && KeyedRegex().Match(line) is { Success: true } key
        && MetadataKeys.KindOf(key.Groups["key"].Value) is MetadataKind.Date or MetadataKind.Source or MetadataKind.Author;

    /// <summary>A header line the walk passes: a dateline, a counter or widget left in the text, a fragment, a subtitle.</summary>
    private static bool IsFurniture(string line) =>
        line.Length < 4 || !line.Any(IsHan) || IsDateline(line) || line.StartsWith('—') || line.StartsWith("原标题", StringComparison.Ordinal)
        || OriginalRowRegex().IsMatch(line)
        || SeriesLabelRegex().IsMatch(line) || LeadInRegex().IsMatch(line) || ColumnRegex().IsMatch(line) || MastheadRegex().IsMatch(line) || SiteNameRegex().IsMatch(line)
        || IsNavigationRow(line);

    /// <summary>
    /// A row of the page's navigation or widgets, never a headline: links split by bars (财经 | 体育 | 娱乐), four or more
    /// short words split by spaces (最新动态 工作要闻 通知公告 政策法规), bracketed buttons ([加入书签] [关闭窗口]), or a line
    /// naming a host (某某网 http://news.example.com).
    /// </summary>
    internal static bool IsNavigationRow(string line)
    {
        if (NavigationBarRegex().Count(line) >= 2 || ButtonRowRegex().IsMatch(line) || HostRegex().IsMatch(line))
        {
            return true;
        }

        var words = line.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 4 && words.All(w => w.Length <= 4 && !HeadlineBreakRegex().IsMatch(w));
    }

    /// <summary>A line that may be a headline: short, no closing full stop, not a key–value line.</summary>
    private static bool IsHeadline(string line) =>
        line.Length is >= 4 and <= 80 && !line.EndsWith('。') && !IsKeyed(line) && !line.Contains('>') && !line.Contains('»');

    /// <summary>
    /// The title line among the leading content lines: the first short line without sentence punctuation that is not a
    /// series label, before the first real paragraph (a dateline prefix's line when the first paragraph is one). -1 when none.
    /// </summary>
    private static int LeadingTitle(IReadOnlyList<string> content)
    {
        for (var i = 0; i < Math.Min(content.Count, 6); i++)
        {
            var line = content[i];
            if (line.Length > 60 || line.Contains('。'))
            {
                return DatelineTitleRegex().IsMatch(line) ? i : -1;
            }

            // Not the headline: a series or column label (系列报道, 企业动态), a masthead (浙江日报 数字报纸), a short fragment.
            if (SeriesLabelRegex().IsMatch(line) || ColumnRegex().IsMatch(line) || MastheadRegex().IsMatch(line) || line.Length < 4 || IsNavigationRow(line))
            {
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>
    /// The title the line at <paramref name="index"/> states, and how many lines it spans: after a dateline prefix
    /// (新华社沈阳1月16日电 题：…) the headline alone; a headline broken over two short lines joined.
    /// </summary>
    private static HeadlineAt TitleAt(IReadOnlyList<string> content, int index)
    {
        var line = content[index];
        if (DatelineTitleRegex().Match(line) is { Success: true } dateline)
        {
            return new HeadlineAt(index, 1, dateline.Groups["title"].Value.Trim());
        }

        if (index + 2 < content.Count && line.Length <= 20 && content[index + 1].Length <= 20 && !HeadlineBreakRegex().IsMatch(line)
            && !HeadlineBreakRegex().IsMatch(content[index + 1]) && !content[index + 1].StartsWith('—') && !ColumnRegex().IsMatch(content[index + 1])
            && !MastheadRegex().IsMatch(content[index + 1]) && !Bylines.IsUnit(content[index + 1]) && !IsNavigationRow(content[index + 1]) && content[index + 2].Length >= 30
            && !IsBylineUnder(content[index + 1]))
        {
            return new HeadlineAt(index, 2, line + content[index + 1]);
        }

        return new HeadlineAt(index, 1, line);
    }

    /// <summary>A line under a headline that is its byline, not its second half: a name alone (张明华), a reporter's line.</summary>
    private static bool IsBylineUnder(string line) =>
        Bylines.LoneNames(line, Surnames.Default).Length > 0 || line.Contains("记者", StringComparison.Ordinal) || line.Contains("通讯员", StringComparison.Ordinal);

    /// <summary>
    /// The headline ending at <paramref name="index"/>, joined with the halves above it when a long headline was broken
    /// over two or three lines (全国人民代表大会常务委员会 / 关于批准…及 / 调整…的决议): each half of middle length, without
    /// spaces, sentence punctuation or the look of a column, masthead or navigation row.
    /// </summary>
    private static HeadlineAt JoinedUp(IReadOnlyList<string> content, int index)
    {
        var top = index;
        while (top > 0 && index - top < 2 && IsHalf(content[top], top == index) && IsHalf(content[top - 1], false)
            && (!Bylines.IsUnit(content[top - 1]) || content[top].StartsWith("关于", StringComparison.Ordinal)))
        {
            top--;
        }

        return top == index ? new HeadlineAt(index, 1, content[index]) : new HeadlineAt(top, index - top + 1, string.Concat(content.Skip(top).Take(index - top + 1)));
    }

    // A half of a broken headline; the last may be short (…修改方案的决议). An issuing body's line (某某委员会) above a
    // line opening with 关于 is the head of a document's title (发文机关 + 关于 + 事由 + 文种), not a unit's byline.
    private static bool IsHalf(string line, bool last) =>
        line.Length >= (last && DocumentKindRegex().IsMatch(line) ? 4 : ShortLine) && line.Length <= 24 && !line.Any(char.IsWhiteSpace) && !HeadlineBreakRegex().IsMatch(line) && IsHeadline(line) && !IsFurniture(line)
        && !SectionHeadingRegex().IsMatch(line) && !IsBylineUnder(line) && line.All(c => IsHan(c) || char.IsAsciiDigit(c) || c is '“' or '”' or '《' or '》');

    /// <summary>A key–value line left in the text (标签：…, 关键词：…, 编辑：…), not a headline that names its speaker (李克强：…).</summary>
    private static bool IsKeyed(string line) =>
        KeyedRegex().Match(line) is { Success: true } key && (MetadataKeys.KindOf(key.Groups["key"].Value) is not null || TagKeyRegex().IsMatch(key.Groups["key"].Value));

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"[。，；！？]|[，,].*[。.!?]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceRegex();

    // A line ending in a colon introduces what follows (一、培养目标：): a section's heading, never the article's.
    [GeneratedRegex(@"[:：][\s\p{P}]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadInRegex();

    // A key of two to six characters and a colon opening a line.
    [GeneratedRegex(@"^(?<key>[\u4e00-\u9fff]{1,6})\s*[:：]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyedRegex();

    // Keys of a page's tag and summary rows (标签, 关键词, 摘要, 导读, 原标题): they are not headlines.
    [GeneratedRegex(@"^(?:标签|关键词|关键字|摘要|导读|提要|内容提要|核心提示|原标题|相关|tags?)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TagKeyRegex();

    // A dateline that opens a wire story's headline: 新华社沈阳1月16日电 题：…, 本报北京3月2日电 题：….
    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,12}?\d{1,2}月\d{1,2}日(?:\d{1,2}时)?电\s*题\s*[:：]\s*(?<title>[^。]{4,80})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatelineTitleRegex();

    // A column or channel name standing alone above the headline (企业动态, 工作动态, 基层快讯, 本地新闻).
    [GeneratedRegex(@"^[\u4e00-\u9fff]{0,6}(?:动态|要闻|资讯|快讯|聚焦|视点|播报|速递|传真|新闻|信息|公告|通知公告|头条)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ColumnRegex();

    // A masthead line: 浙江日报 数字报纸, 人民日报 电子版, 某某报 2023年….
    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,10}(?:报|网|台|刊)\s*(?:数字报纸|数字报|电子版|数字版|手机版|客户端|电子报)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MastheadRegex();

    // A site's or paper's name standing alone in its header (太岳电网新闻网, 某某日报, 某某融媒体中心).
    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,8}(?:新闻网|网|日报|晚报|报|电视台|融媒体中心|在线)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SiteNameRegex();

    // A bar between links of a navigation row.
    [GeneratedRegex(@"\s[|｜]\s", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NavigationBarRegex();

    // Buttons in square brackets and nothing else: [加入个人书签], [ 打印 ] [ 关闭 ].
    [GeneratedRegex(@"^(?:\s*[\[【][^\[\]【】]{1,10}[\]】])+\s*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ButtonRowRegex();

    // A host name or URL in the line (a site's banner: 某某网 http://news.example.com).
    [GeneratedRegex(@"https?://|www\.|\.com\b|\.cn\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HostRegex();

    // Sentence punctuation a headline half does not end or hold.
    [GeneratedRegex(@"[。，,；;：:！!？?]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HeadlineBreakRegex();

    // A numbered section heading: 一、…, （二）…, 3. …, 第四节 ….
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十\d]{1,3}[节部分章])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SectionHeadingRegex();

    // The kind of document that ends an official document's title (…的决议, …的通知, …实施办法).
    [GeneratedRegex(@"(?:决议|决定|通知|意见|办法|规定|报告|公告|通告|通报|批复|方案|条例|细则|规划|纪要)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DocumentKindRegex();

    // An account row under a headline, led by the 原创 mark (原创 某作者 某公众号).
    [GeneratedRegex(@"^原创\s+\S", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OriginalRowRegex();

    // A clock time in a dateline (14:32, 09:25:09).
    [GeneratedRegex(@"\d{1,2}[:：]\d{2}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClockRegex();

    // A source key in a dateline left in the text (来源：…).
    [GeneratedRegex(@"来源\s*[:：]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SourceKeyRegex();

    [GeneratedRegex(@"系列报道|系列之|之[一二三四五六七八九十]+$|专栏|专题|^【[^】]+】$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SeriesLabelRegex();
}
