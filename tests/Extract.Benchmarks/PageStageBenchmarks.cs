using BenchmarkDotNet.Attributes;
using Extract;
using Extract.Page;

namespace Extract.Benchmarks;

/// <summary>The page stage over the golden page cases (corpus/), with the page-block model and with the block scorer alone.</summary>
[MemoryDiagnoser]
public class PageStageBenchmarks
{
    private readonly HtmlPageExtractor _page = new();
    private string[] _pages = [];
    private ExtractorOptions _options = ExtractorOptions.Default;

    [Params(true, false)]
    public bool LearnedPageBlocks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _options = ExtractorOptions.Default with { UseLearnedPageBlocks = LearnedPageBlocks };
        _pages = [.. Directory.GetDirectories(Path.Combine(FindRoot(), "corpus")).Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "source.html")).Where(File.Exists).Select(File.ReadAllText)];
        _page.Extract(_pages[0], null, _options, CancellationToken.None);
    }

    [Benchmark]
    public int ExtractPages()
    {
        var lines = 0;
        foreach (var html in _pages)
        {
            lines += _page.Extract(html, null, _options, CancellationToken.None).Lines.Length;
        }

        return lines;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Extract.sln not found");
    }
}
