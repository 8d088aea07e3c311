using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extract.Json;

/// <summary>Reads and writes the <c>extract.article/1</c> JSON contract (source-generated, AOT-safe, Chinese written as is).</summary>
public static class ArticleJson
{
    private static readonly ArticleJsonContext Compact = new(Options(indented: false));
    private static readonly ArticleJsonContext Indented = new(Options(indented: true));

    /// <summary>The record as one JSON object (one line unless <paramref name="indented"/>).</summary>
    public static string Serialize(Article article, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(article);
        var context = indented ? Indented : Compact;
        return JsonSerializer.Serialize(ToDto(article), context.ArticleDto);
    }

    /// <summary>Writes the record to <paramref name="stream"/> as UTF-8 JSON.</summary>
    public static void Serialize(Stream stream, Article article, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(article);
        var context = indented ? Indented : Compact;
        JsonSerializer.Serialize(stream, ToDto(article), context.ArticleDto);
    }

    /// <summary>An error line for a document that could not be processed: {"id":…,"error":…}.</summary>
    public static string SerializeError(string id, string error)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(error);
        return JsonSerializer.Serialize(new ErrorDto { Id = id, Error = error }, Compact.ErrorDto);
    }

    /// <summary>A result as one JSON line: the article, or the error object {"id", "error", "kind", "stage"}.</summary>
    public static string Serialize(ExtractionResult result) => Serialize(result, indented: false);

    /// <summary>A result as JSON: the article, or the error object {"id", "error", "kind", "stage"} (kind in <see cref="Name(ExtractionErrorKind)"/>'s spelling).</summary>
    public static string Serialize(ExtractionResult result, bool indented)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsSuccess
            ? Serialize(result.Article, indented)
            : JsonSerializer.Serialize(
                new ErrorDto { Id = result.Id, Error = result.Error, Kind = result.ErrorKind is { } kind ? Name(kind) : null, Stage = result.Stage },
                (indented ? Indented : Compact).ErrorDto);
    }

    /// <summary>An error kind as the error record writes it: <c>internal</c>, <c>invalid-input</c>, <c>too-large</c>, <c>binary</c>, <c>timeout</c>.</summary>
    public static string Name(ExtractionErrorKind kind) => kind switch
    {
        ExtractionErrorKind.InvalidInput => "invalid-input",
        ExtractionErrorKind.TooLarge => "too-large",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads a record written by <see cref="Serialize(Article, bool)"/>.</summary>
    /// <exception cref="JsonException">The JSON is not an <c>extract.article/1</c> record.</exception>
    public static Article Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var dto = JsonSerializer.Deserialize(json, Compact.ArticleDto) ?? throw new JsonException("null is not an article record");
        if (dto.Schema != Article.SchemaName)
        {
            throw new JsonException(dto.Schema.Length == 0 ? $"not an {Article.SchemaName} record (no schema field)" : $"schema '{dto.Schema}' is not {Article.SchemaName}");
        }

        return FromDto(dto);
    }

    private static JsonSerializerOptions Options(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };

    internal static string Name(OrganizationKind kind) => kind.ToString().ToLowerInvariant();

    internal static string Name(PlaceLevel level) => level.ToString().ToLowerInvariant();

    private static ArticleDto ToDto(Article a) => new()
    {
        Schema = Article.SchemaName,
        Id = a.Id,
        Url = a.Url,
        Title = a.Title,
        Outlet = a.Outlet,
        PublishedAt = a.PublishedAt,
        Authors = [.. a.Authors],
        Editors = [.. a.Editors],
        Body = a.Body,
        Removed = [.. a.Removed],
        Keywords = [.. a.Keywords],
        People = [.. a.People.Select(p => new PersonDto { Name = p.Name, Roles = [.. p.Roles], Organization = p.Organization, Mentions = Pairs(p.Mentions), TitleMentions = Optional(p.TitleMentions) })],
        Organizations = [.. a.Organizations.Select(o => new OrganizationDto { Name = o.Name, Kind = Name(o.Kind), Mentions = Pairs(o.Mentions), TitleMentions = Optional(o.TitleMentions) })],
        Places = [.. a.Places.Select(p => new PlaceDto { Name = p.Name, Level = Name(p.Level), Code = p.Code, Path = [.. p.Path], Mentions = Pairs(p.Mentions), TitleMentions = Optional(p.TitleMentions) })],
        Dates = [.. a.Dates.Select(d => new DateDto { Text = d.Text, Value = d.Value, Start = d.Span?.Start, End = d.Span?.End, TitleSpan = Pair(d.TitleSpan) })],
        Achievements = [.. a.Achievements.Select(x => new AchievementDto
        {
            Text = x.Text, Value = x.Value, Unit = x.Unit, Approx = x.Approx, Actor = x.Actor, Action = x.Action, Date = x.Date,
            Start = x.Span?.Start, End = x.Span?.End, TitleSpan = Pair(x.TitleSpan),
        })],
        IsArticle = a.IsArticle ? null : false,
        Truncated = a.Truncated ? true : null,
    };

    private static Article FromDto(ArticleDto d) => new()
    {
        Id = d.Id,
        Url = d.Url,
        Title = d.Title,
        Outlet = d.Outlet,
        PublishedAt = d.PublishedAt,
        Authors = [.. d.Authors ?? []],
        Editors = [.. d.Editors ?? []],
        Body = d.Body ?? "",
        Removed = [.. d.Removed ?? []],
        Keywords = [.. d.Keywords ?? []],
        People = [.. (d.People ?? []).Select(p => new Person { Name = p.Name, Roles = [.. p.Roles ?? []], Organization = p.Organization, Mentions = Spans(p.Mentions), TitleMentions = Spans(p.TitleMentions) })],
        Organizations = [.. (d.Organizations ?? []).Select(o => new Organization { Name = o.Name, Kind = Parse<OrganizationKind>(o.Kind), Mentions = Spans(o.Mentions), TitleMentions = Spans(o.TitleMentions) })],
        Places = [.. (d.Places ?? []).Select(p => new Place { Name = p.Name, Level = Parse<PlaceLevel>(p.Level), Code = p.Code, Path = [.. p.Path ?? []], Mentions = Spans(p.Mentions), TitleMentions = Spans(p.TitleMentions) })],
        Dates = [.. (d.Dates ?? []).Select(x => new DateMention { Text = x.Text, Value = x.Value, Span = Span(x.Start, x.End), TitleSpan = Span(x.TitleSpan) })],
        Achievements = [.. (d.Achievements ?? []).Select(x => new Achievement
        {
            Text = x.Text, Value = x.Value, Unit = x.Unit, Approx = x.Approx, Actor = x.Actor, Action = x.Action, Date = x.Date,
            Span = Span(x.Start, x.End), TitleSpan = Span(x.TitleSpan),
        })],
        IsArticle = d.IsArticle ?? true,
        Truncated = d.Truncated ?? false,
    };

    private static int[][] Pairs(ImmutableArray<TextSpan> spans) => [.. spans.Select(s => new[] { s.Start, s.End })];

    private static ImmutableArray<TextSpan> Spans(int[][]? pairs) =>
        [.. (pairs ?? []).Select(p => p is [var start, var end] ? new TextSpan(start, end) : throw new JsonException("a mention must be [start, end]"))];

    // Title mentions are written only when there are some, so a record without them reads as it did before they existed.
    private static int[][]? Optional(ImmutableArray<TextSpan> spans) => spans.IsDefaultOrEmpty ? null : Pairs(spans);

    private static int[]? Pair(TextSpan? span) => span is { } s ? [s.Start, s.End] : null;

    private static TextSpan? Span(int[]? pair) => pair switch
    {
        null => null,
        [var start, var end] => new TextSpan(start, end),
        _ => throw new JsonException("a title span must be [start, end]"),
    };

    private static TextSpan? Span(int? start, int? end) => start is { } s && end is { } e ? new TextSpan(s, e) : null;

    private static T Parse<T>(string? name)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var value) ? value : throw new JsonException($"'{name}' is not a {typeof(T).Name}");
}
