using System.Collections.Immutable;
using Extract.Decoding;
using Extract.Learning;
using Extract.Page;
using Extract.Resources;
using Extract.Text;

namespace Extract.Training.PageEvaluation;

/// <summary>What one extractor made of one page: body, publish date, authors (or an error).</summary>
/// <param name="Body">The main text, paragraphs separated by \n.</param>
/// <param name="PublishedAt">The publish date/time, ISO, or null.</param>
/// <param name="Authors">The authors found.</param>
/// <param name="Error">The failure, or null.</param>
/// <param name="IsArticle">Whether the extractor took the page for an article.</param>
/// <param name="Title">The title found, or null.</param>
internal sealed record PageResult(string Body, string? PublishedAt, ImmutableArray<string> Authors, string? Error, bool IsArticle = true, string? Title = null)
{
    public static PageResult Failed(string error) => new("", null, [], error, false);
}

/// <summary>
/// Runs Extract's first three stages (decode → page → text) on one page's bytes: with the embedded page-block model
/// (the default), with a given model (cross-validation folds), or with the heuristic alone.
/// </summary>
internal sealed class PageRun
{
    private readonly DocumentDecoder _decoder = new();
    private readonly HtmlPageExtractor _page;
    private readonly TextStage _text = new(Surnames.Default);
    private readonly ExtractorOptions _options;

    public PageRun()
        : this(null, learned: true)
    {
    }

    private PageRun(PageBlockModel? model, bool learned)
    {
        _page = model is null ? new HtmlPageExtractor() : new HtmlPageExtractor(model);
        _options = ExtractorOptions.Default with { UseLearnedPageBlocks = learned };
    }

    /// <summary>The page stage with <paramref name="model"/> deciding the blocks.</summary>
    public static PageRun WithModel(PageBlockModel model) => new(model, learned: true);

    /// <summary>The page stage with the hand-written block scorer alone.</summary>
    public static PageRun Heuristic() => new(null, learned: false);

    public PageResult Run(byte[] bytes, string? url)
    {
        try
        {
            var source = ArticleSource.FromBytes("page", bytes, isHtml: true) with { Url = url };
            var decoded = _decoder.Decode(source, _options, CancellationToken.None);
            var page = _page.Extract(decoded.Content, url, _options, CancellationToken.None);
            var clean = _text.Process(page, CancellationToken.None);
            return new PageResult(clean.Body, clean.PublishedAt, clean.Authors, null, clean.IsArticle, clean.Title);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PageResult.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }
}
