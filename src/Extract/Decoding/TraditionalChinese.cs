using System.Collections.Frozen;
using System.IO.Compression;
using Extract.Segmentation.Resources;

namespace Extract.Decoding;

/// <summary>
/// Traditional → simplified conversion for analysis (OpenCC 1.4.1 tables, Apache-2.0). Phrases first (longest match),
/// then characters; every replacement has the length of what it replaces, so offsets into the converted text are
/// offsets into the original and names can be reported in the page's own characters.
/// </summary>
internal sealed class TraditionalChinese
{
    private const string ResourceName = "Extract.Models.t2s.tsv.gz";
    private static readonly Lazy<TraditionalChinese> Shared = new(() => ResourceLoading.Guard(Load), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<char, char> _characters;
    private readonly FrozenDictionary<string, string> _phrases;
    private readonly FrozenSet<char> _phraseStarts;
    private readonly int _longestPhrase;

    private TraditionalChinese(Dictionary<char, char> characters, Dictionary<string, string> phrases)
    {
        _characters = characters.ToFrozenDictionary();
        _phrases = phrases.ToFrozenDictionary(StringComparer.Ordinal);
        _phraseStarts = phrases.Keys.Select(k => k[0]).ToFrozenSet();
        _longestPhrase = phrases.Count == 0 ? 0 : phrases.Keys.Max(k => k.Length);
    }

    public static TraditionalChinese Default => Shared.Value;

    /// <summary>Reads a table of <c>traditional TAB simplified</c> lines; entries of unequal length are refused.</summary>
    public static TraditionalChinese FromLines(IEnumerable<string> lines)
    {
        var characters = new Dictionary<char, char>();
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var key = line[..tab];
            var value = line[(tab + 1)..];
            if (key.Length != value.Length)
            {
                throw new InvalidDataException($"{ResourceName}: '{key}' and '{value}' differ in length");
            }

            if (key.Length == 1)
            {
                characters[key[0]] = value[0];
            }
            else
            {
                phrases[key] = value;
            }
        }

        if (characters.Count == 0)
        {
            throw new InvalidDataException($"{ResourceName} holds no character entries");
        }

        return new TraditionalChinese(characters, phrases);
    }

    /// <summary>
    /// True when at least 5 % of the Han characters of <paramref name="text"/> are traditional forms. A simplified article
    /// keeps the odd traditional character of a proper name (迴龙塔社区) as written; a traditional one has a fifth or more.
    /// </summary>
    public bool IsTraditional(string text)
    {
        int han = 0, traditional = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                han++;
                if (_characters.ContainsKey(c))
                {
                    traditional++;
                }
            }
        }

        return traditional > 0 && traditional * 20 >= han;
    }

    /// <summary>The simplified form of <paramref name="text"/>, of the same length; the text itself when it is not traditional.</summary>
    public string ToSimplified(string text)
    {
        if (!IsTraditional(text))
        {
            return text;
        }

        var output = text.ToCharArray();
        var i = 0;
        while (i < text.Length)
        {
            var matched = 0;
            if (_phraseStarts.Contains(text[i]))
            {
                for (var length = Math.Min(_longestPhrase, text.Length - i); length >= 2; length--)
                {
                    if (_phrases.TryGetValue(text.Substring(i, length), out var phrase))
                    {
                        phrase.CopyTo(0, output, i, length);
                        matched = length;
                        break;
                    }
                }
            }

            if (matched == 0)
            {
                if (_characters.TryGetValue(text[i], out var simple))
                {
                    output[i] = simple;
                }

                matched = 1;
            }

            i += matched;
        }

        return new string(output);
    }

    private static TraditionalChinese Load()
    {
        using var stream = Resources.EmbeddedResource.Open(ResourceName);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return FromLines(lines);
    }
}
