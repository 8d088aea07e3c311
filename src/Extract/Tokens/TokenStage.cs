using System.Collections.Immutable;
using Extract.Segmentation;

namespace Extract.Tokens;

/// <summary>Stage 4: body → POS-tagged tokens with offsets, from the Jieba-compatible segmenter (dictionary + HMM).</summary>
internal sealed class TokenStage(PosSegmenter segmenter)
{
    public ImmutableArray<WordToken> Tokenize(string body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (body.Length == 0)
        {
            return [];
        }

        var tokens = segmenter.Tokenize(body);
        var builder = ImmutableArray.CreateBuilder<WordToken>(tokens.Count);
        foreach (var token in tokens)
        {
            builder.Add(new WordToken(token.Word, token.Tag, token.Start, token.End));
        }

        return builder.MoveToImmutable();
    }
}
