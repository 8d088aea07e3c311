using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Extract.Page;
using Extract.Resources;
using Extract.Metadata;

namespace Extract.Text;

/// <summary>
/// Stage 3: page lines → <see cref="CleanText"/>. Normalises each line, drops boilerplate lines and
/// fragments (recorded in Removed), turns metadata lines into fields, finds the title when the page
/// gave none, and joins the remaining paragraphs into the body.
/// </summary>
internal sealed partial class TextStage
{
    private const int LongLine = 200;
    private readonly Surnames _surnames;

    public TextStage(Surnames surnames) => _surnames = surnames;

    public CleanText Process(PageContent page, CancellationToken cancellationToken)
    {
        var removed = ImmutableArray.CreateBuilder<string>();
        removed.AddRange(page.Removed);
        // The page's visible header and trailer lines outrank its meta tags: these are fallbacks.
        var authors = new List<string>();
        var editors = new List<string>();
        string? outlet = null;
        string? published = page.PublishedAt;
        string? publishedText = null;
        var content = new List<string>();
        var inList = false;

        foreach (var raw in page.Lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = TextNormalizer.Normalize(raw).Text;
            if (line.Length == 0)
            {
                continue;
            }

            if (BoilerplateRules.IsListHeader(line))
            {
                inList = true;
                removed.Add(raw.TrimEnd());
                continue;
            }

            if (inList && BoilerplateRules.IsShortListItem(line))
            {
                removed.Add(raw.TrimEnd());
                continue;
            }

            inList = false;

            // Metadata before boilerplate: a line that states a field (版权声明 来源：X 时间：Y) is read, not only dropped.
            var meta = MetadataLines.TryParse(line, _surnames);
            var states = meta is not null && (meta.Outlet is not null || meta.PublishedAt is not null || meta.Authors.Length + meta.Editors.Length > 0);
            if (!states && BoilerplateRules.IsBoilerplateLine(line))
            {
                removed.Add(raw.TrimEnd());
                continue;
            }

            if (meta is not null)
            {
                outlet ??= meta.Outlet;
                published ??= meta.PublishedAt;
                if (meta.PublishedAt is not null && meta.PublishedAt == published)
                {
                    publishedText ??= meta.PublishedText;
                }

                authors.AddRange(meta.Authors);
                editors.AddRange(meta.Editors);
                continue;
            }

            var cleaned = CleanFragments(line, removed, authors, editors);
            content.AddRange(SplitLongLine(cleaned));
        }

        outlet ??= page.Outlet;
        if (authors.Count == 0)
        {
            authors.AddRange(page.Authors);
        }

        if (editors.Count == 0)
        {
            editors.AddRange(page.Editors);
        }

        var title = page.Title;
        var titleIndex = FindTitleLine(content, title);
        if (titleIndex >= 0)
        {
            var (found, span) = title is null ? TitleAt(content, titleIndex) : (title, 1);
            title ??= found;
            content.RemoveRange(titleIndex, span);
        }

        var (body, paragraphs) = Join(content);
        return new CleanText
        {
            Title = title,
            Outlet = outlet,
            PublishedAt = published,
            PublishedText = publishedText,
            Authors = [.. authors.Distinct(StringComparer.Ordinal)],
            Editors = [.. editors.Distinct(StringComparer.Ordinal)],
            Body = body,
            Paragraphs = paragraphs,
            Removed = removed.ToImmutable(),
            IsArticle = page.IsArticle && body.Length > 0,
        };
    }

    /// <summary>Removes boilerplate fragments (photo credits, trailing separators) and byline fragments from one content line.</summary>
    private string CleanFragments(string line, ImmutableArray<string>.Builder removed, List<string> authors, List<string> editors)
    {
        var trimmed = TrailingSeparatorRegex().Replace(line, "");
        foreach (Match credit in PhotoCreditRegex().Matches(trimmed))
        {
            removed.Add(credit.Value.Trim());
        }

        trimmed = PhotoCreditRegex().Replace(trimmed, "").Trim();
        var (inlineNames, bylineStart, bylineLength) = MetadataLines.InlineByline(trimmed, _surnames);
        if (bylineLength > 0)
        {
            authors.AddRange(inlineNames);
            trimmed = (trimmed[..bylineStart] + trimmed[(bylineStart + bylineLength)..].TrimStart()).TrimStart();
        }

        var (creditNames, creditEditors, creditStart) = MetadataLines.TrailingByline(trimmed, _surnames);
        if (creditStart >= 0)
        {
            authors.AddRange(creditNames);
            editors.AddRange(creditEditors);
            trimmed = trimmed[..creditStart].TrimEnd();
        }

        return trimmed;
    }

