using System.Collections.Immutable;
using Extract.Tokens;
using Extract.Calendar;

namespace Extract.Recognition;

/// <summary>What every recogniser reads: the body, its paragraphs, its tokens and the article's reference dates.</summary>
internal sealed record DocumentText(
    string Body,
    ImmutableArray<TextSpan> Paragraphs,
    ImmutableArray<WordToken> Tokens,
    ReferenceDates References)
{
    public string TextOf(TextSpan span) => Body[span.Start..span.End];
}
