using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Extract.Learning;
using Extract.Metadata;
using Extract.Layout;
using Extract.Resources;

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

    /// <summary>How far into the heuristic's area the headline may stand (an area that opens with its headline).</summary>
    private const int HeadlineReach = 12;

    /// <summary>Lines after the article searched for trailer metadata (本文来源, 作者, 责任编辑), past share rows and notices.</summary>
    private const int TrailerSearch = 20;

    /// <summary>Probability at or above which the model takes a block for article text.</summary>
    private const float ArticleProbability = 0.5f;

    /// <summary>Letters of prose an article has at least.</summary>
    private const int MinimumProse = 40;

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
        html = MarkupBudget.Fit(html, options.MaxMarkupLength, cancellationToken, out var cut);
        using var document = Parse(html, options, cancellationToken);
        if (document.DocumentElement is not { } root)
        {
            return new PageContent { IsArticle = false, Truncated = cut };
        }

        var model = options.UseLearnedPageBlocks ? _model ?? PageBlockModel.Default : null;
        var layout = PageWalker.Walk(root, options.MaxDomDepth, showHidden: false, out var hiddenText, cancellationToken);
        var content = Assemble(layout, url, model, cancellationToken);

        // No article among the visible text, but text the markup hides: an article cell a script reveals (an e-paper's
        // display:none cell). The page walked with its hidden elements shown gives the article if it holds one under
        // the page's headline (a hidden menu or a hidden list's snippet is not the page's article).
        if (!content.IsArticle && hiddenText)
        {
            var shown = Assemble(PageWalker.Walk(root, options.MaxDomDepth, showHidden: true, out _, cancellationToken), url, model, cancellationToken);
            content = shown.IsArticle && HoldsHeadline(shown) ? shown : content;
        }

        return content with { Truncated = cut };
    }

    /// <summary>Whether the article's lines state its title: a line that holds it, or that is most of it.</summary>
    private static bool HoldsHeadline(PageContent content) =>
        content.Title is { Length: >= 4 } title
        && content.Lines.Any(line => line.Contains(title, StringComparison.Ordinal) || (line.Length >= 4 && line.Length * 2 >= title.Length && title.Contains(line, StringComparison.Ordinal)));

    /// <summary>The page as blocks and lines, as the page stage sees it (the training tool builds its rows from the same); null without a document element.</summary>
    internal static PageLayout? Layout(string html, ExtractorOptions options, CancellationToken cancellationToken)
    {
        html = MarkupBudget.Fit(html, options.MaxMarkupLength, cancellationToken, out _);
        using var document = Parse(html, options, cancellationToken);
        if (document.DocumentElement is not { } root)
        {
            return null;
        }

        var layout = PageWalker.Walk(root, options.MaxDomDepth, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return layout;
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html, ExtractorOptions options, CancellationToken cancellationToken)
    {
        // Parsing cost grows with nesting depth times tag count: flatten pathological nesting before the parser sees it.
        html = MarkupDepth.Flatten(html, Math.Max(1024, options.MaxDomDepth * 2), cancellationToken);

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var document = parser.ParseDocument(html);
        cancellationToken.ThrowIfCancellationRequested();
        return document;
    }

    private static PageContent Assemble(PageLayout layout, string? url, PageBlockModel? model, CancellationToken cancellationToken)
    {
        var title = PageTitle.Choose(layout, out var shown);
        var metaDate = PublishDate.FromMeta(layout);
        var outlet = PageBylines.Outlet(layout);
        var authors = PageBylines.Authors(layout, Surnames.Default);
        var area = ContentScorer.Choose(layout, cancellationToken);
        var lines = layout.Lines;
        var notArticle = new PageContent { Title = title, PublishedAt = PublishDate.Choose(metaDate, [], url), Outlet = outlet, Authors = authors, IsArticle = false };
        if (area.First < 0 || area.Score <= 0)
        {
            return notArticle;
        }

        // A title the page does not show (the <title> tag names the site, a channel, 显示) yields to the headline line
        // standing above the article's first paragraph.
        // The block model reads the title it was trained with.
        var modelTitle = title;
        // When one holds the other the tag's is the whole headline: the line is its second half (a headline over two
        // lines) or the tag's with a label stuck before it (原创…).
        if (!shown && HeadlineAbove(layout, area) is { } headline && (title is null || !Overlaps(title, headline)))
        {
            title = headline;
        }

        // Which lines are article text: the model's decision per block; the heuristic's area less its furniture and link
        // lines when the options ask for the heuristic alone, or when the model takes too little prose to make an article
        // of a page the heuristic does take for one (a page of one paragraph, a layout unlike any it was trained on).
        var keep = new bool[lines.Length];
        var (first, last) = model is null ? (-1, -1) : ModelLines(layout, model.Score(layout, modelTitle, area, cancellationToken), keep);
        if (first >= 0)
        {
            (first, last) = KeepSiblings(layout, keep, first, last);
        }

        if (first < 0)
        {
            Array.Clear(keep);
            (first, last) = (area.First, area.Last);
            for (var i = first; i <= last; i++)
            {
                keep[i] = !lines[i].InFurniture && !lines[i].IsLinks;
            }
        }

        // A page of several posts (a blog's front page) is the article of its first post.
        last = PagePosts.FirstPostEnd(lines, Math.Max(0, first - HeaderSearch), first, last, keep);

        var kept = ImmutableArray.CreateBuilder<string>();
        var removed = ImmutableArray.CreateBuilder<string>();

        // Headline, dateline and byline lines between the headline and the container.
        var titleLine = FindTitleLine(lines, first, title);
        var headerNames = ImmutableArray.CreateBuilder<string>();
        for (var i = titleLine >= 0 ? titleLine : Math.Max(0, first - FooterSearch); i < first; i++)
        {
            var line = lines[i];

            // A name alone under the headline is the column's byline (it leaves the body).
            if (titleLine >= 0 && i > titleLine && !line.InFurniture && line.LinkDensity < 0.5 && Bylines.LoneNames(line.Text, Surnames.Default) is { Length: > 0 } names)
            {
                headerNames.AddRange(names);
                continue;
            }

            if (i == titleLine || (!line.InFurniture && (IsMetadataLine(line) || IsLead(line))))
            {
                kept.Add(line.Text);
            }
        }

        var keptProse = 0;
        for (var i = first; i <= last; i++)
        {
            var line = lines[i];
            if (!keep[i])
            {
                // A header or trailer line the block decision left out is still the article's metadata: the text stage
                // reads it into fields (it never reaches the body, being wholly metadata).
                if (MetadataLines.IsMetadata(line.Text, Surnames.Default))
                {
                    kept.Add(line.Text);
                }
                else
                {
                    removed.Add(line.Text);
                }

                continue;
            }

            keptProse += ContentScorer.IsProse(line) ? line.Chars : 0;
            kept.Add(PinyinGlosses.Strip(line.Text));
        }

        // Byline and editor lines just after the container (责任编辑：…).
        for (var i = last + 1; i < Math.Min(lines.Length, last + 1 + TrailerSearch); i++)
        {
            var line = lines[i];
            if (IsTrailingMetadata(line))
            {
                kept.Add(line.Text);
            }
        }

        var published = PublishDate.Choose(metaDate, VisibleDates(lines, modelTitle, area), url);
        var isArticle = keptProse >= MinimumProse && HeuristicSaysArticle(layout, area);
        return new PageContent
        {
            Lines = isArticle ? kept.ToImmutable() : [],
            Title = title,
            PublishedAt = published,
            Outlet = outlet,
            Authors = headerNames.Count > 0 ? headerNames.ToImmutable() : authors,
            Removed = isArticle ? removed.ToImmutable() : [],
            IsArticle = isArticle,
        };
    }

    /// <summary>
    /// The headline above the heuristic's area: the visible lines from a header's reach above it to a few lines into it
    /// (furniture and link lines left out), walked up from the first paragraph as a text's headline is.
    /// </summary>
    private static string? HeadlineAbove(PageLayout layout, ContentArea area)
    {
        var texts = new List<string>();
        for (var i = Math.Max(0, area.First - HeaderSearch); i <= Math.Min(area.Last, area.First + HeadlineReach); i++)
        {
            var line = layout.Lines[i];
            if (!line.InFurniture && line.LinkDensity < 0.5 && line.Text.Length > 0)
            {
                texts.Add(line.Text.Trim());
            }
        }

        if (TextHeadline.AboveBody(texts) is not { } headline || !ReadsAsHeadline(headline.Title))
        {
            return null;
        }

        return PageTitle.TrimTail(PageTitle.WithoutLabel(headline.Title)!);
    }

    private static bool Overlaps(string a, string b)
    {
        a = string.Concat(a.Where(c => !char.IsWhiteSpace(c)));
        b = string.Concat(b.Where(c => !char.IsWhiteSpace(c)));
        return a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether a line the walk met can be a page's headline: not a sentence's first half (ending in a comma, or long and
    /// holding one — a paragraph wrapped over lines), not a metadata line (作者：… 出自…), not a counter (访问:1213), not
    /// the article's first section heading (一、…, （一）…) that the page's headline-less layout leaves right above its text.
    /// </summary>
    private static bool ReadsAsHeadline(string text)
    {
        var trimmed = text.TrimEnd();
        return !(trimmed.EndsWith('，') || trimmed.EndsWith(',') || (trimmed.Length >= 30 && (trimmed.Contains('，') || trimmed.Contains(',')))
            || MetadataLines.IsMetadata(trimmed, Surnames.Default) || CounterRegex().IsMatch(trimmed) || SectionRegex().IsMatch(trimmed));
    }

    /// <summary>The lines the model takes (probability ≥ 0.5) and the first and last of them; (-1, -1) when they hold under 40 letters of prose.</summary>
    private static (int First, int Last) ModelLines(PageLayout layout, float[] probabilities, bool[] keep)
    {
        int first = -1, last = -1, prose = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var line = layout.Lines[i];
            if (probabilities[i] >= ArticleProbability && line.Chars > 0)
            {
                keep[i] = true;
                first = first < 0 ? i : first;
                last = i;
                prose += ContentScorer.IsProse(line) ? line.Chars : 0;
            }
        }

        return prose >= MinimumProse ? (first, last) : (-1, -1);
    }

    /// <summary>
    /// Paragraphs set like one the model keeps are the same article's: a prose line whose block has the kept prose
    /// line's tag and class/id and sits in the same container is kept too (the model scores paragraphs one by one and,
    /// on a layout unlike its training pages, can keep the first and drop the rest). List items and table cells are left
    /// to the model (a list of teasers repeats one markup), as are lines in furniture, link lines and lines without
    /// sentence punctuation or length. Returns the new first and last kept lines.
    /// </summary>
    internal static (int First, int Last) KeepSiblings(PageLayout layout, bool[] keep, int first, int last)
    {
        var lines = layout.Lines;
        var blocks = layout.Blocks;
        var kinds = new HashSet<(int Parent, string Tag, string Names)>();
        for (var i = first; i <= last; i++)
        {
            if (keep[i] && SiblingKind(layout, i) is { } kind)
            {
                kinds.Add(kind);
            }
        }

        if (kinds.Count == 0)
        {
            return (first, last);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (!keep[i] && SiblingKind(layout, i) is { } kind && kinds.Contains(kind))
            {
                keep[i] = true;
                first = Math.Min(first, i);
                last = Math.Max(last, i);
            }
        }

        return (first, last);
    }

    /// <summary>The container, tag and class/id of a prose line's block, or null when the line is not one <see cref="KeepSiblings"/> extends over.</summary>
    private static (int Parent, string Tag, string Names)? SiblingKind(PageLayout layout, int i)
    {
        var line = layout.Lines[i];
        var block = layout.Blocks[line.Block];
        if (!ContentScorer.IsProse(line) || line.LinkDensity > 0.5 || block.Parent < 0 || block.Hint < 0
            || block.Tag is "li" or "dd" or "dt" or "td" or "th" or "tr" or "body" or "html")
        {
            return null;
        }

        return (block.Parent, block.Tag, block.Names);
    }

    /// <summary>
    /// Date lines near the heuristic's area: between the headline and the area, its first six and last three lines, and
    /// the metadata lines just after it. The publish date stays the heuristic's decision whichever stage picks the
    /// body lines: the block model is trained on main text, not on where a page states its date.
    /// </summary>
    private static List<(string Date, bool Keyed)> VisibleDates(ImmutableArray<PageLine> lines, string? title, ContentArea area)
    {
        var dates = new List<(string Date, bool Keyed)>();

        var (first, last) = (area.First, area.Last);
        var titleLine = FindTitleLine(lines, first, title);
        for (var i = titleLine >= 0 ? titleLine : Math.Max(0, first - FooterSearch); i < first; i++)
        {
            AddDate(lines[i].Text, dates);
        }

        for (var i = first; i <= last; i++)
        {
            if (i < first + 6 || i > last - 3)
            {
                AddDate(lines[i].Text, dates);
            }
        }

        // After the article only a short, unlinked, keyed line outside furniture gives a date: related lists and footers
        // are full of other dates. The key is enough: a trailer's dateline often shares its line with a handle, counters
        // and widgets (作者:网名 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30) that no metadata grammar reads as fields.
        for (var i = last + 1; i < Math.Min(lines.Length, last + 1 + FooterSearch); i++)
        {
            var line = lines[i];
            if (!line.InFurniture && line.LinkDensity <= 0.5 && line.Text.Length <= 60 && PublishDate.IsKeyed(line.Text))
            {
                AddDate(line.Text, dates);
            }
        }

        return dates;
    }

    /// <summary>A byline or editor line just after the article (责任编辑：…).</summary>
    private static bool IsTrailingMetadata(PageLine line) =>
        line.Text.Length <= 160 && MetadataLines.IsMetadata(line.Text, Surnames.Default);

    /// <summary>
    /// Whether the page is an article at all, judged on the heuristic's area whichever stage picks the lines (the
    /// training sets hold articles only, so the model has never seen a list page): enough prose, not a little prose in
    /// a furniture-named block (a footer's contact lines on a list page), not more link lines than prose lines.
    /// </summary>
    private static bool HeuristicSaysArticle(PageLayout layout, ContentArea area)
    {
        int proseChars = 0, proseLines = 0, linkLines = 0;
        for (var i = area.First; i <= area.Last; i++)
        {
            var line = layout.Lines[i];
            if (line.InFurniture || line.IsLinks)
            {
                linkLines += line.Chars >= 4 ? 1 : 0;
            }
            else if (ContentScorer.IsProse(line))
            {
                proseChars += line.Chars;
                proseLines++;
            }
        }

        var inFurniture = layout.Blocks[area.Block].Hint < 0 && proseChars < 200;
        return proseChars >= MinimumProse && !inFurniture && !LooksLikeList(linkLines, proseLines);
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

    /// <summary>
    /// A short line naming a date, a source or a byline (来源/作者/记者/编辑/发布时间…) as the metadata grammar reads it, links
    /// or not (the outlet after 来源 is often a link); a bare date line only when it is not mostly links.
    /// </summary>
    private static bool IsMetadataLine(PageLine line) =>
        line.Text.Length <= 160 && (MetadataLines.IsMetadata(line.Text, Surnames.Default) || (line.LinkDensity <= 0.5 && PublishDate.FromLine(line.Text) is not null));

    /// <summary>A lead paragraph (导语) set apart between the headline and the body.</summary>
    private static bool IsLead(PageLine line) => ContentScorer.IsProse(line) && line.Punctuation >= 2 && line.Chars >= 30;

    /// <summary>A list of linked items with snippets (search results, forum indexes): more link lines than prose lines in the area.</summary>
    private static bool LooksLikeList(int linkLines, int proseLines) => linkLines >= 10 && linkLines >= proseLines;

    // The first section heading of an article: 一、…, （一）….
    [GeneratedRegex(@"^(?:一\s*[、.．]|[(（]\s*一\s*[)）])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SectionRegex();

    // A counter: a key and a number only (访问:121369, 点击数：52).
    [GeneratedRegex(@"^[^:：]{1,8}[:：]\s*\d+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CounterRegex();
}
