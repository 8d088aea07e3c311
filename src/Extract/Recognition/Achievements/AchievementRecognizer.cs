using System.Collections.Immutable;

namespace Extract.Recognition.Achievements;

/// <summary>First version: every quantity whose unit counts effort or result becomes an achievement; its text is the clause around it.</summary>
internal sealed class AchievementRecognizer : IRecognizer
{
    private static readonly char[] ClauseBreaks = ['，', '。', '；', '！', '？', ',', ';', '!', '?', '\n', '：', ':'];

    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var achievements = ImmutableArray.CreateBuilder<Achievement>();
        foreach (var quantity in found.Quantities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clause = ClauseAround(document.Body, quantity.Span);
            achievements.Add(new Achievement
            {
                Text = document.TextOf(clause),
                Value = quantity.Value,
                Unit = quantity.Unit,
                Approx = quantity.Approx,
                Span = clause,
            });
        }

        return found with { Achievements = achievements.ToImmutable() };
    }

    internal static TextSpan ClauseAround(string body, TextSpan span)
    {
        var start = body.LastIndexOfAny(ClauseBreaks, Math.Max(0, span.Start - 1)) + 1;
        if (span.Start == 0)
        {
            start = 0;
        }

        var end = body.IndexOfAny(ClauseBreaks, span.End);
        if (end < 0)
        {
            end = body.Length;
        }

        while (start < span.Start && char.IsWhiteSpace(body[start]))
        {
            start++;
        }

        return new TextSpan(start, end);
    }
}
