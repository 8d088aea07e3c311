using System.Collections.Frozen;
using Extract.Segmentation.Resources;

namespace Extract.Resources;

/// <summary>
/// Words whose Jieba dictionary tag names the wrong word class for the action rules: verbs tagged as nouns or adjectives
/// (办理/n, 选派/n, 清理/a) read as verbs, and nouns tagged as verbs (支行/v, 收入/v) read as nouns (models/lexicons
/// verb-readings.tsv, with newswire counts in its PROVENANCE). Jieba's posseg tags every dictionary word with its one
/// dictionary tag, whatever the context, so these readings are word facts, not corrections of a context.
/// </summary>
internal sealed class VerbReadings
{
    private static readonly Lazy<VerbReadings> Shared = new(
        () => ResourceLoading.Guard(() => Load(EmbeddedResource.ReadLines("Extract.Models.lexicons.verb-readings.tsv"))),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, char> _readings;

    private VerbReadings(FrozenDictionary<string, char> readings) => _readings = readings;

    /// <summary>The embedded readings.</summary>
    public static VerbReadings Default => Shared.Value;

    /// <summary>Reads the table's lines (word, tab, v or n; '#' comments); other columns are evidence and ignored.</summary>
    public static VerbReadings Load(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var readings = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 2 || fields[0].Length == 0 || fields[1] is not ("v" or "n"))
            {
                throw new FormatException($"verb-readings: '{line}' is not 'word<TAB>v|n'");
            }

            readings[fields[0]] = fields[1][0];
        }

        return new VerbReadings(readings.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The tag the action rules read for <paramref name="word"/>: "v" or "n" when listed, else <paramref name="tag"/>.</summary>
    public string Tag(string word, string tag) =>
        _readings.TryGetValue(word, out var reading) ? (reading == 'v' ? "v" : "n") : tag;
}
