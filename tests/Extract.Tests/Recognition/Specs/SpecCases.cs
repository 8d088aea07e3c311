using System.Text.Json;

namespace Extract.Tests.Recognition.Specs;

/// <summary>One expected result of a spec case; End exclusive; Value null when only the span is checked.</summary>
public sealed record SpecExpectation(string Text, int Start, int End, string? Value);

/// <summary>
/// One data-driven spec case (from Recognizers-Text, see NOTICE.md); ToString gives its id so each case shows as its own
/// test. <see cref="NotSupported"/>: a known failure, what we gave when the data was exported.
/// </summary>
public sealed record SpecCase(string Id, string Input, DateOnly? ReferenceDate, bool SpansOnly, IReadOnlyList<SpecExpectation> Results, string? NotSupported = null)
{
    public override string ToString() => Id;
}

/// <summary>Loads the spec files copied to the test output into TheoryData rows.</summary>
public static class SpecCases
{
    public static TheoryData<SpecCase> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Recognition", "Specs", file);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var data = new TheoryData<SpecCase>();
        foreach (var row in document.RootElement.EnumerateArray())
        {
            var reference = row.GetProperty("referenceDate").GetString();
            data.Add(new SpecCase(
                row.GetProperty("id").GetString()!,
                row.GetProperty("input").GetString()!,
                reference is null ? null : DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture),
                row.GetProperty("spansOnly").GetBoolean(),
                [.. row.GetProperty("results").EnumerateArray().Select(r => new SpecExpectation(
                    r.GetProperty("text").GetString()!,
                    r.GetProperty("start").GetInt32(),
                    r.GetProperty("end").GetInt32(),
                    r.GetProperty("value").GetString()))],
                row.TryGetProperty("notSupported", out var notSupported) ? notSupported.GetString() : null));
        }

        return data;
    }
}
