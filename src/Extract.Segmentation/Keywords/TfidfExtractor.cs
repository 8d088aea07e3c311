using System.Collections.Frozen;
using Extract.Segmentation.Keywords;

namespace Extract.Segmentation;

/// <summary>
/// TF-IDF keyword extraction as Python jieba's <c>jieba.analyse.extract_tags</c>: words of two or more characters,
/// not stop words, weighted by term frequency × Jieba's IDF (median IDF for unknown words), highest first
/// (ties keep first-occurrence order).
/// </summary>
public sealed class TfidfExtractor
{
    private static readonly Lazy<TfidfExtractor> DefaultInstance =
        new(() => new TfidfExtractor(JiebaSegmenter.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Jieba's built-in stop words (<c>KeywordExtractor.STOP_WORDS</c>).</summary>
    private static readonly FrozenSet<string> JiebaStopWords = new[]
    {
        "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on", "with", "can",
        "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not", "one", "has", "or",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly JiebaSegmenter _segmenter;
    private readonly PosSegmenter _pos;
    private readonly FrozenSet<string> _stopWords;

    /// <summary>Creates an extractor over <paramref name="segmenter"/> with Jieba's stop words plus <paramref name="extraStopWords"/>.</summary>
    /// <param name="segmenter">The segmenter (and its user words) to cut with.</param>
    /// <param name="extraStopWords">More stop words (compared after lower-casing the word, as Jieba does).</param>
    public TfidfExtractor(JiebaSegmenter segmenter, IEnumerable<string>? extraStopWords = null)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        _segmenter = segmenter;
        _pos = new PosSegmenter(segmenter);
        _stopWords = extraStopWords is null ? JiebaStopWords : JiebaStopWords.Concat(extraStopWords).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The shared extractor over <see cref="JiebaSegmenter.Default"/>.</summary>
    public static TfidfExtractor Default => DefaultInstance.Value;

    /// <summary>The top keywords of <paramref name="text"/>, like <c>extract_tags(text, topK=count, allowPOS=allowPos)</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="count">How many keywords at most; 0 or less for all.</param>
    /// <param name="allowPos">If given and not empty, only words with these POS tags count.</param>
    /// <returns>Keywords, highest weight first.</returns>
    public IReadOnlyList<string> ExtractTags(string text, int count = 20, IReadOnlyCollection<string>? allowPos = null) =>
        ExtractTagsWithWeight(text, count, allowPos).Select(k => k.Word).ToArray();

    /// <summary>The top keywords of <paramref name="text"/> with their TF-IDF weights (<c>withWeight=True</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="count">How many keywords at most; 0 or less for all.</param>
    /// <param name="allowPos">If given and not empty, only words with these POS tags count.</param>
    /// <returns>Keywords and weights, highest weight first.</returns>
    public IReadOnlyList<(string Word, double Weight)> ExtractTagsWithWeight(string text, int count = 20, IReadOnlyCollection<string>? allowPos = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        IEnumerable<string> words = allowPos is { Count: > 0 }
            ? _pos.Tokenize(text).Where(t => allowPos.Contains(t.Tag)).Select(t => t.Word)
            : _segmenter.Cut(text);
        var freq = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var w in words)
        {
            if (PyStrip(w).Length < 2 || _stopWords.Contains(w.ToLowerInvariant()))
            {
                continue;
            }

            if (freq.TryGetValue(w, out var f))
            {
                freq[w] = f + 1.0;
            }
            else
            {
                freq[w] = 1.0;
                order.Add(w);
            }
        }

        var total = 0.0;
        foreach (var w in order)
        {
            total += freq[w];
        }

        var idf = IdfTable.Embedded;
        var weighted = new (string Word, double Weight)[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var w = order[i];
            weighted[i] = (w, freq[w] * (idf.Get(w) / total));
        }

        // Python's sorted(..., reverse=True) is stable: equal weights keep insertion order.
        var sorted = weighted.Select((kv, i) => (kv, i)).OrderByDescending(x => x.kv.Weight).ThenBy(x => x.i).Select(x => x.kv);
        return (count > 0 ? sorted.Take(count) : sorted).ToArray();
    }

    private static ReadOnlySpan<char> PyStrip(string s) => s.AsSpan().Trim();
}
