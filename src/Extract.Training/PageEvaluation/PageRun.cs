using System.Collections.Immutable;
using Extract.Decoding;
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
internal sealed record PageResult(string Body, string? PublishedAt, ImmutableArray<string> Authors, string? Error, bool IsArticle = true)
{
    public static PageResult Failed(string error) => new("", null, [], error, false);
}

/// <summary>Runs Extract's first three stages (decode → page → text) on one page's bytes.</summary>
internal sealed class PageRun
{
    private readonly DocumentDecoder _decoder = new();
    private readonly HtmlPageExtractor _page = new();
    private readonly TextStage _text = new(Surnames.Default);
    private readonly ExtractorOptions _options = ExtractorOptions.Default;

    public PageResult Run(byte[] bytes, string? url)
    {
        try
        {
            var source = ArticleSource.FromBytes("page", bytes, isHtml: true) with { Url = url };
            var decoded = _decoder.Decode(source, _options, CancellationToken.None);
            var page = _page.Extract(decoded.Content, url, _options, CancellationToken.None);
            var clean = _text.Process(page, CancellationToken.None);
            return new PageResult(clean.Body, clean.PublishedAt, clean.Authors, null, clean.IsArticle);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PageResult.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }
}
