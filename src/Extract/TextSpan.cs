namespace Extract;

/// <summary>A span of the article body (or, for title mentions, of the headline) in UTF-16 code units: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
/// <param name="Start">Index of the first code unit.</param>
/// <param name="End">Index one past the last code unit.</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of code units covered.</summary>
    public int Length => End - Start;

    /// <summary>True when this span and <paramref name="other"/> share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;
}
