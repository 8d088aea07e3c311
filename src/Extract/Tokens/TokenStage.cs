using System.Collections.Immutable;

namespace Extract.Tokens;

/// <summary>Stage 4: body → tokens. Wired now; the Jieba-compatible segmenter (issue 3) fills it. Today it yields no tokens.</summary>
internal sealed class TokenStage
{
    public ImmutableArray<WordToken> Tokenize(string body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return [];
    }
}
