using System.Collections.Frozen;
using System.Globalization;
using Extract.Resources;

namespace Extract.Recognition.Numbers;

/// <summary>One measure word or unit: as written, as reported, its scale (万元 → 10000) and kind.</summary>
internal sealed record UnitEntry(string Written, string Unit, decimal Scale, string Kind);

/// <summary>The measure words and units quantities carry (models/units/units.tsv), loaded once from the embedded resource.</summary>
internal sealed class UnitLexicon
{
    private const string ResourceName = "Extract.Models.units.tsv";

    private static readonly Lazy<UnitLexicon> Shared = new(() => FromLines(EmbeddedResource.ReadLines(ResourceName)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, UnitEntry> _entries;
    private readonly int _maxLength;

    private UnitLexicon(FrozenDictionary<string, UnitEntry> entries)
    {
        _entries = entries;
        _maxLength = entries.Keys.Max(k => k.Length);
    }

    public static UnitLexicon Default => Shared.Value;

    public int Count => _entries.Count;

    /// <summary>Builds a lexicon from tab-separated lines (written, unit, scale, kind); '#' lines are comments. Throws on a malformed line.</summary>
    public static UnitLexicon FromLines(IEnumerable<string> lines)
    {
        var entries = new Dictionary<string, UnitEntry>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 4 || fields[0].Length == 0 || fields[1].Length == 0
                || !decimal.TryParse(fields[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var scale) || scale <= 0m)
            {
                throw new InvalidOperationException($"Unit resource '{ResourceName}' line {number} is malformed: '{line}'.");
            }

            entries[fields[0]] = new UnitEntry(fields[0], fields[1], scale, fields[3]);
        }

        if (entries.Count == 0)
        {
            throw new InvalidOperationException($"Unit resource '{ResourceName}' is empty.");
        }

        return new UnitLexicon(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The longest unit written at <paramref name="start"/> in <paramref name="text"/>, or null.</summary>
    public UnitEntry? LongestAt(string text, int start)
    {
#if NET9_0_OR_GREATER
        var lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        for (var length = Math.Min(_maxLength, text.Length - start); length >= 1; length--)
        {
#if NET9_0_OR_GREATER
            if (lookup.TryGetValue(text.AsSpan(start, length), out var entry))
#else
            if (_entries.TryGetValue(text.Substring(start, length), out var entry))
#endif
            {
                return entry;
            }
        }

        return null;
    }
}
