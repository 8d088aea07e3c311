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

    // A plain hash set, never changed after construction: a frozen set of the 61,405 words answered no faster here and
    // took about a fifth of a cold start's CPU to build (its layout search), against a few milliseconds for this one.
    private readonly HashSet<string> _words;

    private CommonWords(HashSet<string> words) => _words = words;

    public static CommonWords Default => Shared.Value;

    public static CommonWords FromLines(IEnumerable<string> lines, string resourceName)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var word = line.Trim();
            if (word.Length > 0)
            {
                set.Add(word);
            }
        }

        return set.Count == 0 ? throw new InvalidOperationException($"Common-word resource '{resourceName}' is empty.") : new CommonWords(set);
    }

    public bool Contains(string word) => _words.Contains(word);

    private static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static CommonWords LoadDefault()
    {
        using var stream = EmbeddedResource.Open(ResourceName);
        try
        {
            using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
            return FromLines(Lines(reader), ResourceName);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidOperationException($"Common-word resource '{ResourceName}' is corrupt: {e.Message}", e);
        }
    }
}
