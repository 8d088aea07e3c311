using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Extract.Recognition.Numbers;

namespace Extract.Training.Specs;

/// <summary>Loads and scores the Number spec files (NumberModel, OrdinalModel, PercentModel) against <see cref="NumberExtractor"/>.</summary>
internal static partial class NumberSpecs
{
    public static IEnumerable<SpecCase> Load(string path)
    {
        var file = Path.GetFileName(path);
        var index = 0;
        foreach (var element in SpecCase.ReadArray(path))
        {
            index++;
            var input = SpecCase.Text(element, "Input") ?? string.Empty;
            var expected = element.GetProperty("Results").EnumerateArray()
                .Select(r => new SpecResult(
                    SpecCase.Text(r, "Text") ?? string.Empty,
                    r.GetProperty("Start").GetInt32(),
                    r.GetProperty("End").GetInt32() + 1,
                    r.TryGetProperty("Resolution", out var resolution) ? SpecCase.Text(resolution, "value") : null))
                .ToList();
            yield return new SpecCase(file, index, input, null, expected, OutOfScope(element, input));
        }
    }

    /// <summary>Scores one case: the numbers found must equal the expected ones in span and value.</summary>
    public static (bool Pass, string Got) Score(SpecCase spec, NumberExtractor extractor)
    {
        var ordinalFile = spec.File.StartsWith("Ordinal", StringComparison.Ordinal);
        var percentFile = spec.File.StartsWith("Percent", StringComparison.Ordinal);
        var got = extractor.Extract(spec.Input)
            .Where(n => ordinalFile ? n.Kind == NumberKind.Ordinal
                : percentFile ? n.Kind == NumberKind.Percent
                : !(n.Kind == NumberKind.Percent && spec.Input[n.Span.End - 1] is '%' or '％'))
            .Select(n => ToSpec(spec.Input, n, ordinalFile || percentFile))
            .ToList();
        var pass = got.Count == spec.Expected.Count && got.Zip(spec.Expected).All(p => p.First.Start == p.Second.Start && p.First.End == p.Second.End && SameNumber(p.First.Value, p.Second.Value, percentFile));
        return (pass, string.Join(" | ", got.Select(g => $"{g.Text}[{g.Start},{g.End})={g.Value}")));
    }

    private static SpecResult ToSpec(string input, NumberMention n, bool keepMarkers)
    {
        var start = n.Span.Start;
        var end = n.Span.End;
        if (!keepMarkers && n.Kind == NumberKind.Ordinal)
        {
            start++;
        }

        if (!keepMarkers && n.Kind == NumberKind.Percent)
        {
            if (input.AsSpan(start).StartsWith("百分之", StringComparison.Ordinal))
            {
                start += 3;
            }
            else
            {
                end--;
            }
        }

        return new SpecResult(input[start..end], start, end, n.Value.ToString(CultureInfo.InvariantCulture));
    }

    private static bool SameNumber(string? got, string? expected, bool percent)
    {
        if (expected is null)
        {
            return true;
        }

        var text = percent ? expected.TrimEnd('%') : expected;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) || !double.TryParse(got, NumberStyles.Float, CultureInfo.InvariantCulture, out var g))
        {
            return string.Equals(got, expected, StringComparison.Ordinal);
        }

        return Math.Abs(e - g) <= 1e-9 * Math.Max(1.0, Math.Abs(e));
    }

    private static string? OutOfScope(JsonElement element, string input)
    {
        if (SpecCase.NotSupportedOnDotnet(element))
        {
            return "not supported on dotnet upstream";
        }

        if (element.TryGetProperty("IgnoreResolution", out var ignore) && ignore.ValueKind == JsonValueKind.True)
        {
            return "upstream ignores its resolution";
        }

        if (ScientificRegex().IsMatch(input))
        {
            return "scientific/power notation or k/M suffix (not Chinese news usage)";
        }

        if (input.Contains('打', StringComparison.Ordinal))
        {
            return "打 (dozen) as a multiplier";
        }

        if (input.Contains('/', StringComparison.Ordinal) || input.Contains('／', StringComparison.Ordinal))
        {
            return "slash fractions (collide with dates in news text)";
        }

        return null;
    }

    [GeneratedRegex(@"\d\s*(?:[eE][-+－]?\d|\^|[kK]\b|\s?[mM]\b)|[eE][－-]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScientificRegex();
}
