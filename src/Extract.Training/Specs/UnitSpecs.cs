using System.Globalization;
using Extract.Recognition;
using Extract.Recognition.Numbers;

namespace Extract.Training.Specs;

/// <summary>
/// Loads and scores the NumberWithUnit Currency and Dimension files against <see cref="QuantityExtractor"/>:
/// a case is in scope when every expected unit is one our lexicon carries (元, 米, 公里, 公斤, 吨, 斤, 克, 亩…);
/// our quantities in those units must equal the expected ones in span and value.
/// </summary>
internal static class UnitSpecs
{
    /// <summary>Upstream unit names → the unit our quantities report.</summary>
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["Chinese yuan"] = "元",
        ["United States dollar"] = "美元",
        ["Meter"] = "米",
        ["Kilometer"] = "公里",
        ["Centimeter"] = "厘米",
        ["Kilogram"] = "公斤",
        ["Gram"] = "克",
        ["Ton"] = "吨",
        ["Jin"] = "斤",
        ["Mu"] = "亩",
    };

    public static IEnumerable<SpecCase> Load(string path)
    {
        var file = Path.GetFileName(path);
        var index = 0;
        foreach (var element in SpecCase.ReadArray(path))
        {
            index++;
            var input = SpecCase.Text(element, "Input") ?? string.Empty;
            var expected = new List<SpecResult>();
            string? outOfScope = SpecCase.NotSupportedOnDotnet(element) ? "not supported on dotnet upstream" : null;
            foreach (var r in element.GetProperty("Results").EnumerateArray())
            {
                var resolution = r.GetProperty("Resolution");
                var unit = SpecCase.Text(resolution, "unit") ?? string.Empty;
                if (!Units.TryGetValue(unit, out var ours))
                {
                    outOfScope ??= $"unit '{unit}' is not a quantity unit of ours";
                    continue;
                }

                if (SpecCase.Text(resolution, "value") is not { } value)
                {
                    outOfScope ??= "unit without a number (人民币)";
                    continue;
                }

                expected.Add(new SpecResult(SpecCase.Text(r, "Text") ?? string.Empty, r.GetProperty("Start").GetInt32(), r.GetProperty("End").GetInt32() + 1, $"{value} {ours}"));
            }

            yield return new SpecCase(file, index, input, null, expected, outOfScope);
        }
    }

    public static (bool Pass, string Got) Score(SpecCase spec, QuantityExtractor extractor)
    {
        string[] money = ["元", "美元"];
        var wanted = spec.File.StartsWith("Currency", StringComparison.Ordinal) ? money : [.. Units.Values.Except(money)];
        var got = extractor.Extract(spec.Input, CancellationToken.None)
            .Where(q => wanted.Contains(q.Unit))
            .Select(q => new SpecResult(q.Text, q.Span.Start, q.Span.End, $"{q.Value.ToString(CultureInfo.InvariantCulture)} {q.Unit}"))
            .ToList();
        var pass = got.Count == spec.Expected.Count && got.Zip(spec.Expected).All(p => p.First.Start == p.Second.Start && p.First.End == p.Second.End && Same(p.First.Value!, p.Second.Value!));
        return (pass, string.Join(" | ", got.Select(g => $"{g.Text}[{g.Start},{g.End})={g.Value}")));
    }

    private static bool Same(string got, string expected)
    {
        var g = got.Split(' ');
        var e = expected.Split(' ');
        var a = double.Parse(g[0], CultureInfo.InvariantCulture);
        var b = double.Parse(e[0], NumberStyles.Float, CultureInfo.InvariantCulture);
        return g[1] == e[1] && Math.Abs(a - b) <= 1e-9 * Math.Max(1.0, Math.Abs(b));
    }
}
