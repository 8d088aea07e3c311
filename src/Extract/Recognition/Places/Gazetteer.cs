using System.Collections.Frozen;
using System.Collections.Immutable;
using System.IO.Compression;
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
    private readonly FrozenDictionary<int, ImmutableArray<int>> _childrenByParent;

    private Gazetteer(ImmutableArray<Division> divisions, NameTrie names, WordTable? userNames = null)
    {
        _divisions = divisions;
        Names = names;
        UserNames = userNames;
        _childrenByParent = divisions.Where(d => d.Parent >= 0).GroupBy(d => d.Parent)
            .ToFrozenDictionary(g => g.Key, g => g.Select(d => d.Index).ToImmutableArray());
    }

    public static Gazetteer Default => Shared.Value;

    /// <summary>All surface forms (full, short, former) in a trie for longest-match scanning.</summary>
    public NameTrie Names { get; }

    public int Count => _divisions.Length;

    /// <summary>The names a user added (<see cref="With"/>), which every entity decision keeps; null when there are none.</summary>
    public WordTable? UserNames { get; }

    public Division this[int index] => _divisions[index];

    /// <summary>Reads a gazetteer in the <see cref="GazetteerFormat"/> layout; throws naming <paramref name="resourceName"/> when it is corrupt.</summary>
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

            using var header = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var version = header.ReadInt32();
            if (version != GazetteerFormat.Version)
            {
                throw new InvalidDataException($"format version {version}, expected {GazetteerFormat.Version}");
            }

            var entryCount = header.ReadInt32();
            var nameCount = header.ReadInt32();
            // Decompress in one go: BinaryReader's many small reads straight off a BrotliStream cost most of the load time.
            using var payload = new MemoryStream();
            using (var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true))
            {
                brotli.CopyTo(payload);
            }

            payload.Position = 0;
            using var reader = new BinaryReader(payload, Encoding.UTF8);
            var divisions = ImmutableArray.CreateBuilder<Division>(entryCount);
            for (var i = 0; i < entryCount; i++)
            {
                var code = reader.ReadString();
                var name = reader.ReadString();
                var level = (PlaceLevel)reader.ReadByte();
                var parent = reader.ReadInt32();
                if (parent >= i)
                {
                    throw new InvalidDataException($"entry {i} has parent {parent}");
                }

                divisions.Add(new Division(i, code, name, level, parent));
            }

            var names = new NameTrie.Builder();
            for (var i = 0; i < nameCount; i++)
            {
                var surface = reader.ReadString();
                var entry = reader.ReadInt32();
                var form = (NameForm)reader.ReadByte();
                if ((uint)entry >= (uint)entryCount)
                {
                    throw new InvalidDataException($"name '{surface}' points at entry {entry}");
                }

                names.Add(surface, new DivisionName(entry, form));
            }

            return new Gazetteer(divisions.MoveToImmutable(), names.Build());
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidOperationException($"Gazetteer resource '{resourceName}' is corrupt: {e.Message}", e);
        }
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
    public ImmutableArray<int> ChildrenOf(int index) => _childrenByParent.TryGetValue(index, out var children) ? children : [];

    private static Gazetteer LoadDefault()
    {
        using var stream = EmbeddedResource.Open(GazetteerFormat.ResourceName);
        return FromStream(stream, GazetteerFormat.ResourceName);
    }
}
