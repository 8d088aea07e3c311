namespace Extract.Recognition.Achievements;

/// <summary>
/// Where a quantity is part of a name and counts nothing: inside a place (四家子镇, 三台子街道), or inside an organisation
/// span that starts before it (12355青少年服务台; one that starts with the number, 6所乡村学校, is more likely the rules
/// reading too far than a name). The recogniser and the learned decision's candidates read the same answer.
/// </summary>
internal sealed class NamedSpans(Mentions found)
{
    private readonly SpanIndex _places = new(found.Places.Select(p => p.Span));
    private readonly SpanIndex _organizations = new(found.Organizations.Select(o => o.Span));
    private readonly SpanIndex _all = new(found.Places.Select(p => p.Span).Concat(found.Organizations.Select(o => o.Span)).Concat(found.People.Where(p => p.Span is not null).Select(p => p.Span!.Value)));

    /// <summary>True when a recognised person, place or organisation covers <paramref name="span"/> (a word inside a name: 编织 in 编织农民专业合作社).</summary>
    public bool InName(TextSpan span) => _all.AnyContains(span);

    /// <summary>True when a name holds <paramref name="quantity"/>.</summary>
    public bool Hold(TextSpan quantity) =>
        _places.AnyContains(quantity) || _organizations.AnyStartsBeforeAndCovers(quantity.Start);
}

/// <summary>Spans sorted by start with the running maximum of their ends: "does any span cover this point" in O(log n).</summary>
internal sealed class SpanIndex
{
    private readonly int[] _starts;
    private readonly int[] _maxEnds;

    public SpanIndex(IEnumerable<TextSpan> spans)
    {
        var sorted = spans.OrderBy(s => s.Start).ToArray();
        _starts = [.. sorted.Select(s => s.Start)];
        _maxEnds = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            _maxEnds[i] = Math.Max(sorted[i].End, i == 0 ? int.MinValue : _maxEnds[i - 1]);
        }
    }

    /// <summary>True when a span starts at or before <paramref name="span"/> and ends at or after it.</summary>
    public bool AnyContains(TextSpan span)
    {
        var last = UpperBound(span.Start) - 1;
        return last >= 0 && _maxEnds[last] >= span.End;
    }

    /// <summary>True when a span starts before <paramref name="point"/> and ends after it.</summary>
    public bool AnyStartsBeforeAndCovers(int point)
    {
        var last = UpperBound(point - 1) - 1;
        return last >= 0 && _maxEnds[last] > point;
    }

    /// <summary>The number of spans starting at or before <paramref name="value"/>.</summary>
    private int UpperBound(int value) => SortedSearch.FirstAtLeast(_starts, value + 1);
}
