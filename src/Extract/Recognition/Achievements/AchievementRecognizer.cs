using System.Collections.Immutable;

namespace Extract.Recognition.Achievements;

/// <summary>
/// Every quantity that measures effort or result becomes an achievement: value, unit and approx from the
/// quantity, text the shortest clause carrying it, actor and action from the clause and paragraph, and the
/// date in scope. Lists in one clause give one achievement per quantity. Which quantities count is the learned decision's
/// (<see cref="AchievementDecisionModel"/>) when given, else the rule filter's.
/// </summary>
internal sealed class AchievementRecognizer(AchievementDecisionModel? decision) : IRecognizer
{
    private static readonly char[] ClauseBreaks = ['，', '。', '；', '！', '？', ',', ';', '!', '?', '\n', '：', ':'];

    /// <summary>The recogniser with the embedded learned decision (it beats the rule filter under CV: models/achievements/score.json).</summary>
    public AchievementRecognizer()
        : this(AchievementDecisionModel.Default)
    {
    }

    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var achievements = ImmutableArray.CreateBuilder<Achievement>();
        var body = document.Body;
        var previousEnd = 0;

        // A number inside a name (四家子镇, 三台子街道, 12355青少年服务台) counts nothing; an organisation span that starts
        // with the number (6所乡村学校) is more likely the rules reading too far than a name.
        var names = found.Places.Select(p => p.Span).ToList();
        var actors = new ActorResolver(document, found);
        var learned = decision?.Kept(AchievementCandidates.For(document, found));
        var quantities = found.Quantities.OrderBy(q => q.Span.Start).ToList();
        foreach (var quantity in quantities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clause = ClauseAround(body, quantity.Span);
            if (!(learned?.Contains(quantity.Span) ?? AchievementFilter.IsAchievement(quantity, body, clause))
                || names.Any(n => n.Start <= quantity.Span.Start && quantity.Span.End <= n.End)
                || found.Organizations.Any(o => o.Span.Start < quantity.Span.Start && quantity.Span.Start < o.Span.End))
            {
                continue;
            }

            var paragraph = ParagraphOf(document, quantity.Span);
            var window = new TextSpan(Math.Max(clause.Start, previousEnd), quantity.Span.Start);
            var continuesList = previousEnd > 0 && previousEnd >= clause.Start - 1;
            previousEnd = quantity.Span.End;
            achievements.Add(new Achievement
            {
                Text = body[clause.Start..clause.End],
                Value = quantity.Value / 1.000000000000000000000000000000000m, // drop trailing zeros: 22.16万 → 221600, not 221600.00
                Unit = quantity.Unit,
                Approx = quantity.Approx,
                Actor = actors.Actor(quantity.Span),
                Action = ActionResolver.Action(document, window, quantity.Span, clause, quantities.FirstOrDefault(q => q.Span.Start >= quantity.Span.End)?.Span.Start ?? body.Length, continuesList),
                Date = AchievementContext.Date(found, quantity.Span, paragraph),
                Span = clause,
            });
        }

        return found with { Achievements = achievements.ToImmutable() };
    }

    /// <summary>The clause around <paramref name="span"/>: from the previous clause break to the next one, spaces trimmed.</summary>
    internal static TextSpan ClauseAround(string body, TextSpan span)
    {
        var start = span.Start == 0 ? 0 : body.LastIndexOfAny(ClauseBreaks, span.Start - 1) + 1;
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

    private static TextSpan ParagraphOf(DocumentText document, TextSpan span)
    {
        foreach (var paragraph in document.Paragraphs)
        {
            if (paragraph.Start <= span.Start && span.End <= paragraph.End)
            {
                return paragraph;
            }
        }

        return new TextSpan(0, document.Body.Length);
    }
}
