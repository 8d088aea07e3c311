using Extract.Resources;

namespace Extract.Recognition.Names;

/// <summary>Character classes and left-boundary scanning shared by the place, organisation and person rules.</summary>
internal static class NameText
{
    /// <summary>True for a CJK unified ideograph (the characters names are written in).</summary>
    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>True when a boundary word (a verb, preposition or pronoun from the lexicon) ends at <paramref name="end"/>.</summary>
    public static int BoundaryEndingAt(EntityLexicons lexicons, string text, int end) => lexicons.BoundaryWords.LongestEndingAt(text, end);

    /// <summary>
    /// True for a form of address rather than a name: 小, 老 or 阿 before a one-character surname (小秦, 老王, 阿张), which
    /// ANNOTATION.md counts as a nickname, not a person.
    /// </summary>
    public static bool IsFormOfAddress(ReadOnlySpan<char> surface, Surnames surnames) =>
        surface.Length == 2 && surface[0] is '小' or '老' or '阿' && surnames.IsSurname(surface[1..]);

    /// <summary>
    /// False for a span no name can be: one holding clause punctuation (，。！？；：、 and their ASCII forms) or a line
    /// break, or one whose quotes, book-title marks or brackets do not pair up inside it (“红马甲”突击队 is a name;
    /// !”供应公司行政科, read across a quotation's end, is not).
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<char> surface)
    {
        int quotes = 0, single = 0, titles = 0, brackets = 0;
        foreach (var c in surface)
        {
            if (c is '，' or '。' or '！' or '？' or '；' or '：' or '、' or ',' or '!' or '?' or ';' or ':' or '\n' or '\r')
            {
                return false;
            }

            quotes += c == '“' ? 1 : c == '”' ? -1 : 0;
            single += c == '‘' ? 1 : c == '’' ? -1 : 0;
            titles += c == '《' ? 1 : c == '》' ? -1 : 0;
            brackets += c is '（' or '(' ? 1 : c is '）' or ')' ? -1 : 0;
            if (quotes < 0 || single < 0 || titles < 0 || brackets < 0)
            {
                return false;
            }
        }

        return quotes == 0 && single == 0 && titles == 0 && brackets == 0;
    }

    /// <summary>
    /// The span a name read over <paramref name="span"/> of <paramref name="text"/> can have: null when the run is not well
    /// formed (<see cref="IsWellFormed"/>); the title's inside when the run ends with a 《…》 title (英国《泰晤士报》, as
    /// MSRA tags a foreign paper, names 泰晤士报: a name ends in no book-title mark); otherwise the span itself, so a body
    /// named after a title (《星报》编辑部) stays whole.
    /// </summary>
    public static TextSpan? NameSpan(string text, TextSpan span)
    {
        var surface = text.AsSpan(span.Start, span.Length);
        if (!IsWellFormed(surface))
        {
            return null;
        }

        return surface.Length > 0 && surface[^1] == '》' ? TitleInside(text, span) : span;
    }

    /// <summary>
    /// The inside of the one 《…》 title that <paramref name="span"/> of <paramref name="text"/> holds (英国《泰晤士报》网站 →
    /// 泰晤士报); null when it holds none, more than one, or an empty one.
    /// </summary>
    public static TextSpan? TitleInside(string text, TextSpan span)
    {
        var open = text.IndexOf('《', span.Start, span.Length);
        var close = open < 0 ? -1 : text.IndexOf('》', open + 1, span.End - open - 1);
        if (close <= open + 1 || text.AsSpan(close + 1, span.End - close - 1).IndexOfAny('《', '》') >= 0)
        {
            return null;
        }

        return new TextSpan(open + 1, close);
    }

    /// <summary>Spans of 《…》 titles: names inside a document title are not mentions of places.</summary>
    public static List<TextSpan> BookTitles(string text)
    {
        var spans = new List<TextSpan>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '《')
            {
                open = i;
            }
            else if (text[i] == '》' && open >= 0)
            {
                spans.Add(new TextSpan(open, i + 1));
                open = -1;
            }
            else if (text[i] == '\n')
            {
                open = -1;
            }
        }

        return spans;
    }

    /// <summary>True when <paramref name="inner"/> lies within <paramref name="outer"/>.</summary>
    public static bool Within(TextSpan inner, TextSpan outer) => inner.Start >= outer.Start && inner.End <= outer.End;

    /// <summary>
    /// The one "every occurrence of a name" rule: for each name in <paramref name="names"/> of at least
    /// <paramref name="minLength"/> characters (long enough to be unambiguous), once per surface form in order, its other
    /// occurrences in <paramref name="text"/> that overlap nothing taken (<see cref="FreeOccurrences"/>), paired with the
    /// name they repeat. Computed before it returns, so a caller may add the result to the list it passed in.
    /// </summary>
    public static List<(T Name, TextSpan Span)> OtherOccurrences<T>(string text, IEnumerable<T> names, Func<T, TextSpan> spanOf, List<TextSpan> taken, int minLength = 3)
    {
        var found = new List<(T, TextSpan)>();
        var covered = new SpanCoverage(text.Length, taken);
        foreach (var name in names.Where(n => spanOf(n).Length >= minLength).DistinctBy(n => text[spanOf(n).Start..spanOf(n).End]).ToList())
        {
            var span = spanOf(name);
            found.AddRange(FreeOccurrences(text, text[span.Start..span.End], taken, covered).Select(s => (name, s)));
        }

        return found;
    }

    /// <summary>
    /// The occurrences of <paramref name="surface"/> in <paramref name="text"/> that overlap none of <paramref name="taken"/>;
    /// each one found is added to <paramref name="taken"/> (and to <paramref name="covered"/>, which holds the same spans),
    /// so occurrences never overlap each other either.
    /// </summary>
    private static List<TextSpan> FreeOccurrences(string text, string surface, List<TextSpan> taken, SpanCoverage covered)
    {
        var free = new List<TextSpan>();
        for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
        {
            var span = new TextSpan(at, at + surface.Length);
            if (!covered.Overlaps(span))
            {
                free.Add(span);
                taken.Add(span);
                covered.Add(span);
            }
        }

        return free;
    }

    /// <summary>
    /// Where the head of <paramref name="word"/> ends once suffixes from <paramref name="suffixes"/> are stripped from its
    /// end while any head is left (市委组织部 → 市委 → 市: 1); <paramref name="word"/>'s length when none ends it.
    /// </summary>
    public static int HeadEnd(string word, params WordTable[] suffixes)
    {
        var end = word.Length;
        while (end > 0)
        {
            var suffix = suffixes.Max(t => t.LongestEndingAt(word, end));
            if (suffix == 0 || suffix == end)
            {
                break;
            }

            end -= suffix;
        }

        return end;
    }

    /// <summary>The organisation kind a lexicon column names (party, government…), <see cref="OrganizationKind.Other"/> when none.</summary>
    public static OrganizationKind KindOf(string name) => Enum.TryParse<OrganizationKind>(name, ignoreCase: true, out var kind) ? kind : OrganizationKind.Other;

    /// <summary>The place level a lexicon column names (township, community…), <see cref="PlaceLevel.Other"/> when none.</summary>
    public static PlaceLevel LevelOf(string name) => Enum.TryParse<PlaceLevel>(name, ignoreCase: true, out var level) ? level : PlaceLevel.Other;

    /// <summary>True when two spans share at least one character.</summary>
    public static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    /// <summary>
    /// Per span, whether a longer span holds it (starts at or before it and ends at or after it): one sweep in start
    /// order, so a document of n names costs n log n, not n². The maximal spans are those not held.
    /// </summary>
    public static bool[] HeldByLonger(IReadOnlyList<TextSpan> spans)
    {
        var order = Enumerable.Range(0, spans.Count).OrderBy(i => spans[i].Start).ToArray();
        var held = new bool[spans.Count];
        var maxEndBefore = int.MinValue;
        for (var group = 0; group < order.Length;)
        {
            // The spans starting here: held by one that started earlier and ends at or after them, or by one starting
            // here that ends later.
            var start = spans[order[group]].Start;
            var next = group;
            var maxEndHere = int.MinValue;
            for (; next < order.Length && spans[order[next]].Start == start; next++)
            {
                maxEndHere = Math.Max(maxEndHere, spans[order[next]].End);
            }

            for (var k = group; k < next; k++)
            {
                var end = spans[order[k]].End;
                held[order[k]] = maxEndBefore >= end || maxEndHere > end;
            }

            maxEndBefore = Math.Max(maxEndBefore, maxEndHere);
            group = next;
        }

        return held;
    }
}
