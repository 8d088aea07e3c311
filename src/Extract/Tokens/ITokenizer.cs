namespace Extract;

/// <summary>
/// A word segmenter for stage 4 (the tokens the recognisers read) in place of the built-in Jieba-compatible one
/// (<see cref="ExtractorOptions.Tokenizer"/>). Implementations must be thread-safe: one extractor calls them from
/// several threads at once.
/// </summary>
public interface ITokenizer
{
    /// <summary>Cuts and tags <paramref name="text"/>.</summary>
    /// <param name="text">The article body (never empty).</param>
    /// <returns>
    /// Tokens that tile <paramref name="text"/> in order: the first starts at 0, each starts where the one before ends,
    /// the last ends at <c>text.Length</c>, and each token's <see cref="Token.Word"/> is the text between its offsets
    /// (whitespace and punctuation included, as Jieba's <c>posseg.cut</c> returns them). Tags are Jieba's (ICTCLAS) tags.
    /// </returns>
    IReadOnlyList<Token> Tokenize(string text);
}

/// <summary>One token of an <see cref="ITokenizer"/>.</summary>
/// <param name="Word">The token's text.</param>
/// <param name="Tag">Its part-of-speech tag (Jieba's: <c>n</c>, <c>nr</c>, <c>ns</c>, <c>nt</c>, <c>v</c>, <c>m</c>, <c>x</c>…).</param>
/// <param name="Start">Its start, a UTF-16 offset into the text.</param>
/// <param name="End">Its end (exclusive), a UTF-16 offset into the text.</param>
public sealed record Token(string Word, string Tag, int Start, int End);
