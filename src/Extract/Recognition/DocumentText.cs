using System.Collections.Immutable;
using Extract.Tokens;
using Extract.Calendar;

namespace Extract.Recognition;

/// <summary>
/// What every recogniser reads: the analysed text, its paragraphs, its tokens and the article's reference dates. The
/// text is the headline, a line break, then the body (<see cref="Compose"/>): the headline is read like the body's first
/// paragraph, and <see cref="BodyStart"/> tells the record which mentions stand in the title.
/// </summary>
internal sealed record DocumentText(
    string Body,
    ImmutableArray<TextSpan> Paragraphs,
    ImmutableArray<WordToken> Tokens,
    ReferenceDates References)
{
    /// <summary>Where the body starts in <see cref="Body"/>: 0 without a headline, else the headline's length + 1.</summary>
    public int BodyStart { get; init; }

    /// <summary>The analysed text in the page's own characters when <see cref="Body"/> was converted to simplified ones; else null.</summary>
    public string? Original { get; init; }

    public string TextOf(TextSpan span) => Body[span.Start..span.End];

    /// <summary>
    /// The text the recognisers read: <paramref name="title"/> (when it holds anything), a line break, then
    /// <paramref name="body"/>; the paragraphs are the title's and the body's, shifted. Without a title, the body itself.
    /// </summary>
    public static (string Text, int BodyStart, ImmutableArray<TextSpan> Paragraphs) Compose(string? title, string body, ImmutableArray<TextSpan> paragraphs)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return (body, 0, paragraphs);
        }

        var headline = title.Replace('\n', ' ');
        var start = headline.Length + 1;
        var shifted = ImmutableArray.CreateBuilder<TextSpan>(paragraphs.Length + 1);
        shifted.Add(new TextSpan(0, headline.Length));
        foreach (var paragraph in paragraphs)
        {
            shifted.Add(new TextSpan(paragraph.Start + start, paragraph.End + start));
        }

        return (string.Concat(headline, "\n", body), start, shifted.MoveToImmutable());
    }
}
