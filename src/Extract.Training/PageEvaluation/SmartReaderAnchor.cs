using System.Collections.Immutable;
using System.Globalization;
using Extract.Decoding;

namespace Extract.Training.PageEvaluation;

/// <summary>
/// SmartReader 0.11.1 (the C# port of Mozilla Readability) on the same decoded HTML the page stage sees, in process:
/// its text content, title, publication date and author. Referenced by this tool only, never by the library.
/// </summary>
internal sealed class SmartReaderAnchor
{
    private readonly DocumentDecoder _decoder = new();

    public PageResult Run(byte[] bytes, string? url)
    {
        try
        {
            var decoded = _decoder.Decode(ArticleSource.FromBytes("page", bytes, isHtml: true) with { Url = url }, ExtractorOptions.Default, CancellationToken.None);
            // Readability.js parses every page; SmartReader stops at its is-probably-readerable pre-check unless told to
            // go on, which leaves many short Chinese pages empty. Go on, as the original does, and drop the warning it adds.
            var reader = new SmartReader.Reader(url is not null && Uri.IsWellFormedUriString(url, UriKind.Absolute) ? url : "https://localhost/", decoded.Content)
            {
                ContinueIfNotReadable = true,
            };
            var article = reader.GetArticle();
            var text = (article.TextContent ?? "").Replace("Warning: article probably not readable", "", StringComparison.Ordinal);
            if (!article.Completed && text.Length == 0)
            {
                return new PageResult("", null, [], null, IsArticle: false, article.Title);
            }

            var published = article.PublicationDate?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            var authors = string.IsNullOrWhiteSpace(article.Author) ? [] : article.Author.Split([' ', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
            return new PageResult(text, published, authors, null, IsArticle: text.Length > 0, article.Title);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PageResult.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }
}
