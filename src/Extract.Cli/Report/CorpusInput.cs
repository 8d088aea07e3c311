using System.Collections.Immutable;
using System.Text.Json;
using Extract.Cli.Commands;
using Extract.Json;

namespace Extract.Cli.Report;

/// <summary>A person as the corpus model counts them: name, roles, the body a role names, and how often named.</summary>
internal sealed record CorpusPerson(string Name, ImmutableArray<string> Roles, string? Organization, int Mentions);

/// <summary>An organisation as the corpus model counts it: name, kind (as the record writes it) and how often named.</summary>
internal sealed record CorpusOrganization(string Name, string Kind, int Mentions);

/// <summary>
/// What the corpus model reads of an article: no body and no offsets, so a store can give it without rebuilding records.
/// <see cref="Achievements"/> and <see cref="Places"/> carry the fields the model reads (an achievement's text and a
/// place's mentions may be empty).
/// </summary>
internal sealed record CorpusArticle(
    string? Title,
    string? Outlet,
    string? PublishedAt,
    string? Url,
    int Authors,
    bool IsArticle,
    ImmutableArray<Achievement> Achievements,
    ImmutableArray<CorpusPerson> People,
    ImmutableArray<CorpusOrganization> Organizations,
    ImmutableArray<Place> Places)
{
    /// <summary>The parts of a whole article the model reads.</summary>
    public static CorpusArticle Of(Article article) => new(
        article.Title, article.Outlet, article.PublishedAt, article.Url, article.Authors.Length, article.IsArticle,
        article.Achievements,
        [.. article.People.Select(p => new CorpusPerson(p.Name, p.Roles, p.Organization, p.Mentions.Length + p.TitleMentions.Length))],
        [.. article.Organizations.Select(o => new CorpusOrganization(o.Name, ArticleJson.Name(o.Kind), o.Mentions.Length + o.TitleMentions.Length))],
        article.Places);
}

/// <summary>One record read back: an article, or the error record that stood in for a document.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Article">The article, or null for an error record.</param>
/// <param name="Error">The error message of an error record.</param>
/// <param name="Kind">The error record's <c>kind</c> (<c>invalid-input</c>, <c>timeout</c>…), null when it names none.</param>
/// <param name="Stage">The error record's <c>stage</c>, null when it names none.</param>
internal sealed record CorpusRecord(string Id, CorpusArticle? Article, string? Error = null, string? Kind = null, string? Stage = null)
{
    /// <summary>The record of an extraction result.</summary>
    public static CorpusRecord Of(ExtractionResult result) => result.IsSuccess
        ? new CorpusRecord(result.Id, CorpusArticle.Of(result.Article))
        : new CorpusRecord(result.Id, null, result.Error ?? "", result.ErrorKind is { } kind ? ArticleJson.Name(kind) : null, result.Stage);
}

/// <summary>
/// The records <c>summarize</c> and <c>report</c> read: the JSON Lines <c>extract</c> wrote (article lines and error lines
/// <c>{"id","error","kind","stage"}</c>), or one DuckDB store written with <c>--db</c>.
/// </summary>
internal static class CorpusInput
{
    /// <summary>A path that names a DuckDB store (by its extension, as <c>--db</c> files are named).</summary>
    public static bool IsStore(string path) => Path.GetExtension(path).ToLowerInvariant() is ".duckdb" or ".ddb";

    /// <summary>
    /// Checks the paths and reads them into <paramref name="model"/>: one store alone, or JSON Lines files. Returns null
    /// when every record was read, else the exit code after a one-line message on <paramref name="stderr"/>.
    /// </summary>
    public static async Task<int?> ReadAsync(IReadOnlyList<string> paths, string command, CorpusModel model, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            await stderr.WriteLineAsync($"{command}: give JSON Lines files or one .duckdb store").ConfigureAwait(false);
            return Program.UserError;
        }

        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"{command}: not found: {path}").ConfigureAwait(false);
                return Program.UserError;
            }
        }

        if (!paths.Any(IsStore))
        {
            foreach (var path in paths)
            {
                ReadJsonLines(path, model, cancellationToken);
            }

            return null;
        }

        if (paths.Count != 1)
        {
            await stderr.WriteLineAsync($"{command}: give one .duckdb store alone, or JSON Lines files").ConfigureAwait(false);
            return Program.UserError;
        }

        if (await ExportCommand.OpenAsync(paths[0], command, stderr, cancellationToken).ConfigureAwait(false) is not { } store)
        {
            return Program.UserError;
        }

        // Opening through the store checks the schema version; the rows are then read with plain queries.
        await store.DisposeAsync().ConfigureAwait(false);
        await StoreReader.ReadAsync(paths[0], model, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Reads one JSON Lines file: each line an article record or an error record; other lines are counted as unreadable.</summary>
    public static void ReadJsonLines(string path, CorpusModel model, CancellationToken cancellationToken = default)
    {
        foreach (var line in File.ReadLines(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (Parse(line) is { } record)
            {
                model.Add(record);
            }
            else
            {
                model.AddUnreadable();
            }
        }
    }

    /// <summary>A JSON line as a record: an <c>extract.article/1</c> article, an error line, or null for anything else.</summary>
    public static CorpusRecord? Parse(string line)
    {
        try
        {
            var article = ArticleJson.Deserialize(line);
            return new CorpusRecord(article.Id, CorpusArticle.Of(article));
        }
        catch (JsonException)
        {
            return ParseError(line);
        }
    }

    private static CorpusRecord? ParseError(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new CorpusRecord(Text(root, "id") ?? "", null, error.GetString() ?? "", Text(root, "kind"), Text(root, "stage"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    } : null;
}
