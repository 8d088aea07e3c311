using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Extract.Evaluation;

namespace Extract.Cli;

/// <summary>One input document, loaded lazily on a worker so a read error becomes that document's error line.</summary>
internal sealed record InputItem(string Id, Func<ArticleSource> Load);

/// <summary>Expands command-line paths (files, folders, .jsonl) into input items, in a stable order.</summary>
internal static class Inputs
{
    private static readonly string[] Extensions = [".html", ".htm", ".txt", ".jsonl"];

    /// <summary>Paths that do not exist, for argument errors before any work starts.</summary>
    public static IEnumerable<string> Missing(IEnumerable<string> paths) => paths.Where(p => !File.Exists(p) && !Directory.Exists(p));

    public static async IAsyncEnumerable<InputItem> Enumerate(IReadOnlyList<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var meta = SidecarMeta.Load(path);
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    await foreach (var item in FromFile(file, meta, cancellationToken).ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }
            }
            else
            {
                var meta = SidecarMeta.Load(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
                await foreach (var item in FromFile(path, meta, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }

    private static async IAsyncEnumerable<InputItem> FromFile(
        string file,
        IReadOnlyDictionary<string, (DateTimeOffset? FetchedAt, string? Url)> meta,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension != ".jsonl")
        {
            var id = Path.GetFileNameWithoutExtension(file);
            meta.TryGetValue(id, out var m);
            yield return new InputItem(id, () => ArticleSource.FromBytes(id, File.ReadAllBytes(file), extension != ".txt") with { FetchedAt = m.FetchedAt, Url = m.Url });
            yield break;
        }

        using var reader = new StreamReader(file);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fallbackId = $"{Path.GetFileName(file)}:{lineNumber}";
            yield return new InputItem(IdOf(line) ?? fallbackId, () => ParseJsonLine(line, fallbackId));
        }
    }

    private static string? IdOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>{"id", "url", "html" | "text", "fetchedAt"} → a source. Throws <see cref="FormatException"/> on a malformed line.</summary>
    internal static ArticleSource ParseJsonLine(string line, string fallbackId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid JSON line: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("a JSONL input line must be an object with \"html\" or \"text\"");
            }

            string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var url = Get("url");
            var id = Get("id") ?? url ?? fallbackId;
            var source = Get("html") is { } html ? ArticleSource.FromHtml(id, html)
                : Get("text") is { } text ? ArticleSource.FromText(id, text)
                : throw new FormatException("a JSONL input line needs a string \"html\" or \"text\" field");
            DateTimeOffset? fetched = null;
            if (Get("fetchedAt") is { } f)
            {
                fetched = DateTimeOffset.TryParse(f, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new FormatException($"fetchedAt '{f}' is not a date-time");
            }

            return source with { Url = url, FetchedAt = fetched };
        }
    }
}
