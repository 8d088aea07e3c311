using BenchmarkDotNet.Attributes;
using Extract;

namespace Extract.Benchmarks;

/// <summary>End to end over the seed articles: one extraction per document, warm.</summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private readonly ArticleExtractor _extractor = new(ExtractorOptions.Default with { MaxDegreeOfParallelism = 1 });
    private ArticleSource[] _sources = [];

    [GlobalSetup]
    public void Setup()
    {
        var seeds = FindSeeds();
        _sources = [.. Directory.EnumerateFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => ArticleSource.FromText(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))];
        _extractor.Extract(_sources[0]);
    }

    [Benchmark]
    public int ExtractSeeds()
    {
        var people = 0;
        foreach (var source in _sources)
        {
            people += _extractor.Extract(source).Article?.Achievements.Length ?? 0;
        }

        return people;
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extract.sln")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        throw new InvalidOperationException("Extract.sln not found");
    }
}
