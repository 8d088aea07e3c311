using System.Collections.Frozen;
using Extract.Segmentation.Resources;

namespace Extract.Resources;

/// <summary>Chinese single and compound surnames (chinese-surnames 1.0.0, MIT), loaded once from the embedded resource.</summary>
internal sealed class Surnames
{
    private static readonly Lazy<Surnames> Shared = new(() => ResourceLoading.Guard(() => FromLines(EmbeddedResource.ReadLines("Extract.Models.surnames.txt"))), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenSet<string> _all;

    private Surnames(FrozenSet<string> all) => _all = all;

    public static Surnames Default => Shared.Value;

    public static Surnames FromLines(IEnumerable<string> lines)
    {
        var set = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        if (set.Count == 0)
        {
            throw new InvalidOperationException("Surname resource 'Extract.Models.surnames.txt' is empty.");
        }

        return new Surnames(set);
    }

    /// <summary>True when <paramref name="surname"/> is itself a surname (王, 欧阳).</summary>
    public bool IsSurname(ReadOnlySpan<char> surname) => Contains(surname);

    /// <summary>Length of the surname <paramref name="name"/> starts with (compound first), or 0.</summary>
    public int SurnameLength(ReadOnlySpan<char> name)
    {
        for (var length = Math.Min(4, name.Length - 1); length >= 1; length--)
        {
            if (Contains(name[..length]))
            {
                return length;
            }
        }

        return 0;
    }

    // The people scanner asks at every Han character: look spans up without allocating where the runtime allows.
#if NET9_0_OR_GREATER
    private bool Contains(ReadOnlySpan<char> surname) => _all.GetAlternateLookup<ReadOnlySpan<char>>().Contains(surname);
#else
    private bool Contains(ReadOnlySpan<char> surname) => _all.Contains(surname.ToString());
#endif

    /// <summary>True when <paramref name="candidate"/> is a plausible full name: a surname plus one or two given-name characters, all CJK.</summary>
    public bool IsPlausibleName(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length is < 2 or > 4)
        {
            return false;
        }

        foreach (var c in candidate)
        {
            if (c is < '\u4e00' or > '\u9fff')
            {
                return false;
            }
        }

        var surname = SurnameLength(candidate);
        return surname > 0 && candidate.Length - surname is 1 or 2;
    }
}
