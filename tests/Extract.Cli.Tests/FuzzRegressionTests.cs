namespace Extract.Cli.Tests;

/// <summary>
/// The fuzz harness in CI (issue #20): a short seeded run of every target finds nothing, and every input a longer run
/// found (tests/Extract.Fuzz/findings) replays without a finding.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("decoder", 400)]
    [InlineData("page", 150)]
    [InlineData("jsonl", 400)]
    [InlineData("pipeline", 40)]
    public void A_short_seeded_run_finds_nothing(string target, int count)
    {
        var findings = Directory.CreateTempSubdirectory("extract-fuzz-").FullName;
        try
        {
            using var report = new StringWriter();
            using var log = new StringWriter();

            var failures = RandomRun.Run(target, Targets.All[target], count, seed: 7, Path.Combine(RepoRoot(), "corpus", "district-trs-article"), findings, report, log);

            failures.Should().Be(0, log.ToString());
            report.ToString().Should().Contain($"{count} inputs");
        }
        finally
        {
            Directory.Delete(findings, recursive: true);
        }
    }

    [Fact]
    public void Every_kept_finding_replays_through_every_target_without_an_exception()
    {
        var folder = Path.Combine(RepoRoot(), "tests", "Extract.Fuzz", "findings");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList() : [];
        files.Should().NotBeEmpty("the findings folder keeps the inputs the fuzzer and the reliability cases found");
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var (name, target) in Targets.All)
            {
                var run = () => target(bytes);
                run.Should().NotThrow($"{Path.GetFileName(file)} through {name}");
            }
        }
    }
}
