using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Extract.Page;
using Extract.Recognition.Dates;
using Extract.Calendar;

namespace Extract.Training.PageEvaluation;

/// <summary>One page with its gold: main text, publish day (null when unstated) and authors.</summary>
/// <param name="Set">The gold folder's name.</param>
/// <param name="Id">The page id within the set.</param>
/// <param name="HtmlPath">Path of the page's raw bytes.</param>
/// <param name="Url">The page URL when the dataset states it.</param>
/// <param name="Text">The gold main text.</param>
/// <param name="Date">The gold publish day (YYYY-MM-DD), or null.</param>
/// <param name="Authors">The gold authors; empty when none or unknown.</param>
/// <param name="Title">The gold headline when the set states one (readability and newspaper4k metadata), else null.</param>
/// <param name="IsSilver">True when the gold text is another extractor's output (cx-extractor-163), not a human's or a reviewed expectation.</param>
internal sealed record GoldPage(string Set, string Id, string HtmlPath, string? Url, string Text, string? Date, ImmutableArray<string> Authors, string? Title = null, bool IsSilver = false);

/// <summary>
/// Reads the gold layouts under html-zh: cwced (original/ cleaned/ date/ author/), newspaper4k (html/ txt/ metadata/),
/// readability (case/source.html + expected.html), cx-extractor (RawHtml/N.html + Text/N.txt, GBK, silver).
/// </summary>
internal static partial class GoldSets
{
    public static IReadOnlyList<GoldPage> Load(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        if (Directory.Exists(Path.Combine(folder, "original")))
        {
            return Cwced(folder, name);
        }

        if (Directory.Exists(Path.Combine(folder, "html")) && Directory.Exists(Path.Combine(folder, "txt")))
        {
            return Newspaper(folder, name);
        }

        if (Directory.Exists(Path.Combine(folder, "RawHtml")) && Directory.Exists(Path.Combine(folder, "Text")))
        {
            return CxExtractor(folder, name);
        }

        var cases = Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, "source.html")) && File.Exists(Path.Combine(d, "expected.html"))).Order(StringComparer.Ordinal).ToList();
        if (cases.Count > 0)
        {
            return Readability(cases, name);
        }

        throw new InvalidOperationException($"no known gold layout in {folder}");
    }

    private static List<GoldPage> Cwced(string folder, string set)
    {
        // The curated spec beside the folder normalises dates; fall back to the raw gold files.
        var spec = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder))!, "cwced-gold-spec.json");
        using var specDoc = File.Exists(spec) ? JsonDocument.Parse(File.ReadAllText(spec)) : null;
        var pages = new List<GoldPage>();
        foreach (var html in Directory.GetFiles(Path.Combine(folder, "original"), "*.html").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(html);
            var url = WrapperUrl(html);
            if (specDoc is not null && specDoc.RootElement.TryGetProperty(id, out var entry))
            {
                var date = entry.GetProperty("date").ValueKind == JsonValueKind.String ? entry.GetProperty("date").GetString() : null;
                var authors = entry.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!).ToImmutableArray();
                pages.Add(new GoldPage(set, id, html, url, entry.GetProperty("text").GetString()!, date, authors));
                continue;
            }

            var text = File.ReadAllText(Path.Combine(folder, "cleaned", id + ".txt"));
            var rawDate = ReadOrNull(Path.Combine(folder, "date", id + ".txt"));
            var rawAuthor = ReadOrNull(Path.Combine(folder, "author", id + ".txt"));
            var day = rawDate is null ? null : IsoDate.TryNormalize(rawDate);
            var names = rawAuthor is null or "UNKNOWN" ? [] : rawAuthor.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
            pages.Add(new GoldPage(set, id, html, url, text, day?[..10], names));
        }

        return pages;
    }

    private static List<GoldPage> Newspaper(string folder, string set)
    {
        var pages = new List<GoldPage>();
        foreach (var html in Directory.GetFiles(Path.Combine(folder, "html"), "*.html").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(html);
            var txt = Path.Combine(folder, "txt", id + ".txt");
            if (!File.Exists(txt))
            {
                continue;
            }

            string? url = null;
            string? date = null;
            string? title = null;
            var authors = ImmutableArray<string>.Empty;
            var meta = Path.Combine(folder, "metadata", id + ".json");
            if (File.Exists(meta))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(meta));
                var root = doc.RootElement;
                url = root.TryGetProperty("url", out var u) ? u.GetString() : null;
                date = root.TryGetProperty("publish_date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()![..10] : null;
                authors = root.TryGetProperty("authors", out var a) ? [.. a.EnumerateArray().Select(x => x.GetString()!)] : [];
                title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            }

            pages.Add(new GoldPage(set, id, html, url, File.ReadAllText(txt), date, authors, title));
        }

        return pages;
    }

    private static List<GoldPage> Readability(List<string> cases, string set)
    {
        var parser = new HtmlParser();
        var pages = new List<GoldPage>();
        foreach (var dir in cases)
        {
            using var expected = parser.ParseDocument(File.ReadAllText(Path.Combine(dir, "expected.html")));
            var text = string.Join('\n', PageWalker.Walk(expected.Body!, 512, CancellationToken.None).Lines.Select(l => l.Text));
            var authors = ImmutableArray<string>.Empty;
            string? title = null;
            var metaPath = Path.Combine(dir, "expected-metadata.json");
            if (File.Exists(metaPath))
            {
                using var meta = JsonDocument.Parse(File.ReadAllText(metaPath));
                if (meta.RootElement.TryGetProperty("byline", out var byline) && byline.ValueKind == JsonValueKind.String)
                {
                    authors = [.. byline.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                }

                title = meta.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            }

            pages.Add(new GoldPage(set, Path.GetFileName(dir), Path.Combine(dir, "source.html"), null, text, null, authors, title));
        }

        return pages;
    }

    /// <summary>cx-extractor's pages and its own extracted text (GBK): silver gold, no date, authors or title.</summary>
    private static List<GoldPage> CxExtractor(string folder, string set)
    {
        var gbk = System.Text.CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
        var pages = new List<GoldPage>();
        foreach (var html in Directory.GetFiles(Path.Combine(folder, "RawHtml"), "*.html").OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(html);
            var txt = Path.Combine(folder, "Text", id + ".txt");
            if (File.Exists(txt))
            {
                pages.Add(new GoldPage(set, id, html, null, gbk.GetString(File.ReadAllBytes(txt)), null, [], null, IsSilver: true));
            }
        }

        return pages;
    }

    /// <summary>The URL of the CleanEval-style wrapper &lt;text id="URL" …&gt; that cwced pages carry.</summary>
    private static string? WrapperUrl(string htmlPath)
    {
        using var stream = File.OpenRead(htmlPath);
        var head = new byte[1024];
        var read = stream.Read(head);
        var match = WrapperRegex().Match(System.Text.Encoding.Latin1.GetString(head, 0, read));
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() is { Length: > 0 } s ? s : null : null;

    [GeneratedRegex("""^\s*<text\s+id="(https?://[^"]+)""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WrapperRegex();
}
