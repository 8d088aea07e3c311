using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Extract.Recognition.Dates;
using Extract.Recognition.Numbers;

namespace Extract.Training.Specs;

/// <summary>
/// Writes every in-scope Recognizers-Text case of NumberModel.json and the date files in the test project's spec format
/// (id, input, referenceDate, results with text/start/end/value, end exclusive): numbers.json and dates.json. A case our
/// extractors fail today carries <c>notSupported</c>: what we give instead; the tests skip it with that reason while it
/// fails and pass it once it passes, and every other case must pass. A number case passes when our plain output equals
/// upstream's spans and values with no mapping (no 第, no %).
/// </summary>
internal static class SpecExport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string directory, IReadOnlyList<string> numberFiles, IReadOnlyList<string> dateFiles)
    {
        Directory.CreateDirectory(directory);
        var numbers = new NumberExtractor();
        var numberRows = new List<Dictionary<string, object?>>();
        foreach (var spec in numberFiles.Where(f => Path.GetFileName(f) == "NumberModel.json").SelectMany(NumberSpecs.Load).Where(c => c.OutOfScope is null))
        {
            var got = numbers.Extract(spec.Input);
            var same = got.Length == spec.Expected.Count && got.Zip(spec.Expected).All(p =>
                p.First.Kind is NumberKind.Cardinal or NumberKind.Fraction && p.First.Span.Start == p.Second.Start && p.First.Span.End == p.Second.End
                && double.TryParse(p.Second.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && Math.Abs((double)p.First.Value - e) <= 1e-9 * Math.Max(1.0, Math.Abs(e)));
            numberRows.Add(same
                ? Row(spec, spec.Expected.Select((e, k) => Result(e, got[k].Value.ToString(CultureInfo.InvariantCulture))), null)
                : Row(
                    spec,
                    spec.Expected.Select(e => Result(e, e.Value)),
                    "we give " + (got.Length == 0 ? "nothing" : string.Join(" | ", got.Select(n => string.Create(CultureInfo.InvariantCulture, $"{spec.Input[n.Span.Start..n.Span.End]}[{n.Span.Start},{n.Span.End})={n.Value} ({n.Kind})"))))));
        }

        var extractor = new DateExtractor();
        var resolver = new DateResolver();
        var dateRows = new List<Dictionary<string, object?>>();
        foreach (var spec in dateFiles.SelectMany(DateSpecs.Load).Where(c => c.OutOfScope is null))
        {
            var (pass, got) = DateSpecs.Score(spec, extractor, resolver);
            dateRows.Add(Row(spec, spec.Expected.Select(e => Result(e, e.Value)), pass ? null : "we give " + (got.Length == 0 ? "nothing" : got)));
        }

        File.WriteAllText(Path.Combine(directory, "numbers.json"), Lines(numberRows));
        File.WriteAllText(Path.Combine(directory, "dates.json"), Lines(dateRows));
        Console.WriteLine(
            $"exported {numberRows.Count} number cases ({numberRows.Count(r => r.ContainsKey("notSupported"))} not supported) and " +
            $"{dateRows.Count} date cases ({dateRows.Count(r => r.ContainsKey("notSupported"))} not supported) to {directory}");
    }

    private static Dictionary<string, object?> Row(SpecCase spec, IEnumerable<Dictionary<string, object?>> results, string? notSupported)
    {
        var row = new Dictionary<string, object?>
        {
            ["id"] = spec.Id,
            ["input"] = spec.Input,
            ["referenceDate"] = spec.Reference?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["spansOnly"] = spec.File.EndsWith("Extractor.json", StringComparison.Ordinal),
            ["results"] = results.ToList(),
        };
        if (notSupported is not null)
        {
            row["notSupported"] = notSupported;
        }

        return row;
    }

    private static Dictionary<string, object?> Result(SpecResult result, string? value) => new()
    {
        ["text"] = result.Text,
        ["start"] = result.Start,
        ["end"] = result.End,
        ["value"] = value,
    };

    /// <summary>A JSON array with one case per line, so diffs stay readable.</summary>
    private static string Lines(List<Dictionary<string, object?>> rows) =>
        "[\n" + string.Join(",\n", rows.Select(r => JsonSerializer.Serialize(r, Options))) + "\n]\n";
}
