using System.Text.Json;

namespace Extract.Tests.Seeds;

/// <summary>
/// A regression band over recorded figures: a figure passes when it is at least its recorded value minus the field's
/// tolerance. The band guards against breakage; it does not choose between strategies or rule changes (those are
/// judged on out-of-sample figures: corpus cross-validation, real pages, MSRA).
/// </summary>
internal static class RegressionBand
{
    /// <summary>Tolerance for people, organisations, places and entities: a retrain of the decision moves them this much.</summary>
    public const double NameTolerance = 0.03;

    /// <summary>Tolerance for every other figure.</summary>
    public const double OtherTolerance = 0.02;

    private static readonly string[] NameFields = ["people.", "organizations.", "places.", "entities."];

    public static double Tolerance(string metric) =>
        NameFields.Any(f => metric.StartsWith(f, StringComparison.Ordinal)) ? NameTolerance : OtherTolerance;

    /// <summary>The recorded figures of a thresholds.json (keys starting with _ are notes).</summary>
    public static Dictionary<string, double> Recorded(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }

    /// <summary>One line per metric below its band (recorded figure minus tolerance); empty when all are inside.</summary>
    public static List<string> Failures(IEnumerable<KeyValuePair<string, double>> recorded, Func<string, double> figure, string prefix = "")
    {
        return [.. recorded
            .Select(r => (Metric: r.Key[prefix.Length..], Recorded: r.Value))
            .Select(r => (r.Metric, r.Recorded, Floor: r.Recorded - Tolerance(r.Metric), Figure: figure(r.Metric)))
            .Where(r => r.Figure + 1e-9 < r.Floor)
            .Select(r => $"{prefix}{r.Metric}: {r.Figure:0.000} < {r.Floor:0.000} (recorded {r.Recorded:0.000} − {Tolerance(r.Metric):0.00})")];
    }
}
