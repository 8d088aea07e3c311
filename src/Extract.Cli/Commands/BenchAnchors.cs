using System.Diagnostics;
using System.Globalization;
using Extract.Decoding;
using Extract.Segmentation;

namespace Extract.Cli.Commands;

/// <summary>
/// The anchors <c>extract bench</c> runs in the same process over the same inputs, single-threaded: jieba.NET 0.42.2
/// (POS cut) against our token stage over the texts the recognisers read, and SmartReader 0.11.1 (decode, then
/// Readability's main text and title) over the HTML pages. Ratios are ours ÷ anchor: above 1, we are faster. These
/// packages are the tool's, never the library's.
/// </summary>
internal static class BenchAnchors
{
    /// <summary>Prints the anchors' speeds and the ratios of <paramref name="recordDocsPerSecond"/> (the whole record) and our token stage to them.</summary>
    public static async Task WriteAsync(ArticleExtractor extractor, IReadOnlyList<ArticleSource> sources, int repeat, double recordDocsPerSecond, TextWriter stdout, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        var texts = new List<string>();
        foreach (var source in sources)
        {
            try
            {
                texts.Add(extractor.Prepare(source, cancellationToken).Document.Body);
            }
            catch (ExtractionException)
            {
                // A document that does not extract has no text to cut.
            }
        }

        var textBytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t)) * (double)repeat / (1024 * 1024);
        var documents = (double)sources.Count * repeat;
        var recordMbPerSecond = textBytes / (documents / recordDocsPerSecond);
        var ours = Time(repeat, texts, text => PosSegmenter.Default.Tokenize(text).Count);
        if (JiebaNet() is { } jieba)
        {
            _ = jieba.Cut(texts.FirstOrDefault() ?? "").Count();
            var theirs = Time(repeat, texts, text => jieba.Cut(text).Count());
            await stdout.WriteLineAsync(string.Create(inv, $"anchor jieba.NET     POS cut {textBytes / theirs:0.00} MB/s; ours {textBytes / ours:0.00} MB/s (×{theirs / ours:0.00}); whole record {recordMbPerSecond:0.00} MB/s (×{recordMbPerSecond / (textBytes / theirs):0.00} of jieba.NET's cut)")).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteLineAsync("anchor jieba.NET     skipped: its dictionary files are not beside the tool (jieba-net/)").ConfigureAwait(false);
        }

        var decoder = new DocumentDecoder();
        var pages = sources.Where(source => IsHtml(decoder, source)).ToList();
        if (pages.Count == 0)
        {
            return;
        }

        var smart = Time(repeat, pages, page =>
        {
            var decoded = decoder.Decode(page, ExtractorOptions.Default, cancellationToken);
            var url = page.Url is { } u && Uri.IsWellFormedUriString(u, UriKind.Absolute) ? u : "https://localhost/";
            var article = new SmartReader.Reader(url, decoded.Content) { ContinueIfNotReadable = true }.GetArticle();
            return article.TextContent?.Length ?? 0;
        });
        var ourPages = Time(repeat, pages, page => extractor.Extract(page, cancellationToken).IsSuccess ? 1 : 0);
        var pageCount = (double)pages.Count * repeat;
        await stdout.WriteLineAsync(string.Create(inv, $"anchor SmartReader   {pageCount / smart:0.0} pages/s (page only); whole record {pageCount / ourPages:0.0} pages/s (×{smart / ourPages:0.00}) over {pages.Count} HTML page(s)")).ConfigureAwait(false);
    }

    private static bool IsHtml(DocumentDecoder decoder, ArticleSource source)
    {
        try
        {
            return decoder.Decode(source, ExtractorOptions.Default, CancellationToken.None).IsHtml;
        }
        catch (ExtractionException)
        {
            return false;
        }
    }

    private static double Time<T>(int repeat, IReadOnlyList<T> items, Func<T, int> work)
    {
        var sink = 0;
        var clock = Stopwatch.StartNew();
        for (var pass = 0; pass < repeat; pass++)
        {
            foreach (var item in items)
            {
                sink += work(item);
            }
        }

        GC.KeepAlive(sink);
        return clock.Elapsed.TotalSeconds;
    }

    private static JiebaNet.Segmenter.PosSeg.PosSegmenter? JiebaNet()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "jieba-net");
        if (!File.Exists(Path.Combine(folder, "dict.txt")))
        {
            return null;
        }

        global::JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = folder;
        return new global::JiebaNet.Segmenter.PosSeg.PosSegmenter(new global::JiebaNet.Segmenter.JiebaSegmenter());
    }
}
