namespace Extract.Segmentation.Tests;

/// <summary>
/// Our segmenter against jieba.NET 0.42.2 (the .NET port of Python jieba, from NuGet) in the same process, on every line
/// of the repository's articles (corpus/entities and the seeds): a reference that needs no Python. The Python-made golden
/// files (ReferenceCompatibilityTests) stay the primary reference.
/// </summary>
public sealed class JiebaNetComparisonTests
{
    private static readonly Lazy<JiebaNet.Segmenter.JiebaSegmenter> Reference = new(() =>
    {
        JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba-net");
        return new JiebaNet.Segmenter.JiebaSegmenter();
    });

    [Fact]
    public void Accurate_mode_matches_jieba_net_on_the_repository_articles()
    {
        var lines = Lines();
        lines.Count.Should().BeGreaterThan(500, "the comparison needs a large corpus");
        var mismatches = lines
            .Select(line => (Line: line, Ours: JiebaSegmenter.Default.Cut(line).ToList(), Theirs: Reference.Value.Cut(line).ToList()))
            .Where(x => !x.Ours.SequenceEqual(x.Theirs))
            .Select(x => $"{x.Line}\n  ours:   {string.Join(" / ", x.Ours)}\n  theirs: {string.Join(" / ", x.Theirs)}")
            .ToList();
        mismatches.Should().BeEmpty($"{lines.Count} lines compared");
    }

    [Fact]
    public void Search_mode_matches_jieba_net_on_the_repository_articles()
    {
        var lines = Lines();
        var mismatches = lines
            .Select(line => (Line: line, Ours: JiebaSegmenter.Default.CutForSearch(line).ToList(), Theirs: Reference.Value.CutForSearch(line).ToList()))
            .Where(x => !x.Ours.SequenceEqual(x.Theirs))
            .Select(x => $"{x.Line}\n  ours:   {string.Join(" / ", x.Ours)}\n  theirs: {string.Join(" / ", x.Theirs)}")
            .ToList();
        mismatches.Should().BeEmpty($"{lines.Count} lines compared");
    }

    private static List<string> Lines()
    {
        var root = Root();
        return Directory.GetFiles(Path.Combine(root, "corpus", "entities"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(root, "seeds"), "*.txt"))
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToList();
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Extract.sln not found above " + AppContext.BaseDirectory);
    }
}
