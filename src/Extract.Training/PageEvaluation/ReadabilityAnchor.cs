using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Extract.Training.PageEvaluation;

/// <summary>Runs the Mozilla Readability anchor (a node script over jsdom) on the same pages, in one batch.</summary>
internal static class ReadabilityAnchor
{
    /// <summary>Results in page order and the anchor's own pages/s (batch loop, without node start-up).</summary>
    public static (IReadOnlyList<PageResult> Results, double PagesPerSecond) Run(string script, string nodeModules, IReadOnlyList<GoldPage> pages)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--nm");
        start.ArgumentList.Add(nodeModules);
        foreach (var page in pages)
        {
            start.ArgumentList.Add(page.HtmlPath);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
        var stderrTask = process.StandardError.ReadToEndAsync();
        var results = new List<PageResult>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                results.Add(PageResult.Failed(error.GetString() ?? "error"));
                continue;
            }

            var body = root.GetProperty("body").GetString() ?? "";
            var published = root.TryGetProperty("publishedAt", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var authors = root.TryGetProperty("authors", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToImmutableArray() : [];
            results.Add(new PageResult(body, published, authors, null));
        }

        process.WaitForExit();
        var rate = double.NaN;
        foreach (var line in stderrTask.Result.Split('\n'))
        {
            if (line.StartsWith('{') && line.Contains("pages_per_s", StringComparison.Ordinal))
            {
                using var doc = JsonDocument.Parse(line);
                rate = doc.RootElement.GetProperty("pages_per_s").GetDouble();
            }
        }

        if (results.Count != pages.Count)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"readability anchor returned {results.Count} results for {pages.Count} pages"));
        }

        return (results, rate);
    }
}
