using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Extract.Resources;
using Extract.Segmentation.Resources;

namespace Extract.Recognition.Places;

/// <summary>One administrative division of the gazetteer.</summary>
internal sealed record Division(int Index, string Code, string Name, PlaceLevel Level, int Parent);

/// <summary>A surface form in the gazetteer and the division it names.</summary>
internal readonly record struct DivisionName(int Division, NameForm Form);

/// <summary>
/// The compiled administrative-division gazetteer (NBS 2023, province → township, short and former names), loaded once
/// from the embedded resource; immutable and shared across threads.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Shared = new(() => ResourceLoading.Guard(LoadDefault), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ImmutableArray<Division> _divisions;

    // Each division's children in index order (default where it has none): a parent always comes before its children.
    private readonly ImmutableArray<int>[] _children;

    private Gazetteer(ImmutableArray<Division> divisions, NameTrie names, WordTable? userNames = null)
    {
        _divisions = divisions;
        Names = names;
        UserNames = userNames;
        var counts = new int[divisions.Length];
        foreach (var division in divisions)
        {
            if (division.Parent >= 0)
            {
                counts[division.Parent]++;
            }
        }

        var children = new ImmutableArray<int>.Builder?[divisions.Length];
        foreach (var division in divisions)
        {
            if (division.Parent >= 0)
            {
                (children[division.Parent] ??= ImmutableArray.CreateBuilder<int>(counts[division.Parent])).Add(division.Index);
            }
        }

        _children = [.. children.Select(c => c?.MoveToImmutable() ?? default)];
    }

    public static Gazetteer Default => Shared.Value;

    /// <summary>All surface forms (full, short, former) in a trie for longest-match scanning.</summary>
    public NameTrie Names { get; }

    public int Count => _divisions.Length;

    /// <summary>The names a user added (<see cref="With"/>), which every entity decision keeps; null when there are none.</summary>
    public WordTable? UserNames { get; }

    public Division this[int index] => _divisions[index];

    /// <summary>The gazetteer of <paramref name="divisions"/> (each with its index and an earlier parent) and their names, as the compiler lays it out.</summary>
    internal static Gazetteer Create(IEnumerable<Division> divisions, NameTrie names) => new([.. divisions], names);

    /// <summary>
    /// Reads a gazetteer in the <see cref="GazetteerFormat"/> layout: the divisions' text and arrays and the name trie
    /// are copied in place, nothing sorted or built; throws naming <paramref name="resourceName"/> when it is corrupt.
    /// </summary>
    public static Gazetteer FromStream(Stream stream, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            Span<byte> magic = stackalloc byte[4];
            stream.ReadExactly(magic);
            if (!magic.SequenceEqual(GazetteerFormat.Magic))
            {
                throw new InvalidDataException("bad magic");
            }

            int count, textLength;
            using (var header = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
            {
                var version = header.ReadInt32();
                if (version != GazetteerFormat.Version)
                {
                    throw new InvalidDataException($"format version {version}, expected {GazetteerFormat.Version}");
                }

                count = header.ReadInt32();
                textLength = header.ReadInt32();
            }

            if (count is < 0 or > 1 << 24 || textLength is < 0 or > 1 << 26)
            {
                throw new InvalidDataException($"{count} entries of {textLength} characters");
            }

            var text = FlatArrays.Read<char>(stream, textLength);
            var codeLengths = FlatArrays.Read<byte>(stream, count);
            var nameLengths = FlatArrays.Read<byte>(stream, count);
            var levels = FlatArrays.Read<byte>(stream, count);
            var parents = FlatArrays.Read<int>(stream, count);
            var divisions = ImmutableArray.CreateBuilder<Division>(count);
            var at = 0;
            for (var i = 0; i < count; i++)
            {
                if (parents[i] >= i || at + codeLengths[i] + nameLengths[i] > textLength)
                {
                    throw new InvalidDataException($"entry {i} has parent {parents[i]} or runs past the text");
                }

                var code = new string(text, at, codeLengths[i]);
                var name = new string(text, at + codeLengths[i], nameLengths[i]);
                at += codeLengths[i] + nameLengths[i];
                divisions.Add(new Division(i, code, name, (PlaceLevel)levels[i], parents[i]));
            }

            var names = NameTrie.Read(stream, count);
            if (stream.CanSeek && stream.Position != stream.Length)
            {
                throw new InvalidDataException($"{stream.Length - stream.Position} bytes after the names");
            }

            return new Gazetteer(divisions.MoveToImmutable(), names);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidOperationException($"Gazetteer resource '{resourceName}' is corrupt: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes this gazetteer in the <see cref="GazetteerFormat"/> layout (what the compiler ships); a code or name longer
    /// than 255 characters throws.
    /// </summary>
    internal void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (_divisions.Any(d => d.Code.Length > byte.MaxValue || d.Name.Length > byte.MaxValue))
        {
            throw new InvalidOperationException("a division's code or name is longer than the layout's 255 characters");
        }

        var text = string.Concat(_divisions.Select(d => d.Code + d.Name));
        stream.Write(GazetteerFormat.Magic);
        using (var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            header.Write(GazetteerFormat.Version);
            header.Write(_divisions.Length);
            header.Write(text.Length);
        }

        FlatArrays.Write(stream, text.AsSpan());
        stream.Write(_divisions.Select(d => (byte)d.Code.Length).ToArray());
        stream.Write(_divisions.Select(d => (byte)d.Name.Length).ToArray());
        stream.Write(_divisions.Select(d => (byte)d.Level).ToArray());
        FlatArrays.Write(stream, _divisions.Select(d => d.Parent).ToArray());
        Names.Write(stream);
    }


    /// <summary>
    /// This gazetteer plus a user's entries (<see cref="ExtractorOptions.UserDivisions"/>, <see cref="ExtractorOptions.UserPlaces"/>):
    /// a name with the code of a division already here becomes another full name of it; a name with a new code becomes a
    /// division of the level its code's length gives (2 province, 4 city, 6 county, 9 township, 12 village), under the
    /// longest code prefix the gazetteer holds; a name without a code becomes a division of its own level with no code.
    /// </summary>
    public Gazetteer With(IEnumerable<UserDivision> coded, IEnumerable<UserPlace> uncoded)
    {
        ArgumentNullException.ThrowIfNull(coded);
        ArgumentNullException.ThrowIfNull(uncoded);
        var divisions = _divisions.ToBuilder();
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var division in _divisions.Where(d => d.Code.Length > 0))
        {
            byCode.TryAdd(division.Code, division.Index);
        }

        var names = new NameTrie.Builder();
        var userNames = (UserNames?.Words ?? []).ToDictionary(w => w, _ => Array.Empty<string>(), StringComparer.Ordinal);
        foreach (var (name, value) in Names.Entries())
        {
            names.Add(name, value);
        }

        // Sorted, so the divisions' indexes do not depend on the order the entries were given in.
        foreach (var entry in coded.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            var trimmed = entry.Name?.Trim() ?? "";
            var code = entry.Code?.Trim() ?? "";
            if (trimmed.Length == 0 || code.Length == 0)
            {
                throw new ArgumentException($"a user division needs a name and a code ('{entry.Name}' → '{entry.Code}')", nameof(coded));
            }

            if (!byCode.TryGetValue(code, out var index))
            {
                index = divisions.Count;
                divisions.Add(new Division(index, code, trimmed, LevelOfCode(code), ParentOf(code, byCode)));
                byCode[code] = index;
            }

            names.Add(trimmed, new DivisionName(index, NameForm.Full));
            userNames[trimmed] = [];
        }

        foreach (var (name, level) in uncoded.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var trimmed = name?.Trim() ?? "";
            if (trimmed.Length == 0)
            {
                throw new ArgumentException("a user place needs a name", nameof(uncoded));
            }

            var index = divisions.Count;
            divisions.Add(new Division(index, "", trimmed, level, -1));
            names.Add(trimmed, new DivisionName(index, NameForm.Full));
            userNames[trimmed] = [];
        }

        return new Gazetteer(divisions.ToImmutable(), names.Build(), userNames.Count == 0 ? null : new WordTable(userNames.ToFrozenDictionary(StringComparer.Ordinal)));
    }

    private static PlaceLevel LevelOfCode(string code) => code.Length switch
    {
        2 => PlaceLevel.Province,
        4 => PlaceLevel.City,
        6 => PlaceLevel.County,
        9 => PlaceLevel.Township,
        12 => PlaceLevel.Village,
        _ => PlaceLevel.Other,
    };

    private static int ParentOf(string code, Dictionary<string, int> byCode)
    {
        foreach (var length in (ReadOnlySpan<int>)[9, 6, 4, 2])
        {
            if (length < code.Length && byCode.TryGetValue(code[..length], out var parent))
            {
                return parent;
            }
        }

        return -1;
    }

    /// <summary>Province-first chain of names ending with the division itself.</summary>
    public ImmutableArray<string> PathOf(int index)
    {
        var path = new List<string>(4);
        for (var i = index; i >= 0; i = _divisions[i].Parent)
        {
            path.Add(_divisions[i].Name);
        }

        path.Reverse();
        return [.. path];
    }

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="index"/> or one of its parents.</summary>
    public bool IsWithin(int index, int ancestor)
    {
        for (var i = index; i >= 0; i = _divisions[i].Parent)
        {
            if (i == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The direct children of a division.</summary>
    public ImmutableArray<int> ChildrenOf(int index) => (uint)index < (uint)_children.Length && !_children[index].IsDefault ? _children[index] : [];

    private static Gazetteer LoadDefault()
    {
        using var stream = EmbeddedResource.Open(GazetteerFormat.ResourceName);
        return FromStream(stream, GazetteerFormat.ResourceName);
    }
}
