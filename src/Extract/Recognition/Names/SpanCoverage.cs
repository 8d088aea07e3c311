namespace Extract.Recognition.Names;

/// <summary>
/// Which characters of a text some span covers, for "does this span overlap anything taken?" in the time of the span's
/// length, whatever the number of spans taken: a scan of the whole taken list per query made the occurrence and
/// candidate loops quadratic in a text of thousands of names. Overlap means <see cref="NameText.Overlaps"/>: an empty span
/// taken at x overlaps what starts before x and ends after it.
/// </summary>
internal sealed class SpanCoverage
{
    private readonly bool[] _covered;
    private readonly bool[] _inside;
    private readonly bool[] _emptyAt;

    /// <summary>A coverage of a text of <paramref name="length"/> characters holding <paramref name="taken"/>.</summary>
    public SpanCoverage(int length, IEnumerable<TextSpan> taken)
    {
        _covered = new bool[length + 1];
        _inside = new bool[length + 1];
        _emptyAt = new bool[length + 1];
        foreach (var span in taken)
        {
            Add(span);
        }
    }

    /// <summary>Takes <paramref name="span"/> (clipped to the text). Per position: covered by a span, strictly inside one (after its first character), an empty span there.</summary>
    public void Add(TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, _covered.Length - 1);
        var end = Math.Clamp(span.End, 0, _covered.Length - 1);
        if (span.Start == span.End)
        {
            _emptyAt[start] = true;
            return;
        }

        Array.Fill(_covered, true, start, Math.Max(0, end - start));
        Array.Fill(_inside, true, start + 1, Math.Max(0, end - start - 1));
    }

    /// <summary>True when <paramref name="span"/> overlaps a span taken.</summary>
    public bool Overlaps(TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, _covered.Length - 1);
        var end = Math.Clamp(span.End, 0, _covered.Length - 1);
        if (span.Start == span.End)
        {
            // An empty span overlaps a taken span that starts before it and ends after it.
            return _inside[start];
        }

        if (Array.IndexOf(_covered, true, start, end - start) >= 0)
        {
            return true;
        }

        for (var x = start + 1; x < end; x++)
        {
            if (_emptyAt[x])
            {
                return true;
            }
        }

        return false;
    }
}
