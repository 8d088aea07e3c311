namespace Extract.Segmentation;

/// <summary>A word and where it is in the input.</summary>
/// <param name="Word">The word (a substring of the input).</param>
/// <param name="Start">Start offset in UTF-16 code units.</param>
/// <param name="End">End offset in UTF-16 code units (exclusive).</param>
public readonly record struct Token(string Word, int Start, int End);

/// <summary>A word with its Jieba part-of-speech tag and where it is in the input.</summary>
/// <param name="Word">The word (a substring of the input).</param>
/// <param name="Tag">Jieba's POS tag (ICTCLAS style: <c>n</c>, <c>v</c>, <c>nr</c>, <c>ns</c>, <c>eng</c>, <c>m</c>, <c>x</c>, …).</param>
/// <param name="Start">Start offset in UTF-16 code units.</param>
/// <param name="End">End offset in UTF-16 code units (exclusive).</param>
public readonly record struct TaggedToken(string Word, string Tag, int Start, int End);

/// <summary>How <see cref="JiebaSegmenter.Tokenize"/> cuts.</summary>
public enum TokenizerMode
{
    /// <summary>Accurate mode: each character belongs to exactly one token.</summary>
    Default,

    /// <summary>Search mode: accurate-mode words, preceded by their dictionary 2- and 3-character sub-words.</summary>
    Search,
}
