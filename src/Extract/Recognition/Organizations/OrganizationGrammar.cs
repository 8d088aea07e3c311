using Extract.Recognition.Names;
using Extract.Recognition.Places;
using Extract.Resources;

namespace Extract.Recognition.Organizations;

/// <summary>An organisation span found by the grammar, with its kind.</summary>
internal sealed record OrganizationCandidate(TextSpan Span, OrganizationKind Kind)
{
    /// <summary>Where the body ends before trailing sub-units (科, 室, 办公室), when there are any.</summary>
    public int? ParentEnd { get; init; }
}

/// <summary>
/// The organisation grammar: [place or level prefix] + name body + suffix from the lexicon, with sub-units chained onto
/// the body written before them (市委 + 统战部 + 干部科), fixed names (中国共产党, 团市委) and place + industry
/// abbreviations (山西焦煤). Bodies run left to a boundary word or punctuation; generic bodies (集团公司党委, 各级党组织,
/// a bare 综合部) are rejected.
/// </summary>
internal sealed class OrganizationGrammar
{
    private const int MaxBody = 16;
    private const int MaxSubUnitGap = 6;

    // A one-character suffix followed by one of these is part of another word (部门, 部署, 局面, 处理, 办法).
    private const string Continuations = "门署分面理于置在法事务属员长公技";

    // Level prefixes that make a bare suffix specific (市委, 区政府, 县纪委). Not 村: every village has its 村委 and
    // 村党支部, so a bare one is a back-reference, not a name (红庄村党支部 keeps its place prefix).
    private const string Levels = "省市区县镇乡";

    private readonly EntityLexicons _lexicons;
    private readonly Gazetteer _gazetteer;
    private readonly Func<string, bool>? _isCommonWord;

    public OrganizationGrammar(EntityLexicons lexicons, Gazetteer gazetteer, Func<string, bool>? isCommonWord)
    {
        _lexicons = lexicons;
        _gazetteer = gazetteer;
        _isCommonWord = isCommonWord;
    }

    public List<OrganizationCandidate> Find(string text, IReadOnlyList<PlaceMention> places, CancellationToken cancellationToken)
    {
        var placeEnds = new Dictionary<int, PlaceMention>();
        foreach (var place in places)
        {
            placeEnds.TryAdd(place.Span.End, place);
        }

        // The places by where they start, in list order: what Accept asks of them is then local to the body it checks.
        var placeStarts = places.GroupBy(p => p.Span.Start).ToDictionary(g => g.Key, g => g.ToList());

        var found = new List<OrganizationCandidate>();
        OrganizationCandidate? last = null;
        for (var i = 0; i < text.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!NameText.IsCjk(text[i]))
            {
                continue;
            }

            var fixedLength = _lexicons.OrgFixed.LongestAt(text, i);
            if (fixedLength > 0 && !EndsInsideWord(text, i + fixedLength))
            {
                var word = text.Substring(i, fixedLength);
                var fixedStart = FixedNameStart(text, i, placeEnds);
                last = new OrganizationCandidate(new TextSpan(fixedStart, i + fixedLength), NameText.KindOf(_lexicons.OrgFixed.Column(word, 0)));
                found.Add(last);
                i += fixedLength - 1;
                continue;
            }

            var length = SuffixAt(text, i);
            if (length == 0)
            {
                continue;
            }

            var suffix = text.Substring(i, length);
            var kind = NameText.KindOf(_lexicons.OrgSuffixes.Column(suffix, 0));
            var flags = _lexicons.OrgSuffixes.Column(suffix, 1);
            var end = i + length;

            if (last is not null && CanExtend(text, last, i, flags))
            {
                found.RemoveAt(found.Count - 1); // last is always the latest added
                var parentEnd = flags.Contains('A', StringComparison.Ordinal) ? last.ParentEnd ?? last.Span.End : (int?)null;
                last = new OrganizationCandidate(new TextSpan(last.Span.Start, end), kind == OrganizationKind.Other ? last.Kind : kind) { ParentEnd = parentEnd };
                found.Add(last);
                i = end - 1;
                continue;
            }

            if (flags.Contains('A', StringComparison.Ordinal))
            {
                continue;
            }

            var start = BodyStart(text, i, placeEnds, last);
            if (Accept(text, start, i, flags, placeStarts))
            {
                last = new OrganizationCandidate(new TextSpan(start, end), kind);
                found.Add(last);
                i = end - 1;
            }
        }

