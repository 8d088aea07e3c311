using System.Collections.Frozen;
using System.IO.Compression;
using Extract.Segmentation.Resources;

namespace Extract.Resources;

/// <summary>
/// Common words of two to four characters (Jieba dictionary, MIT; frequency ≥ 20, not tagged as names), loaded once
/// from the embedded resource. The person rules use it as their "is a common word" test until the
/// segmenter's dictionary is available.
/// </summary>
internal sealed class CommonWords
{
    private const string ResourceName = "Extract.Models.common-words.txt.gz";

    private static readonly Lazy<CommonWords> Shared = new(() => ResourceLoading.Guard(LoadDefault), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenSet<string> _words;

    private CommonWords(FrozenSet<string> words) => _words = words;

    public static CommonWords Default => Shared.Value;

    public static CommonWords FromLines(IEnumerable<string> lines, string resourceName)
    {
        var set = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        return set.Count == 0 ? throw new InvalidOperationException($"Common-word resource '{resourceName}' is empty.") : new CommonWords(set);
    }

    public bool Contains(string word) => _words.Contains(word);

    private static CommonWords LoadDefault()
    {
        using var stream = EmbeddedResource.Open(ResourceName);
        try
        {
            using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
            var lines = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            return FromLines(lines, ResourceName);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidOperationException($"Common-word resource '{ResourceName}' is corrupt: {e.Message}", e);
        }
    }
}
