using System.Collections.Frozen;
using Extract.Segmentation.Resources;

namespace Extract.Resources;

/// <summary>
/// The hand-written word lists behind the place, organisation and person rules (models/lexicons), loaded once from the
/// embedded resources. Immutable and shared.
/// </summary>
internal sealed class EntityLexicons
{
    private static readonly Lazy<EntityLexicons> Shared = new(() => ResourceLoading.Guard(() => Load(EmbeddedResource.ReadLines)), LazyThreadSafetyMode.ExecutionAndPublication);

    private EntityLexicons(Func<string, IEnumerable<string>> read)
    {
        OrgSuffixes = Table(read, "org-suffixes.tsv");
        OrgFixed = Table(read, "org-fixed.tsv");
        OrgIndustries = Table(read, "org-industries.tsv");
        PlaceSuffixes = Table(read, "place-suffixes.tsv");
        Titles = Table(read, "titles.txt");
        BoundaryWords = Table(read, "boundary-words.txt");
        GenericHeads = Table(read, "generic-heads.txt");
        NameFollowWords = Table(read, "name-follow-words.txt");
        NotPlaceTails = Table(read, "not-place-tails.txt");
    }

    private EntityLexicons(EntityLexicons other, WordTable orgFixed, WordTable? userOrganizations)
    {
        UserOrganizations = userOrganizations;
        OrgSuffixes = other.OrgSuffixes;
        OrgFixed = orgFixed;
        OrgIndustries = other.OrgIndustries;
        PlaceSuffixes = other.PlaceSuffixes;
        Titles = other.Titles;
        BoundaryWords = other.BoundaryWords;
        GenericHeads = other.GenericHeads;
        NameFollowWords = other.NameFollowWords;
        NotPlaceTails = other.NotPlaceTails;
    }

    public static EntityLexicons Default => Shared.Value;

    /// <summary>
    /// These lexicons with a user's organisation names (<see cref="ExtractorOptions.UserOrganizations"/>) added to the
    /// names recognised as written, each with its kind; a name already listed takes the user's kind.
    /// </summary>
    public EntityLexicons WithOrganizations(IEnumerable<UserOrganization> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        var rows = OrgFixed.Words.ToDictionary(w => w, w => new[] { OrgFixed.Column(w, 0) }, StringComparer.Ordinal);
        var user = UserOrganizations?.Words.ToDictionary(w => w, w => new[] { UserOrganizations.Column(w, 0) }, StringComparer.Ordinal)
            ?? new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, kind) in organizations)
        {
            var trimmed = name?.Trim() ?? "";
            if (trimmed.Length == 0)
            {
                throw new ArgumentException("a user organisation needs a name", nameof(organizations));
            }

            rows[trimmed] = [kind.ToString().ToLowerInvariant()];
            user[trimmed] = rows[trimmed];
        }

        return new EntityLexicons(
            this,
            new WordTable(rows.ToFrozenDictionary(StringComparer.Ordinal)),
            user.Count == 0 ? null : new WordTable(user.ToFrozenDictionary(StringComparer.Ordinal)));
    }

    /// <summary>Organisation suffix → (kind, flags).</summary>
    public WordTable OrgSuffixes { get; }

    /// <summary>Organisation names recognised as written → kind.</summary>
    public WordTable OrgFixed { get; }

    /// <summary>The organisation names a user added (<see cref="WithOrganizations"/>) → kind, which every entity decision keeps; null when there are none.</summary>
    public WordTable? UserOrganizations { get; }

    /// <summary>Industry words that abbreviate a company after a place name → kind.</summary>
    public WordTable OrgIndustries { get; }

    /// <summary>Place suffix below township level → (level, flags).</summary>
    public WordTable PlaceSuffixes { get; }

    /// <summary>Titles and roles written next to a name.</summary>
    public WordTable Titles { get; }

    /// <summary>Words that end a body, head or role chain to the left.</summary>
    public WordTable BoundaryWords { get; }

    /// <summary>Heads that make an organisation or place generic.</summary>
    public WordTable GenericHeads { get; }

    /// <summary>Words that commonly follow a person's name.</summary>
    public WordTable NameFollowWords { get; }

    /// <summary>Words ending in a one-character place suffix that are never a place name's tail (线路, 进村, 脱贫村, 产业路).</summary>
    public WordTable NotPlaceTails { get; }

    /// <summary>Loads the lexicons through <paramref name="read"/> (file name → lines), for tests and custom lists.</summary>
    public static EntityLexicons Load(Func<string, IEnumerable<string>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new EntityLexicons(name => read("Extract.Models.lexicons." + name));
    }

    private static WordTable Table(Func<string, IEnumerable<string>> read, string file)
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in read(file))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields[0].Trim() is { Length: > 0 } word)
            {
                rows[word] = fields.Length > 1 ? fields[1..] : [];
            }
        }

        return rows.Count == 0
            ? throw new InvalidOperationException($"Lexicon resource 'Extract.Models.lexicons.{file}' is empty.")
            : new WordTable(rows.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

/// <summary>A word list with optional columns, and longest-match helpers over text.</summary>
internal sealed class WordTable
{
    private readonly FrozenDictionary<string, string[]> _rows;

    // Characters that start or end some word: most positions in running text fail these tests and skip the lookups.
    private readonly FrozenSet<char> _firstChars;
    private readonly FrozenSet<char> _lastChars;

    public WordTable(FrozenDictionary<string, string[]> rows)
    {
        _rows = rows;
        MaxLength = rows.Keys.Max(k => k.Length);
        _firstChars = rows.Keys.Select(k => k[0]).ToFrozenSet();
        _lastChars = rows.Keys.Select(k => k[^1]).ToFrozenSet();
    }

    public int MaxLength { get; }

    public IEnumerable<string> Words => _rows.Keys;

    public bool Contains(string word) => _rows.ContainsKey(word);

    /// <summary>Column <paramref name="index"/> (0 = the first after the word) of <paramref name="word"/>, or "".</summary>
    public string Column(string word, int index) =>
        _rows.TryGetValue(word, out var columns) && index < columns.Length ? columns[index].Trim() : "";

    /// <summary>Length of the longest word starting at <paramref name="start"/>, or 0.</summary>
    public int LongestAt(string text, int start)
    {
        if (start >= text.Length || !_firstChars.Contains(text[start]))
        {
            return 0;
        }

        for (var length = Math.Min(MaxLength, text.Length - start); length >= 1; length--)
        {
            if (ContainsSpan(text.AsSpan(start, length)))
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>Length of the longest word ending at <paramref name="end"/> (exclusive), or 0.</summary>
    public int LongestEndingAt(string text, int end)
    {
        if (end <= 0 || end > text.Length || !_lastChars.Contains(text[end - 1]))
        {
            return 0;
        }

        for (var length = Math.Min(MaxLength, end); length >= 1; length--)
        {
            if (ContainsSpan(text.AsSpan(end - length, length)))
            {
                return length;
            }
        }

        return 0;
    }

    // The scanners ask at every character: look spans up without allocating where the runtime allows.
#if NET9_0_OR_GREATER
    private bool ContainsSpan(ReadOnlySpan<char> word) => _rows.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);
#else
    private bool ContainsSpan(ReadOnlySpan<char> word) => _rows.ContainsKey(word.ToString());
#endif
}