        found.AddRange(IndustryAbbreviations(text));
        found.AddRange(Periodicals(text));
        return found;
    }

    // 外交部长, 教育部门: a fixed name ending in 部 whose 部 opens a common word with the next character (部长, 部门, 部队,
    // 部分, 部署, 部位) is a title or a generic noun, not the ministry (People's Daily 1998 and MSRA tag 外交部长 and
    // 国防部长 as one noun, 0 of 203 as an organisation).
    private static bool EndsInsideWord(string text, int end) =>
        end < text.Length && text[end - 1] == '部' && "长门队分署位".Contains(text[end], StringComparison.Ordinal);

    // 中国证监会, 市国资委, 团省委's kin: a fixed name keeps the place written right before it, or a level character
    // (市, 省…) that stands alone after a boundary, as the suffix grammar does for its bodies (maximal span as written).
    private int FixedNameStart(string text, int start, Dictionary<int, PlaceMention> placeEnds)
    {
        if (placeEnds.TryGetValue(start, out var place) && place.Span.Start < start)
        {
            return place.Span.Start;
        }

        if (start > 0 && Levels.Contains(text[start - 1], StringComparison.Ordinal)
            && (start == 1 || !NameText.IsCjk(text[start - 2]) || NameText.BoundaryEndingAt(_lexicons, text, start - 1) > 0))
        {
            return start - 1;
        }

        return start;
    }

    // 《红周刊》记者, 英国《泰晤士报》: a periodical cited by its title is the paper as a body (MSRA tags 170 of 172 such
    // titles in its training text as organisations). The name is the title's inside, without the marks or a country
    // before them; a document's title (《关于…的通报》, 《致家长的一封信》) ends in no periodical suffix or holds 的.
    private static IEnumerable<OrganizationCandidate> Periodicals(string text)
    {
        foreach (var title in NameText.BookTitles(text))
        {
            var inner = new TextSpan(title.Start + 1, title.End - 1);
            if (IsPeriodicalTitle(text.AsSpan(inner.Start, inner.Length)))
            {
                yield return new OrganizationCandidate(inner, OrganizationKind.Media);
            }
        }
    }

    /// <summary>
    /// True when the inside of a 《…》 title names a periodical: at most 10 characters of CJK, Latin letters or digits
    /// with no 的, ending in 报, 刊 or 杂志 after at least one other character, and not in a report's genre word
    /// (通报, 公报, 简报, 年报, 月报, 季报, 汇报, 快报, 情报, 预报, 海报, 喜报, 捷报).
    /// </summary>
    internal static bool IsPeriodicalTitle(ReadOnlySpan<char> inner)
    {
        if (inner.Length is < 2 or > 10 || inner.Contains('的'))
        {
            return false;
        }

        foreach (var c in inner)
        {
            if (!NameText.IsCjk(c) && !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        if (inner.EndsWith("杂志") && inner.Length > 2)
        {
            return true;
        }

        if (inner[^1] is not ('报' or '刊'))
        {
            return false;
        }

        return inner[^1] == '刊' || !"通公简年月季汇快情预海喜捷".Contains(inner[^2]);
    }


    private int SuffixAt(string text, int i)
    {
        var length = _lexicons.OrgSuffixes.LongestAt(text, i);
        if (length == 0)
        {
            return 0;
        }

        // A title starting here (部长, 委员, 局长) or ending with the suffix (干部) is not a suffix.
        var end = i + length;
        if (_lexicons.Titles.LongestAt(text, i) > length || _lexicons.Titles.LongestEndingAt(text, end) > length)
        {
            return 0;
        }

        // A prefix-only suffix glued to a verb is that verb (举办, not an office named 举…办).
        if (length == 1 && i > 0 && _isCommonWord is not null && !Levels.Contains(text[i - 1], StringComparison.Ordinal)
            && _lexicons.OrgSuffixes.Column(text.Substring(i, 1), 1).Contains('P', StringComparison.Ordinal)
            && _isCommonWord(text.Substring(i - 1, 2)))
        {
            return 0;
        }

        if (end < text.Length && (text[end] is '长' or '员' || (length == 1 && Continuations.Contains(text[end], StringComparison.Ordinal))))
        {
            return 0;
        }

        return length;
    }

    // A sub-unit suffix attaches to the organisation just before it, across a short body with no boundary (市司法局|警务管理|科).
    private bool CanExtend(string text, OrganizationCandidate last, int suffixStart, string flags)
    {
        var gap = suffixStart - last.Span.End;
        if (gap < 0 || gap > MaxSubUnitGap)
        {
            return false;
        }

        if (gap == 0)
        {
            return true;
        }

        // 辽宁省政协原党组副书记: 原 (former) after a body opens the role that follows, not a unit of the body.
        if (!flags.Contains('S', StringComparison.Ordinal) || text[last.Span.End] == '原')
        {
            return false;
        }

        for (var j = last.Span.End + 1; j <= suffixStart; j++)
        {
            if (!NameText.IsCjk(text[j - 1]) || NameText.BoundaryEndingAt(_lexicons, text, j) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private int BodyStart(string text, int suffixStart, Dictionary<int, PlaceMention> placeEnds, OrganizationCandidate? last)
    {
        var i = suffixStart;
        while (i > 0 && suffixStart - i < MaxBody)
        {
            if (last is not null && last.Span.End == i)
            {
                break;
            }

            if (placeEnds.TryGetValue(i, out var place) && place.Span.Start < i)
            {
                i = place.Span.Start;
                continue;
            }

            if (!NameText.IsCjk(text[i - 1]) || NameText.BoundaryEndingAt(_lexicons, text, i) > 0)
            {
                break;
            }

            i--;
        }

        return i;
    }

    private bool Accept(string text, int start, int suffixStart, string flags, Dictionary<int, List<PlaceMention>> placeStarts)
    {
        var body = text[start..suffixStart];
        var prefix = PrefixLength(text, start, suffixStart, placeStarts);
        var core = body[prefix..];
        if (prefix == 0 && (body.Length == 0 || _lexicons.GenericHeads.Contains(body)))
        {
            return false;
        }

        if (flags.Contains('P', StringComparison.Ordinal))
        {
            return prefix > 0;
        }

        if (flags.Contains('H', StringComparison.Ordinal))
        {
            return prefix > 0 || PlaceWithin(placeStarts, start, suffixStart);
        }

        return body.Length >= 2;
    }

    // A place name or a level character opening the body (零陵区税务局, 市委, 河南省人民政府).
    private int PrefixLength(string text, int start, int suffixStart, Dictionary<int, List<PlaceMention>> placeStarts)
    {
        if (start >= suffixStart)
        {
            return 0;
        }

        var place = placeStarts.TryGetValue(start, out var here) ? here.FirstOrDefault(p => p.Span.End <= suffixStart) : null;
        if (place is not null)
        {
            return place.Span.Length;
        }

        var longest = 0;
        foreach (var (length, _) in _gazetteer.Names.PrefixesAt(text, start))
        {
            if (length >= 2 && start + length <= suffixStart)
            {
                longest = length;
            }
        }

        if (longest > 0)
        {
            return longest;
        }

        if (text[start] == '团' && start + 1 < suffixStart)
        {
            return 1 + (Levels.Contains(text[start + 1], StringComparison.Ordinal) ? 1 : 0);
        }

        return Levels.Contains(text[start], StringComparison.Ordinal) ? 1 : 0;
    }

    // True when a place lies within [start, end].
    private static bool PlaceWithin(Dictionary<int, List<PlaceMention>> placeStarts, int start, int end)
    {
        for (var at = start; at <= end; at++)
        {
            if (placeStarts.TryGetValue(at, out var here) && here.Exists(p => p.Span.End <= end))
            {
                return true;
            }
        }

        return false;
    }

    // 山西焦煤, 陕西煤业: a place name right before an industry word names a company.
    private IEnumerable<OrganizationCandidate> IndustryAbbreviations(string text)
    {
        for (var i = 2; i < text.Length; i++)
        {
            var length = _lexicons.OrgIndustries.LongestAt(text, i);
            if (length == 0)
            {
                continue;
            }

            for (var placeLength = Math.Min(4, i); placeLength >= 2; placeLength--)
            {
                var start = i - placeLength;
                if (_gazetteer.Names.Lookup(text.AsSpan(start, placeLength)).Length > 0
                    && (start == 0 || !NameText.IsCjk(text[start - 1]) || NameText.BoundaryEndingAt(_lexicons, text, start) > 0))
                {
                    var word = text.Substring(i, length);
                    yield return new OrganizationCandidate(new TextSpan(start, i + length), NameText.KindOf(_lexicons.OrgIndustries.Column(word, 0)));
                    break;
                }
            }
        }
    }
}
