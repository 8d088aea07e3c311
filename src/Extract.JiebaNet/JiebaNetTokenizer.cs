using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace Extract.JiebaNet;

/// <summary>
/// A jieba.NET <see cref="PosSegmenter"/> (with whatever user dictionaries its <see cref="JiebaSegmenter"/> holds) as
/// Extract's stage-4 tokenizer: <c>new ExtractorOptions { Tokenizer = new JiebaNetTokenizer(segmenter) }</c>. Each
/// (word, flag) pair of <c>PosSegmenter.Cut</c> becomes a <see cref="Token"/> with its UTF-16 offsets into the text.
/// jieba.NET reads its dictionary files from <c>ConfigManager.ConfigFileBaseDir</c>; point it at them before
/// constructing the segmenter.
/// </summary>
public sealed class JiebaNetTokenizer : ITokenizer
{
    private readonly PosSegmenter _segmenter;
    private readonly bool _hmm;

    /// <summary>Wraps a configured jieba.NET POS segmenter.</summary>
    /// <param name="segmenter">The POS segmenter.</param>
    /// <param name="hmm">Whether unknown runs go through jieba.NET's HMM (as Jieba's default).</param>
    public JiebaNetTokenizer(PosSegmenter segmenter, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        _segmenter = segmenter;
        _hmm = hmm;
    }

    /// <summary>Wraps a POS segmenter over a configured jieba.NET word segmenter (its dictionary and user words).</summary>
    /// <param name="segmenter">The word segmenter.</param>
    /// <param name="hmm">Whether unknown runs go through jieba.NET's HMM (as Jieba's default).</param>
    public JiebaNetTokenizer(JiebaSegmenter segmenter, bool hmm = true)
        : this(new PosSegmenter(segmenter ?? throw new ArgumentNullException(nameof(segmenter))), hmm)
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var at = 0;
        foreach (var pair in _segmenter.Cut(text, _hmm))
        {
            var word = pair.Word;
            if (word.Length == 0)
            {
                continue;
            }

            // jieba.NET's pairs are the text cut in order; a word not found where the last one ended is skipped over
            // to its next occurrence, so a stray pair cannot shift every later offset.
            var start = string.CompareOrdinal(text, at, word, 0, word.Length) == 0 ? at : text.IndexOf(word, at, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            tokens.Add(new Token(word, pair.Flag, start, start + word.Length));
            at = start + word.Length;
        }

        return tokens;
    }
}
