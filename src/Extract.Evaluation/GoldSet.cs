using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Extract.Evaluation;

/// <summary>One annotated case: the source file, its gold record and its crawl context.</summary>
internal sealed record GoldCase(string Id, string SourcePath, GoldRecord Gold, DateTimeOffset? FetchedAt, string? Url)
{
    /// <summary>The case's file as the extractor takes it: HTML unless it is a .txt, with its crawl context.</summary>
    public ArticleSource Source() =>
        ArticleSource.FromBytes(Id, File.ReadAllBytes(SourcePath), isHtml: !SourcePath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            with { FetchedAt = FetchedAt, Url = Url };
}

/// <summary>
/// A folder of NAME.txt (or NAME.html) + NAME.gold.json, with an optional meta.json mapping NAME to
/// {"fetchedAt": …, "url": …}. The same sidecar is honoured by the CLI when extracting a folder.
/// </summary>
internal static class GoldSet
{
    public static ImmutableArray<GoldCase> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"gold folder not found: {directory}");
        }

        var meta = SidecarMeta.Load(directory);
        var cases = ImmutableArray.CreateBuilder<GoldCase>();
        foreach (var goldPath in Directory.EnumerateFiles(directory, "*.gold.json").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(goldPath)[..^".gold.json".Length];
            var source = new[] { ".txt", ".html", ".htm" }.Select(ext => Path.Combine(directory, id + ext)).FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"gold record {goldPath} has no {id}.txt or {id}.html beside it");
            var gold = GoldRecord.Parse(File.ReadAllText(goldPath), id);
            meta.TryGetValue(id, out var m);
            cases.Add(new GoldCase(id, source, gold, m.FetchedAt, m.Url));
        }

        return cases.ToImmutable();
    }
}

/// <summary>Reads a folder's optional meta.json: { "NAME": { "fetchedAt": "ISO", "url": "…" } }.</summary>
internal static class SidecarMeta
{
    public static ImmutableDictionary<string, (DateTimeOffset? FetchedAt, string? Url)> Load(string directory)
    {
        var path = Path.Combine(directory, "meta.json");
        var result = ImmutableDictionary.CreateBuilder<string, (DateTimeOffset?, string?)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result.ToImmutable();
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"{path}: expected an object of NAME → {{fetchedAt, url}}");
        }

        foreach (var entry in document.RootElement.EnumerateObject())
        {
            DateTimeOffset? fetched = null;
            string? url = null;
            if (entry.Value.ValueKind == JsonValueKind.Object)
            {
                if (entry.Value.TryGetProperty("fetchedAt", out var f) && f.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(f.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    fetched = parsed;
                }

                if (entry.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
                {
                    url = u.GetString();
                }
            }

            result[entry.Name] = (fetched, url);
        }

        return result.ToImmutable();
    }
}
