using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Extract.Learning;

namespace Extract.Page;

/// <summary>
/// Stage 2: HTML → <see cref="PageContent"/>. Parses with AngleSharp, walks the DOM into blocks and lines
/// (<see cref="PageWalker"/>), decides which blocks are article text (the learned <see cref="PageBlockModel"/>, with the
/// <see cref="ContentScorer"/> heuristic as one of its features; the heuristic alone when the options ask), and emits them plus the
/// title, date and byline lines that sit between the headline and the container or just after it. Link lists and
/// furniture inside the container go to <see cref="PageContent.Removed"/>. Pages without an article (list pages,
/// indexes) give no lines and <see cref="PageContent.IsArticle"/> = false.
/// </summary>
internal sealed partial class HtmlPageExtractor
{
    private const int HeaderSearch = 40;
    private const int FooterSearch = 6;

    /// <summary>Probability at or above which the model takes a block for article text.</summary>
    private const float ArticleProbability = 0.5f;

    private readonly PageBlockModel? _model;

    /// <summary>A page stage using the embedded page-block model (loaded on first use) unless the options ask for the heuristic alone.</summary>
    public HtmlPageExtractor()
    {
    }

    /// <summary>A page stage using <paramref name="model"/> for its block decisions (tests, cross-validation, custom models).</summary>
    public HtmlPageExtractor(PageBlockModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public PageContent Extract(string html, string? url, ExtractorOptions options, CancellationToken cancellationToken)
    {
        if (Layout(html, options, cancellationToken) is not { } layout)
        {
            return new PageContent { IsArticle = false };
        }

        var model = options.UseLearnedPageBlocks ? _model ?? PageBlockModel.Default : null;
        return Assemble(layout, url, model, cancellationToken);
    }

    /// <summary>The page as blocks and lines, as the page stage sees it (the training tool builds its rows from the same); null without a document element.</summary>
    internal static PageLayout? Layout(string html, ExtractorOptions options, CancellationToken cancellationToken)
    {
        // Parsing cost grows with nesting depth times tag count: flatten pathological nesting before the parser sees it.
        html = MarkupDepth.Flatten(html, Math.Max(1024, options.MaxDomDepth * 2), cancellationToken);

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        cancellationToken.ThrowIfCancellationRequested();
        if (document.DocumentElement is not { } root)
        {
            return null;
        }

        var layout = PageWalker.Walk(root, options.MaxDomDepth, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return layout;
    }

    private static PageContent Assemble(PageLayout layout, string? url, PageBlockModel? model, CancellationToken cancellationToken)
    {
        var title = PageTitle.Choose(layout);
        var metaDate = PublishDate.FromMeta(layout);
        var outlet = PageBylines.Outlet(layout);
        var authors = PageBylines.Authors(layout);
        var area = ContentScorer.Choose(layout, cancellationToken);
        var lines = layout.Lines;
        var notArticle = new PageContent { Title = title, PublishedAt = PublishDate.Choose(metaDate, [], url), Outlet = outlet, Authors = authors, IsArticle = false };
        if (area.First < 0 || area.Score <= 0)
        {
            return notArticle;
        }

        // Which lines are article text: the model's decision per block, or the heuristic's area less its furniture and link lines.
        var keep = new bool[lines.Length];
        int first, last, holder;
        if (model is not null)
        {
            var probabilities = model.Score(layout, title, area, cancellationToken);
            first = last = -1;
            for (var i = 0; i < lines.Length; i++)
            {
                if (probabilities[i] >= ArticleProbability && lines[i].Chars > 0)
                {
                    keep[i] = true;
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            if (first < 0)
            {
                return notArticle;
            }

            holder = CommonBlock(layout, lines[first].Block, lines[last].Block);
        }
        else
        {
            (first, last, holder) = (area.First, area.Last, area.Block);
            for (var i = first; i <= last; i++)
            {
                keep[i] = !lines[i].InFurniture && !lines[i].IsLinks;
            }
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

            if (!keep[i])
            {
                linkLines += (line.InFurniture || line.IsLinks) && line.Chars >= 4 ? 1 : 0;
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
        var inFurniture = layout.Blocks[holder].Hint < 0 && proseChars < 200;
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

    /// <summary>The innermost block holding both blocks.</summary>
    private static int CommonBlock(PageLayout layout, int a, int b)
    {
        while (a >= 0 && !layout.Contains(a, b))
        {
            a = layout.Blocks[a].Parent;
        }

        return Math.Max(a, 0);
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
