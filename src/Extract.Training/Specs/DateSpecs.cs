using System.Text.Json;
using System.Text.RegularExpressions;
using Extract.Recognition.Dates;

namespace Extract.Training.Specs;

/// <summary>
/// Loads and scores the DateTime spec files in scope — DateExtractor (spans), DateParser and DateTimeModel
/// (spans and values) — against <see cref="DateExtractor"/> + <see cref="DateResolver"/>.
/// </summary>
internal static partial class DateSpecs
{
    private static readonly string[] ScoredTypes = ["date", "datetime", "time", "datetimeV2.date", "datetimeV2.datetime", "datetimeV2.time"];

    public static IEnumerable<SpecCase> Load(string path)
    {
        var file = Path.GetFileName(path);
        var index = 0;
        var extractorFile = file.EndsWith("Extractor.json", StringComparison.Ordinal);
        foreach (var element in SpecCase.ReadArray(path))
        {
            index++;
            var input = SpecCase.Text(element, "Input") ?? string.Empty;
            var results = element.GetProperty("Results").EnumerateArray().ToList();
            var expected = new List<SpecResult>();
            string? outOfScope = null;
            foreach (var r in results)
            {
                var type = SpecCase.Text(r, "TypeName") ?? SpecCase.Text(r, "Type") ?? string.Empty;
                if (!ScoredTypes.Contains(type))
                {
                    outOfScope = $"result type {type.Replace("datetimeV2.", string.Empty, StringComparison.Ordinal)} (periods, durations and sets are not dates)";
                    break;
                }

                var start = r.GetProperty("Start").GetInt32();
                var end = r.TryGetProperty("Length", out var length) ? start + length.GetInt32() : r.GetProperty("End").GetInt32() + 1;
                var value = extractorFile ? null : ValueOf(r);
                if (!extractorFile && value is null)
                {
                    outOfScope = "no resolvable value upstream (invalid calendar date)";
                    break;
                }

                if (r.ToString().Contains("\"isLunar\"", StringComparison.Ordinal))
                {
                    outOfScope = "lunar calendar date (upstream keeps lunar numbers, we convert)";
                    break;
                }

                expected.Add(new SpecResult(SpecCase.Text(r, "Text") ?? string.Empty, start, end, value));
            }

            outOfScope ??= OutOfScope(element, input);
            yield return new SpecCase(file, index, input, SpecCase.ReferenceOf(element), expected, outOfScope);
        }
    }

    public static (bool Pass, string Got) Score(SpecCase spec, DateExtractor extractor, DateResolver resolver)
    {
        var extractorFile = spec.File.EndsWith("Extractor.json", StringComparison.Ordinal);
        var expressions = extractor.Extract(spec.Input);
        var resolved = resolver.Resolve(spec.Input, expressions, [], spec.Reference, keepTimeOnly: true);
        var got = extractorFile
            ? expressions.Select(e => new SpecResult(spec.Input[e.Span.Start..e.Span.End], e.Span.Start, e.Span.End, null)).ToList()
            : resolved.Select(r => new SpecResult(spec.Input[r.Expression.Span.Start..r.Expression.Span.End], r.Expression.Span.Start, r.Expression.Span.End, r.Value)).ToList();
        var pass = got.Count == spec.Expected.Count
            && got.Zip(spec.Expected).All(p => p.First.Start == p.Second.Start && p.First.End == p.Second.End && (p.Second.Value is null || p.First.Value == p.Second.Value));
        return (pass, string.Join(" | ", got.Select(g => $"{g.Text}[{g.Start},{g.End})={g.Value}")));
    }

    /// <summary>The value in our ISO form: YYYY-MM-DD, YYYY-MM-DDTHH:MM, THH:MM; null when upstream could not resolve it.</summary>
    private static string? ValueOf(JsonElement result)
    {
        string? raw = null;
        if (result.TryGetProperty("Resolution", out var resolution) && resolution.TryGetProperty("values", out var values) && values.GetArrayLength() > 0)
        {
            raw = SpecCase.Text(values[0], "value");
        }
        else if (result.TryGetProperty("Value", out var value))
        {
            raw = value.TryGetProperty("PastResolution", out var past) && past.EnumerateObject().FirstOrDefault() is { Value.ValueKind: JsonValueKind.String } first
                ? first.Value.GetString()
                : null;
        }

        if (raw is null || raw == "not resolved" || raw.StartsWith("0001-01-01", StringComparison.Ordinal))
        {
            return null;
        }

        // 2016-11-08 17:00:00 → 2016-11-08T17:00; 17:00:00 → T17:00.
        if (raw.Length == 19 && raw[10] == ' ')
        {
            return $"{raw[..10]}T{raw[11..16]}";
        }

        if (raw.Length == 8 && raw[2] == ':')
        {
            return $"T{raw[..5]}";
        }

        return raw;
    }

    private static string? OutOfScope(JsonElement element, string input)
    {
        if (SpecCase.NotSupportedOnDotnet(element))
        {
            return "not supported on dotnet upstream";
        }

        if (LunarRegex().IsMatch(input))
        {
            return "lunar calendar date (upstream keeps lunar numbers, we convert)";
        }

        if (EraRegex().IsMatch(input))
        {
            return "regnal era years (神龙二年, 雍正四年)";
        }

        if (input.Contains("最近", StringComparison.Ordinal))
        {
            return "vague period (最近), not a date by ANNOTATION.md";
        }

        if (DayFirstRegex().IsMatch(input))
        {
            return "numeric date without a leading four-digit year (D.M.Y, M/D, YY-M-D)";
        }

        if (LatinClockRegex().IsMatch(input))
        {
            return "Latin a.m./p.m. clock";
        }

        return null;
    }

    [GeneratedRegex("农历|正月|腊月|大年|初[一二三四五六七八九十]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LunarRegex();

    [GeneratedRegex("神龙|雍正|康熙|乾隆|民国|光绪", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EraRegex();

    [GeneratedRegex(@"(?<![\d/.-])(?:\d{1,2}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}/\d{1,2})(?![\d])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DayFirstRegex();

    [GeneratedRegex(@"\d\s*(?:a\.?m\.?|p\.?m\.?)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LatinClockRegex();
}
