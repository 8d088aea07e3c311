using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Extract.Page;

/// <summary>
/// Stage 2: HTML → <see cref="PageContent"/>. Parses with AngleSharp, walks the DOM into blocks and lines
/// (<see cref="PageWalker"/>), picks the article container (<see cref="ContentScorer"/>), and emits its lines plus the
/// title, date and byline lines that sit between the headline and the container or just after it. Link lists and
/// furniture inside the container go to <see cref="PageContent.Removed"/>. Pages without an article (list pages,
/// indexes) give no lines and <see cref="PageContent.IsArticle"/> = false.
/// </summary>
internal sealed partial class HtmlPageExtractor
{
    private const int HeaderSearch = 40;
    private const int FooterSearch = 6;

    public PageContent Extract(string html, string? url, ExtractorOptions options, CancellationToken cancellationToken)
    {
        // Parsing cost grows with nesting depth times tag count: flatten pathological nesting before the parser sees it.
        html = MarkupDepth.Flatten(html, Math.Max(1024, options.MaxDomDepth * 2), cancellationToken);

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        cancellationToken.ThrowIfCancellationRequested();
        if (document.DocumentElement is not { } root)
        {
            return new PageContent { IsArticle = false };
        }

        var layout = PageWalker.Walk(root, options.MaxDomDepth, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Assemble(layout, url, cancellationToken);
    }

    private static PageContent Assemble(PageLayout layout, string? url, CancellationToken cancellationToken)
    {
        var title = PageTitle.Choose(layout);
        var metaDate = PublishDate.FromMeta(layout);
        var outlet = PageBylines.Outlet(layout);
        var authors = PageBylines.Authors(layout);
        var area = ContentScorer.Choose(layout, cancellationToken);
        var lines = layout.Lines;
        var (first, last) = (area.First, area.Last);
        if (first < 0 || area.Score <= 0)
        {
            return new PageContent { Title = title, PublishedAt = PublishDate.Choose(metaDate, [], url), Outlet = outlet, Authors = authors, IsArticle = false };
        }

        var kept = ImmutableArray.CreateBuilder<string>();
        var removed = ImmutableArray.CreateBuilder<string>();
        var visibleDates = new List<(string Date, bool Keyed)>();

        // Headline, dateline and byline lines between the headline and the container.
        var titleLine = FindTitleLine(lines, first, title);
        for (var i = titleLine >= 0 ? titleLine : Math.Max(0, first - FooterSearch); i < first; i++)
        {
            var line = lines[i];
            AddDate(line.Text, visibleDates);
            if (i == titleLine || (!line.InFurniture && ((IsMetadataLine(line) && line.LinkDensity <= 0.5) || IsLead(line))))
            {
                kept.Add(line.Text);
            }
        }

        var proseChars = 0;
        var proseLines = 0;
        var linkLines = 0;
        for (var i = first; i <= last; i++)
        {
            var line = lines[i];
            if (i < first + 6 || i > last - 3)
            {
                AddDate(line.Text, visibleDates);
            }

            if (line.InFurniture || line.IsLinks)
            {
                linkLines += line.Chars >= 4 ? 1 : 0;
                removed.Add(line.Text);
                continue;
            }

            if (ContentScorer.IsProse(line))
            {
                proseChars += line.Chars;
                proseLines++;
            }

            kept.Add(PinyinGlosses.Strip(line.Text));
        }

        // Byline and editor lines just after the container (责任编辑：…).
        for (var i = last + 1; i < Math.Min(lines.Length, last + 1 + FooterSearch); i++)
        {
            var line = lines[i];
            if (!line.InFurniture && line.LinkDensity <= 0.5 && line.Text.Length <= 60 && MetadataKeyRegex().IsMatch(line.Text))
            {
                AddDate(line.Text, visibleDates);
                kept.Add(line.Text);
            }
        }

        var published = PublishDate.Choose(metaDate, visibleDates, url);
        // A little prose in a furniture-named block (a footer's contact lines on a list page) is no article.
        var inFurniture = layout.Blocks[area.Block].Hint < 0 && proseChars < 200;
        var isArticle = proseChars >= 40 && !inFurniture && !LooksLikeList(linkLines, proseLines);
        return new PageContent
        {
            Lines = isArticle ? kept.ToImmutable() : [],
            Title = title,
            PublishedAt = published,
            Outlet = outlet,
            Authors = authors,
            Removed = isArticle ? removed.ToImmutable() : [],
            IsArticle = isArticle,
        };
    }

    /// <summary>The last line before the container that repeats the title, searching back a bounded distance; -1 if none.</summary>
    private static int FindTitleLine(ImmutableArray<PageLine> lines, int first, string? title)
    {
        if (title is null)
        {
            return -1;
        }

        for (var i = first - 1; i >= Math.Max(0, first - HeaderSearch); i--)
        {
            var text = lines[i].Text;
            if (text == title || (text.Length >= 4 && title.Contains(text, StringComparison.Ordinal) && text.Length * 2 >= title.Length)
                || (text.Contains(title, StringComparison.Ordinal) && text.Length <= title.Length + 12))
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddDate(string text, List<(string Date, bool Keyed)> dates)
    {
        if (PublishDate.FromLine(text) is { } date)
        {
            dates.Add((date, PublishDate.IsKeyed(text)));
        }
    }

    /// <summary>A short line naming a date, a source or a byline (来源/作者/记者/编辑/发布时间…).</summary>
    private static bool IsMetadataLine(PageLine line) =>
        line.Text.Length <= 100 && (MetadataKeyRegex().IsMatch(line.Text) || PublishDate.FromLine(line.Text) is not null);

    /// <summary>A lead paragraph (导语) set apart between the headline and the body.</summary>
    private static bool IsLead(PageLine line) => ContentScorer.IsProse(line) && line.Punctuation >= 2 && line.Chars >= 30;

    /// <summary>A list of linked items with snippets (search results, forum indexes): more link lines than prose lines in the area.</summary>
    private static bool LooksLikeList(int linkLines, int proseLines) => linkLines >= 10 && linkLines >= proseLines;

    [GeneratedRegex(@"来源|作者|记者|通讯员|编辑|责编|审核|签发|发布|发表|时间|日期|摄影|供稿|撰稿|文/|文／|图/|稿源|出处", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetadataKeyRegex();
}
