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

    /// <summary>Content lines searched for an opening dateline that names the outlet (某某社北京10月22日电).</summary>
    private const int OpeningSearch = 40;

    /// <summary>Content lines after the headline within which a dateline is the header's.</summary>
    private const int HeaderLines = 2;
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
        var metas = new List<(int Before, MetadataLine Line)>();
        var inList = false;
        string? opening = null;

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
                metas.Add((content.Count, meta));
                authors.AddRange(meta.Authors);
                editors.AddRange(meta.Editors);
                continue;
            }

            // An agency or outlet dateline opening a paragraph (某某社北京10月22日电): the outlet when nothing else names one.
            if (opening is null && content.Count < OpeningSearch)
            {
                opening = Outlets.FromOpening(line);
            }

            var cleaned = CleanFragments(line, removed, authors, editors);
            content.AddRange(SplitLongLine(cleaned));
        }

        // The headline: the page's own, else the line above the text's dateline or first paragraph (TextHeadline). Header
        // fields come from the lines after it before any above it (a date or source in the navigation above the headline
        // is the site's, not the article's).
        var title = page.Title;
        var titleIndex = -1;
        if (title is not null)
        {
            titleIndex = FindTitleLine(content, title);
            if (titleIndex >= 0)
            {
                content.RemoveAt(titleIndex);
            }
        }
        // The walk up to the headline is anchored by the header's dateline or source, not by a masthead's byline alone: one
        // under share widgets (某某网站 王建国) would make a widget line the headline, one under a deck (□某某时报记者 王建国)
        // the deck.
        else if (TextHeadline.Find(content, i => metas.Exists(m => m.Before == i && (m.Line.PublishedAt is not null || m.Line.Outlet is not null || m.Line.Masthead is null))) is { } headline)
        {
            // What stands above the headline is the site's (navigation, channel lists, login links): it leaves the body.
            title = PageTitle.WithoutLabel(headline.Title);
            var above = content.Take(headline.Index).ToList();
            removed.AddRange(above.Where(l => !TextHeadline.IsSeriesLabel(l)));
            content.RemoveRange(0, headline.Index + headline.Lines);
            content.InsertRange(0, above.Where(TextHeadline.IsSeriesLabel));
            titleIndex = 0;
            metas = [.. metas.Select(m => (m.Before <= headline.Index ? -1 : Math.Max(0, m.Before - headline.Index - headline.Lines), m.Line))];

            // A name alone right under the headline is its byline without a key (an essay's, a column's): it leaves the body.
            if (content.Count > 1 && Bylines.LoneNames(content[0], _surnames) is { Length: > 0 } lone)
            {
                authors.AddRange(lone);
                content.RemoveAt(0);
                metas = [.. metas.Select(m => (Math.Max(m.Before - 1, m.Before < 0 ? -1 : 0), m.Line))];
            }

            published ??= HeaderDateline(content, 0, removed, out publishedText);
        }

        var ordered = titleIndex < 0 ? metas : [.. metas.Where(m => m.Before >= titleIndex), .. metas.Where(m => m.Before < titleIndex)];
        foreach (var (_, meta) in ordered)
        {
            outlet ??= meta.Outlet;
            if (published is null && meta.PublishedAt is not null)
            {
                published = meta.PublishedAt;
                publishedText = meta.PublishedText;
            }
            else if (meta.PublishedAt is not null && meta.PublishedAt == published)
            {
                publishedText ??= meta.PublishedText;
            }
        }

        // The fuller of two readings of one outlet (a trailer's 某某网-某某晚报 for the header's 某某晚报); then the meta tags,
        // the masthead before a reporter role, and an opening dateline, in that order, when no line states a source.
        if (outlet is not null)
        {
            outlet = Outlets.Fuller(outlet, ordered.Select(m => m.Line.Outlet).OfType<string>());
        }

        // A name stamped beside the header's date (the dateline just under the headline) is the visible outlet too.
        var header = Math.Max(0, titleIndex);
        outlet ??= ordered.Where(m => m.Before >= header && m.Before <= header + HeaderLines).Select(m => m.Line.Stamped).FirstOrDefault(s => s is not null);
        outlet ??= page.Outlet;

        // A person beside the header's timed date with no key (王建国 2015-06-21 11:39:55) is its author: the first dateline
        // after the headline, or the text's first when the headline line is not found (further ones are a related list's).
        var dateline = ordered.FirstOrDefault(m => m.Line.PublishedAt is not null);
        if (authors.Count == 0 && dateline.Line?.Signed is { } signed && (titleIndex < 0 ? dateline.Before >= 0 : dateline.Before >= header && dateline.Before <= header + HeaderLines))
        {
            authors.Add(signed);
        }

        outlet ??= ordered.Select(m => m.Line.Masthead).FirstOrDefault(m => m is not null);
        outlet ??= opening;
        if (authors.Count == 0)
        {
            authors.AddRange(page.Authors);
        }

        if (editors.Count == 0)
        {
            editors.AddRange(page.Editors);
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

    /// <summary>The line among the leading content lines that repeats the page's own title; -1 when none does.</summary>
    private static int FindTitleLine(List<string> content, string pageTitle)
    {
        for (var i = 0; i < Math.Min(content.Count, 6); i++)
        {
            var line = content[i];
            if (line == pageTitle || (line.Length <= 80 && (pageTitle.Contains(line, StringComparison.Ordinal) || line.Contains(pageTitle, StringComparison.Ordinal))))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A dateline left in the text between the headline at <paramref name="start"/> and the first paragraph, one that says
    /// more than the metadata grammar reads (康斯坦丁 2015-07-02 14:41:12 0人参与评论): its date, the line removed.
    /// </summary>
    private static string? HeaderDateline(List<string> content, int start, ImmutableArray<string>.Builder removed, out string? text)
    {
        text = null;
        var body = TextHeadline.FirstParagraph(content);

        // A count alone between the headline and the body (a share or comment counter) is the header's furniture.
        for (var i = Math.Min(body, start + 8) - 1; i >= start; i--)
        {
            if (content[i].All(c => char.IsAsciiDigit(c) || c == ' '))
            {
                removed.Add(content[i]);
                content.RemoveAt(i);
                body--;
            }
        }

        for (var i = start; i < body && i < start + 4; i++)
        {
            if (TextHeadline.IsDateline(content[i]) && PublishDate.FromLine(content[i]) is { } date)
            {
                text = content[i];
                removed.Add(content[i]);
                content.RemoveAt(i);
                return date;
            }
        }

        return null;
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
}
