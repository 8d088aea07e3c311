using System.Collections.Immutable;
using Extract.Segmentation;

namespace Extract.Tokens;

/// <summary>
/// Stage 4: body → POS-tagged tokens with offsets, from the Jieba-compatible segmenter (dictionary + HMM), or from the
/// user's <see cref="ITokenizer"/> when one is set (its tokens checked to tile the body).
/// </summary>
internal sealed class TokenStage(PosSegmenter segmenter, ITokenizer? tokenizer = null)
{
    public ImmutableArray<WordToken> Tokenize(string body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (body.Length == 0)
        {
            return [];
        }

        if (tokenizer is not null)
        {
            return FromTokenizer(tokenizer, body);
        }

        var tokens = segmenter.Tokenize(body);
        var builder = ImmutableArray.CreateBuilder<WordToken>(tokens.Count);
        foreach (var token in tokens)
        {
            builder.Add(new WordToken(token.Word, token.Tag, token.Start, token.End));
        }

        return builder.MoveToImmutable();
    }

    private static ImmutableArray<WordToken> FromTokenizer(ITokenizer tokenizer, string body)
    {
        var tokens = tokenizer.Tokenize(body) ?? throw Untiled(tokenizer, "returned null");
        var builder = ImmutableArray.CreateBuilder<WordToken>(tokens.Count);
        var at = 0;
        foreach (var token in tokens)
        {
            if (token is null || token.Start != at || token.End <= token.Start || token.End > body.Length
                || token.Word is null || token.Tag is null
                || token.Word.Length != token.End - token.Start
                || string.CompareOrdinal(body, token.Start, token.Word, 0, token.Word.Length) != 0)
            {
                throw Untiled(tokenizer, $"returned a token that does not continue the text at offset {at}: {token}");
            }

            builder.Add(new WordToken(token.Word, token.Tag, token.Start, token.End));
            at = token.End;
        }

        return at == body.Length
            ? builder.MoveToImmutable()
            : throw Untiled(tokenizer, $"stopped at offset {at} of {body.Length}");
    }

    private static ExtractionException Untiled(ITokenizer tokenizer, string what) =>
        new(ExtractionErrorKind.Internal, $"tokenizer {tokenizer.GetType().FullName} {what} (tokens must tile the text in order, with UTF-16 offsets)");
}