    /// <summary>Plain text without line breaks: split at spaces that separate CJK sentences or headings.</summary>
    private static IEnumerable<string> SplitLongLine(string line) =>
        line.Length == 0 ? [] : line.Length <= LongLine ? [line] : ParagraphBreakRegex().Split(line).Where(s => s.Length > 0);

    /// <summary>
    /// The title line among the leading content lines: the page's own title when it is repeated there, else the first
    /// short line without sentence punctuation that is not a series label, before the first real paragraph.
    /// </summary>
    private static int FindTitleLine(List<string> content, string? pageTitle)
    {
        for (var i = 0; i < Math.Min(content.Count, 6); i++)
        {
            var line = content[i];
            if (pageTitle is not null)
            {
                if (line == pageTitle || (line.Length <= 80 && (pageTitle.Contains(line, StringComparison.Ordinal) || line.Contains(pageTitle, StringComparison.Ordinal))))
                {
                    return i;
                }

                continue;
            }

            if (line.Length > 60 || line.Contains('。'))
            {
                return DatelineTitleRegex().IsMatch(line) ? i : -1;
            }

            // Not the headline: a series or column label (系列报道, 企业动态), a masthead (浙江日报 数字报纸), a short fragment.
            if (SeriesLabelRegex().IsMatch(line) || ColumnRegex().IsMatch(line) || MastheadRegex().IsMatch(line) || line.Length < 4)
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
    private static (string Title, int Lines) TitleAt(List<string> content, int index)
    {
        var line = content[index];
        if (DatelineTitleRegex().Match(line) is { Success: true } dateline)
        {
            return (dateline.Groups["title"].Value.Trim(), 1);
        }

        if (index + 2 < content.Count && line.Length <= 20 && content[index + 1].Length <= 20 && !HeadlineBreakRegex().IsMatch(line)
            && !HeadlineBreakRegex().IsMatch(content[index + 1]) && !content[index + 1].StartsWith('—') && !ColumnRegex().IsMatch(content[index + 1])
            && !MastheadRegex().IsMatch(content[index + 1]) && !Bylines.IsUnit(content[index + 1]) && content[index + 2].Length >= 30)
        {
            return (line + content[index + 1], 2);
        }

        return (line, 1);
    }

    private static (string Body, ImmutableArray<TextSpan> Paragraphs) Join(List<string> content)
    {
        var builder = new StringBuilder();
        var spans = ImmutableArray.CreateBuilder<TextSpan>(content.Count);
        foreach (var paragraph in content)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            spans.Add(new TextSpan(builder.Length, builder.Length + paragraph.Length));
            builder.Append(paragraph);
        }

        return (builder.ToString(), spans.MoveToImmutable());
    }

    [GeneratedRegex(@"(?:\s*[|｜])+\s*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingSeparatorRegex();

    [GeneratedRegex(@"(?:图片来源|图片提供|供图|图源)\s*[:：]\s*[^\s。，,]{2,20}\s*$|[(（]\s*(?:图片由|照片由|图由)[^)）]{1,16}提供\s*[)）]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhotoCreditRegex();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff。！？”…)）])\s+(?=[\u4e00-\u9fff“（(])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ParagraphBreakRegex();

    // A dateline that opens a wire story's headline: 新华社沈阳1月16日电 题：…, 本报北京3月2日电 题：….
    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,12}?\d{1,2}月\d{1,2}日(?:\d{1,2}时)?电\s*题\s*[:：]\s*(?<title>[^。]{4,80})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatelineTitleRegex();

    // A column or channel name standing alone above the headline (企业动态, 工作动态, 基层快讯, 本地新闻).
    [GeneratedRegex(@"^[\u4e00-\u9fff]{0,6}(?:动态|要闻|资讯|快讯|聚焦|视点|播报|速递|传真|新闻|信息|公告|通知公告|头条)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ColumnRegex();

    // A masthead line: 浙江日报 数字报纸, 人民日报 电子版, 某某报 2023年….
    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,10}(?:报|网|台|刊)\s*(?:数字报纸|数字报|电子版|数字版|手机版|客户端|电子报)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MastheadRegex();

    // Sentence punctuation a headline half does not end or hold.
    [GeneratedRegex(@"[。，,；;：:！!？?]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HeadlineBreakRegex();

    [GeneratedRegex(@"系列报道|系列之|之[一二三四五六七八九十]+$|专栏|专题|^【[^】]+】$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SeriesLabelRegex();
}
