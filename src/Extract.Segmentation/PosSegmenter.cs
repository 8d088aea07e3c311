namespace Extract.Segmentation;

/// <summary>
/// Part-of-speech segmenter with Python jieba 0.42.1's <c>posseg</c> algorithm: dictionary tags for known words,
/// the posseg HMM (character states × tags) for unknown runs, <c>eng</c> for Latin runs, <c>m</c> for numbers,
/// <c>x</c> for punctuation and whitespace. Uses the dictionary (and user words) of its <see cref="JiebaSegmenter"/>.
/// </summary>
public sealed class PosSegmenter
{
    private static readonly Lazy<PosSegmenter> DefaultInstance =
        new(() => new PosSegmenter(JiebaSegmenter.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaSegmenter _segmenter;

    /// <summary>Creates a POS segmenter over <paramref name="segmenter"/>'s dictionary and user words.</summary>
    /// <param name="segmenter">The word segmenter whose dictionary to use.</param>
    public PosSegmenter(JiebaSegmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        _segmenter = segmenter;
    }

    /// <summary>The shared POS segmenter over <see cref="JiebaSegmenter.Default"/>.</summary>
    public static PosSegmenter Default => DefaultInstance.Value;

    /// <summary>Cuts and tags <paramref name="text"/>, like Jieba's <c>posseg.cut</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="hmm">Whether unknown runs go through the HMMs.</param>
    /// <returns>Words with tags and UTF-16 offsets.</returns>
    public IEnumerable<TaggedToken> Cut(string text, bool hmm = true) => Tokenize(text, hmm);

    /// <summary>Cuts and tags <paramref name="text"/> into a list.</summary>
    /// <param name="text">The text.</param>
    /// <param name="hmm">Whether unknown runs go through the HMMs.</param>
    /// <returns>Words with tags and UTF-16 offsets.</returns>
    public IReadOnlyList<TaggedToken> Tokenize(string text, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TaggedToken>(Math.Max(4, text.Length / 2));
        PosCutter.Cut(text, _segmenter.View, hmm, result);
        return result;
    }
}
