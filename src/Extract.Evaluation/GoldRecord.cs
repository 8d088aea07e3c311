using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Extract.Evaluation;

/// <summary>A gold achievement: the fields <c>extract eval</c> scores.</summary>
internal sealed record GoldAchievement(string Text, decimal Value, string Unit, bool Approx, string? Actor, string? Action);

/// <summary>A gold date.</summary>
internal sealed record GoldDate(string Text, string Value);

/// <summary>A gold person with roles.</summary>
internal sealed record GoldPerson(string Name, ImmutableArray<string> Roles);

/// <summary>An annotated article (NAME.gold.json), as ANNOTATION.md defines it.</summary>
internal sealed record GoldRecord
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? PublishedAt { get; init; }

    public int? YearHint { get; init; }

    public ImmutableArray<string> Authors { get; init; } = [];

    public ImmutableArray<string> Editors { get; init; } = [];

    public ImmutableArray<string> BoilerplateLines { get; init; } = [];

    public ImmutableArray<GoldPerson> People { get; init; } = [];

    public ImmutableArray<string> Organizations { get; init; } = [];

    public ImmutableArray<string> Places { get; init; } = [];

    public ImmutableArray<GoldDate> Dates { get; init; } = [];

    public ImmutableArray<GoldAchievement> Achievements { get; init; } = [];

    /// <summary>Whether the page is an article (a list or index page is not); null when the record does not say.</summary>
    public bool? IsArticle { get; init; }

    /// <summary>
    /// The fields the record states (its JSON property names, e.g. "title", "authors", "people"). A record that annotates
    /// only metadata says nothing about people or dates: the scorer scores only what is here. Empty means every field
    /// (a record built in code).
    /// </summary>
    public ImmutableHashSet<string> Present { get; init; } = [];

    /// <summary>True when the record states <paramref name="field"/> (or states everything).</summary>
    public bool Has(string field) => Present.IsEmpty || Present.Contains(field);

    /// <summary>Reads a gold file. Organisations and places may be strings or objects with a name.</summary>
    /// <exception cref="JsonException">The file is not a gold record.</exception>
    public static GoldRecord Parse(string json, string fallbackId)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a gold record must be a JSON object");
        }

        return new GoldRecord
        {
            Present = [.. root.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Undefined).Select(p => p.Name)],
            IsArticle = root.TryGetProperty("isArticle", out var isArticle) && isArticle.ValueKind is JsonValueKind.True or JsonValueKind.False ? isArticle.GetBoolean() : null,
            Id = String(root, "id") ?? fallbackId,
            Title = String(root, "title"),
            Outlet = String(root, "outlet"),
            PublishedAt = String(root, "publishedAt"),
            YearHint = root.TryGetProperty("yearHint", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
            Authors = Strings(root, "authors"),
            Editors = Strings(root, "editors"),
            BoilerplateLines = Strings(root, "boilerplateLines"),
            People = [.. Items(root, "people").Select(p => p.ValueKind == JsonValueKind.String
                ? new GoldPerson(p.GetString()!, [])
                : new GoldPerson(String(p, "name") ?? "", Strings(p, "roles")))],
            Organizations = Names(root, "organizations"),
            Places = Names(root, "places"),
            Dates = [.. Items(root, "dates").Select(d => new GoldDate(String(d, "text") ?? "", String(d, "value") ?? ""))],
            Achievements = [.. Items(root, "achievements").Select(a => new GoldAchievement(
                String(a, "text") ?? "",
                a.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : decimal.Parse(String(a, "value") ?? "0", CultureInfo.InvariantCulture),
                String(a, "unit") ?? "",
                a.TryGetProperty("approx", out var x) && x.ValueKind == JsonValueKind.True,
                String(a, "actor"),
                String(a, "action")))],
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [];

    private static ImmutableArray<string> Strings(JsonElement element, string name) =>
        [.. Items(element, name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];

    private static ImmutableArray<string> Names(JsonElement element, string name) =>
        [.. Items(element, name).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : String(e, "name") ?? "").Where(n => n.Length > 0)];
}
