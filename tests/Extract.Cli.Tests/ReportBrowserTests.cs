using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Extract.Batch;
using Extract.Cli.Commands;

namespace Extract.Cli.Tests;

/// <summary>The headless browser the report tests start: EXTRACT_CHROMIUM, else chromium (Debian) or Chrome on the PATH.</summary>
internal static class Browser
{
    public static readonly string? Executable = Find();

    public static bool Required => Environment.GetEnvironmentVariable("EXTRACT_REQUIRE_SERVICES") == "1";

    public const string Missing =
        "needs a headless Chromium to render the report: `apt-get install chromium` (.ci/browser.sh does it), or set EXTRACT_CHROMIUM to a Chromium or Chrome binary";

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("EXTRACT_CHROMIUM") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" }
            .SelectMany(name => path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs the browser headless on <paramref name="page"/> with <paramref name="arguments"/>; returns its standard output.</summary>
    public static async Task<string> RunAsync(string page, params string[] arguments)
    {
        if (Executable is null)
        {
            throw new InvalidOperationException("EXTRACT_REQUIRE_SERVICES=1 but this test " + Missing);
        }

        var profile = Directory.CreateTempSubdirectory("extract-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={profile}", "--virtual-time-budget=5000", .. arguments, new Uri(page).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the browser did not finish in 2 minutes: " + await stderr);
            }

            process.ExitCode.Should().Be(0, await stderr);
            return await stdout;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}

/// <summary>A fact that needs a headless Chromium: skipped without one unless EXTRACT_REQUIRE_SERVICES=1 (CI), where it fails.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Executable is null && !Browser.Required)
        {
            Skip = Browser.Missing;
        }
    }
}

/// <summary>
/// The report of the seeds (and of the seeds with corpus/entities and error records) opened in headless Chromium: every
/// chart draws an SVG, no script error or console error, and the seeds' screenshot is kept in the test output's
/// <c>artifacts</c> folder.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract-report-browser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> WriteReportAsync(IEnumerable<ArticleRecord> records, string name)
    {
        var jsonl = await ReportCorpus.WriteJsonLinesAsync(records, Path.Combine(_dir, name + ".jsonl"));
        var html = Path.Combine(_dir, name + ".html");
        using var stderr = new StringWriter();
        (await ReportCommand.RunAsync([jsonl], html, stderr, CancellationToken.None)).Should().Be(0, stderr.ToString());
        return html;
    }

    private static async Task CheckDrawsAsync(string html)
    {
        var page = await File.ReadAllTextAsync(html);
        page.Should().NotContain("<script src", "the page is self-contained").And.NotContain("<link", "the page loads nothing");

        var dom = await Browser.RunAsync(html, "--dump-dom");
        var body = Regex.Match(dom, "<body\\b[^>]*\\bdata-report-ready=\"true\"[^>]*>", RegexOptions.None, TimeSpan.FromSeconds(10));
        body.Success.Should().BeTrue("the page script finished and marked <body>; DOM starts: " + dom[..Math.Min(dom.Length, 400)]);
        string Attribute(string name) =>
            System.Net.WebUtility.HtmlDecode(Regex.Match(body.Value, $"\\b{name}=\"([^\"]*)\"", RegexOptions.None, TimeSpan.FromSeconds(10)).Groups[1].Value);

        var errors = JsonSerializer.Deserialize<string[]>(Attribute("data-errors"))!;
        errors.Should().BeEmpty("no script error or console error while the page drew");
        var charts = int.Parse(Attribute("data-charts"), System.Globalization.CultureInfo.InvariantCulture);
        charts.Should().Be(7, "achievements per month and per actor, places, people, organisations, outlets, health");
        Attribute("data-charts-rendered").Should().Be(Attribute("data-charts"), "every chart drew shapes into its SVG");
        Regex.Count(dom, "<svg\\b", RegexOptions.None, TimeSpan.FromSeconds(10)).Should().BeGreaterThanOrEqualTo(charts);
        Regex.Count(dom, "<tr id=\"row-", RegexOptions.None, TimeSpan.FromSeconds(10)).Should().BeGreaterThan(0, "the article table was built");
    }

    [BrowserFact]
    public async Task The_seeds_report_draws_every_chart_without_errors_and_leaves_a_screenshot()
    {
        var html = await WriteReportAsync(await ReportCorpus.SeedRecordsAsync(), "seeds");
        await CheckDrawsAsync(html);

        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        var screenshot = Path.Combine(artifacts, "report-seeds.png");
        File.Delete(screenshot);
        await Browser.RunAsync(html, "--window-size=1280,2400", $"--screenshot={screenshot}");
        var png = await File.ReadAllBytesAsync(screenshot);
        png.Length.Should().BeGreaterThan(20_000, "a page of charts, not a blank image");
        png[..8].Should().Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
    }

    [BrowserFact]
    public async Task The_corpus_report_with_error_records_draws_every_chart_without_errors()
    {
        await CheckDrawsAsync(await WriteReportAsync(await ReportCorpus.CorpusRecordsAsync(), "corpus"));
    }
}
