using PublicApiGenerator;

namespace Extract.Tests.Architecture;

/// <summary>The public surface is reviewed on purpose: a change shows as a diff of PublicApi.approved.txt (EXTRACT_UPDATE_GOLDEN=1 rewrites it).</summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void Public_api_matches_the_approved_snapshot()
    {
        var actual = typeof(ArticleExtractor).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var path = Path.Combine(RepoPaths.Root, "tests", "Extract.Tests", "Architecture", "PublicApi.approved.txt");
        if (Environment.GetEnvironmentVariable("EXTRACT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue("the approved snapshot is committed; run with EXTRACT_UPDATE_GOLDEN=1 to create it");
        actual.Should().Be(File.ReadAllText(path).ReplaceLineEndings("\n"));
    }
}
