using System.Runtime.CompilerServices;
using Extract.Batch;

namespace Extract.Store.Tests;

/// <summary>Documents for batch tests: the repository's seed and corpus articles, repeated under new ids.</summary>
internal static class TestDocuments
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Extract.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes, bool Html)>> Files = new(() =>
    {
        var root = RootPath.Value;
        var texts = Directory.EnumerateFiles(Path.Combine(root, "seeds"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "corpus", "entities"), "*.txt"))
            .Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllBytes(f), false));
        var pages = Directory.EnumerateFiles(Path.Combine(root, "corpus"), "source.html", SearchOption.AllDirectories)
            .Select(f => (Path.GetFileName(Path.GetDirectoryName(f)!), File.ReadAllBytes(f), true));
        return [.. texts.Concat(pages).OrderBy(x => x.Item1, StringComparer.Ordinal)];
    });

    /// <summary>The fast options the batch tests extract with (rules only, the hand-written page scorer).</summary>
    public static ArticleExtractor Extractor(int degree = 1) =>
        new(ExtractorOptions.Default with
        {
            Entities = EntityStrategy.Rules,
            UseLearnedPageBlocks = false,
            ReferenceDate = new DateOnly(2022, 11, 20),
            MaxDegreeOfParallelism = degree,
        });

    /// <summary><paramref name="count"/> documents cycling through the repository's articles, ids <c>d000000-NAME</c>.</summary>
    public static IReadOnlyList<ArticleSource> Sources(int count)
    {
        var files = Files.Value;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var (name, bytes, html) = files[i % files.Count];
            return ArticleSource.FromBytes($"d{i:D6}-{name}", bytes, html);
        })];
    }

    public static async IAsyncEnumerable<BatchInput> Inputs(IEnumerable<ArticleSource> sources, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return BatchInput.From(source);
        }
    }

    public static string TempPath(string name) =>
        Path.Combine(Path.GetTempPath(), "extract-store-tests", Guid.NewGuid().ToString("N"), name);
}
