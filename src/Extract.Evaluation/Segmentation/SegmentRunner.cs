namespace Extract.Segmentation.Cli;

/// <summary>
/// The line-by-line segmentation behind <c>extract segment</c>: each input line is cut and written as one
/// output line of tokens joined by a single space (<c>word/tag</c> with POS tags).
/// </summary>
internal static class SegmentRunner
{
    /// <summary>Segments every line of <paramref name="input"/> into <paramref name="output"/>.</summary>
    /// <param name="input">Input text, one sentence or paragraph per line.</param>
    /// <param name="output">Where the segmented lines go.</param>
    /// <param name="pos">Write <c>word/tag</c> (POS mode); <paramref name="mode"/> must then be <c>default</c>.</param>
    /// <param name="mode"><c>default</c> (accurate), <c>search</c> (cut_for_search) or <c>full</c> (cut_all).</param>
    /// <param name="hmm">Whether unknown runs go through the HMM (Jieba's <c>HMM=True</c>).</param>
    /// <param name="ct">Stops between lines.</param>
    /// <param name="segmenter">The segmenter to use; <see cref="JiebaSegmenter.Default"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="mode"/> is unknown, or POS is asked for with another mode.</exception>
    public static void Run(TextReader input, TextWriter output, bool pos, string mode, bool hmm, CancellationToken ct, JiebaSegmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(mode);
        var seg = segmenter ?? JiebaSegmenter.Default;
        var m = mode.ToLowerInvariant();
        if (m is not ("default" or "search" or "full"))
        {
            throw new ArgumentException($"Unknown mode '{mode}': use default, search or full.", nameof(mode));
        }

        if (pos && m != "default")
        {
            throw new ArgumentException("POS tagging is only available in default mode.", nameof(mode));
        }

        var posSeg = pos ? new PosSegmenter(seg) : null;
        while (input.ReadLine() is { } line)
        {
            ct.ThrowIfCancellationRequested();
            output.WriteLine(FormatLine(line, seg, posSeg, m, hmm));
        }
    }

    /// <summary>Segments every line of <paramref name="input"/> in accurate or search mode; see the string overload.</summary>
    /// <param name="input">Input text, one sentence or paragraph per line.</param>
    /// <param name="output">Where the segmented lines go.</param>
    /// <param name="pos">Write <c>word/tag</c>.</param>
    /// <param name="mode">Accurate or search mode.</param>
    /// <param name="hmm">Whether unknown runs go through the HMM.</param>
    /// <param name="ct">Stops between lines.</param>
    public static void Run(TextReader input, TextWriter output, bool pos, TokenizerMode mode, bool hmm, CancellationToken ct) =>
        Run(input, output, pos, mode == TokenizerMode.Search ? "search" : "default", hmm, ct);

    internal static string FormatLine(string line, JiebaSegmenter seg, PosSegmenter? posSeg, string mode, bool hmm)
    {
        if (posSeg is not null)
        {
            return string.Join(' ', posSeg.Tokenize(line, hmm).Select(t => t.Word + "/" + t.Tag));
        }

        var words = mode switch
        {
            "search" => seg.CutForSearch(line, hmm),
            "full" => seg.Cut(line, cutAll: true),
            _ => seg.Cut(line, hmm: hmm),
        };
        return string.Join(' ', words);
    }
}
