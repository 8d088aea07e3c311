namespace Extract.Recognition.Names;

/// <summary>
/// A list of spans indexed by where they start, so "which span holds this one?" looks only at the starts a holder could
/// have (no further back than the longest span), not at the whole list: the place and organisation rules asked it once per
/// name, which was quadratic in a text of thousands of names.
/// </summary>
internal sealed class SpanLookup
{
    private readonly IReadOnlyList<TextSpan> _spans;
    private readonly Dictionary<int, List<int>> _byStart = [];
    private readonly Dictionary<int, List<int>> _byEnd = [];
    private readonly int _longest;

    public SpanLookup(IReadOnlyList<TextSpan> spans)
    {
        _spans = spans;
        for (var i = 0; i < spans.Count; i++)
        {
            Bucket(_byStart, spans[i].Start).Add(i);
            Bucket(_byEnd, spans[i].End).Add(i);
            _longest = Math.Max(_longest, spans[i].Length);
        }
    }

    /// <summary>The smallest index of a span holding <paramref name="inner"/> (<see cref="NameText.Within"/>), else -1.</summary>
    public int FirstHolding(TextSpan inner)
    {
        var first = -1;
        for (var start = Math.Max(0, inner.End - _longest); start <= inner.Start; start++)
        {
            if (_byStart.TryGetValue(start, out var here))
            {
                foreach (var i in here)
                {
                    if (_spans[i].End >= inner.End && (first < 0 || i < first))
                    {
                        first = i;
                    }
                }
            }
        }

        return first;
    }

    /// <summary>True when a span ends at <paramref name="end"/> and starts after <paramref name="start"/>.</summary>
    public bool AnyEndingAtAfter(int end, int start) =>
        _byEnd.TryGetValue(end, out var here) && here.Exists(i => _spans[i].Start > start);

    private static List<int> Bucket(Dictionary<int, List<int>> buckets, int key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = [];
            buckets[key] = bucket;
        }

        return bucket;
    }
}
