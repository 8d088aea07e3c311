using System.Text.Json.Serialization;

namespace Extract.Json;

// Wire shapes of extract.article/1. Property order is the contract's order; nulls are written.
internal sealed class ArticleDto
{
    public string Schema { get; set; } = "";

    public string Id { get; set; } = "";

    public string? Url { get; set; }

    public string? Title { get; set; }

    public string? Outlet { get; set; }

    public string? PublishedAt { get; set; }

    public string[] Authors { get; set; } = [];

    public string[] Editors { get; set; } = [];

    public string Body { get; set; } = "";

    public string[] Removed { get; set; } = [];

    public string[] Keywords { get; set; } = [];

    public PersonDto[] People { get; set; } = [];

    public OrganizationDto[] Organizations { get; set; } = [];

    public PlaceDto[] Places { get; set; } = [];

    public DateDto[] Dates { get; set; } = [];

    public AchievementDto[] Achievements { get; set; } = [];

    /// <summary>Written only as false, for pages that are not articles.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsArticle { get; set; }

    /// <summary>Written only as true, for bodies cut at <c>ExtractorOptions.MaxBodyLength</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Truncated { get; set; }
}

internal sealed class PersonDto
{
    public string Name { get; set; } = "";

    public string[] Roles { get; set; } = [];

    public string? Organization { get; set; }

    public int[][] Mentions { get; set; } = [];

    /// <summary>Added in place (additive): written only when the name occurs in the title; offsets into the title.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int[][]? TitleMentions { get; set; }
}

internal sealed class OrganizationDto
{
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "other";

    public int[][] Mentions { get; set; } = [];

    /// <summary>Added in place (additive): written only when the name occurs in the title; offsets into the title.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int[][]? TitleMentions { get; set; }
}

internal sealed class PlaceDto
{
    public string Name { get; set; } = "";

    public string Level { get; set; } = "other";

    public string? Code { get; set; }

    public string[] Path { get; set; } = [];

    public int[][] Mentions { get; set; } = [];

    /// <summary>Added in place (additive): written only when the name occurs in the title; offsets into the title.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int[][]? TitleMentions { get; set; }
}

internal sealed class DateDto
{
    public string Text { get; set; } = "";

    public string Value { get; set; } = "";

    public int? Start { get; set; }

    public int? End { get; set; }

    /// <summary>Added in place (additive): written only when the title states it; [start, end] into the title.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int[]? TitleSpan { get; set; }
}

internal sealed class AchievementDto
{
    public string Text { get; set; } = "";

    public decimal Value { get; set; }

    public string Unit { get; set; } = "";

    public bool Approx { get; set; }

    public string? Actor { get; set; }

    public string? Action { get; set; }

    public string? Date { get; set; }

    public int? Start { get; set; }

    public int? End { get; set; }

    /// <summary>Added in place (additive): written only when the title states it; [start, end] into the title.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int[]? TitleSpan { get; set; }
}

internal sealed class ErrorDto
{
    public string Id { get; set; } = "";

    public string Error { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Stage { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(ArticleDto))]
[JsonSerializable(typeof(ErrorDto))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext;
