using System.Text.Json;

namespace Extract.Training.Specs;

/// <summary>One expected result of a Recognizers-Text spec case: span (end exclusive) and the value we compare, or null to compare spans only.</summary>
internal sealed record SpecResult(string Text, int Start, int End, string? Value);

/// <summary>One Recognizers-Text spec case reduced to what we compare; OutOfScope names why it is not scored, or is null.</summary>
internal sealed record SpecCase(string File, int Index, string Input, DateOnly? Reference, IReadOnlyList<SpecResult> Expected, string? OutOfScope)
{
    public string Id => $"{Path.GetFileNameWithoutExtension(File)}#{Index}";

    public static IEnumerable<JsonElement> ReadArray(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        foreach (var element in document.RootElement.EnumerateArray())
        {
            yield return element.Clone();
        }
    }

    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static DateOnly? ReferenceOf(JsonElement element) =>
        element.TryGetProperty("Context", out var context) && Text(context, "ReferenceDateTime") is { Length: >= 10 } reference
            ? DateOnly.ParseExact(reference[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static bool NotSupportedOnDotnet(JsonElement element) =>
        (Text(element, "NotSupported") ?? string.Empty).Contains("dotnet", StringComparison.OrdinalIgnoreCase);
}
