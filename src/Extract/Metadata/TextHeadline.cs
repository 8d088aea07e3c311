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
            if (walked is { } index)
            {
                // The leading headline when the walk ends at it or at its second half (a headline over two short lines).
                if (first >= 0 && (first == index || first == index - 1) && TitleAt(content, first) is var lead && first + lead.Lines - 1 >= index)
                {
                    return lead;
                }

                return DatelineTitleRegex().IsMatch(content[index]) ? TitleAt(content, index) : new HeadlineAt(index, 1, content[index]);
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

        var start = header >= 0 ? header - 1 : body - 1;
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
                return null;
            }

            // A short line under a longer headline is the header's account, column or byline (加拿大必读).
            return line.Length < ShortLine && i > 0 && IsHeadline(content[i - 1]) && !IsFurniture(content[i - 1]) && content[i - 1].Length >= ShortLine ? i - 1 : i;
        }

        return null;
    }

    /// <summary>A header line that names a date, a source or an author and that the grammar could not read (发布时间：10-0812:00).</summary>
    private static bool IsHeaderKeyed(string line) =>
        line.Length <= 80 && KeyedRegex().Match(line) is { Success: true } key
        && MetadataKeys.KindOf(key.Groups["key"].Value) is MetadataKind.Date or MetadataKind.Source or MetadataKind.Author;

    /// <summary>A header line the walk passes: a dateline, a counter or widget left in the text, a fragment, a subtitle.</summary>
    private static bool IsFurniture(string line) =>
        line.Length < 4 || !line.Any(IsHan) || IsDateline(line) || line.StartsWith('—') || line.StartsWith("原标题", StringComparison.Ordinal)
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
            && !MastheadRegex().IsMatch(content[index + 1]) && !Bylines.IsUnit(content[index + 1]) && !IsNavigationRow(content[index + 1]) && content[index + 2].Length >= 30)
        {
            return new HeadlineAt(index, 2, line + content[index + 1]);
        }

        return new HeadlineAt(index, 1, line);
    }

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

    [GeneratedRegex(@"系列报道|系列之|之[一二三四五六七八九十]+$|专栏|专题|^【[^】]+】$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SeriesLabelRegex();
}
