using System.Collections.Immutable;
using System.Diagnostics;

namespace Extract.Recognition.Achievements;

/// <summary>
/// Every quantity that measures effort or result becomes an achievement: value, unit and approx from the
/// quantity, text the shortest clause carrying it, actor and action from the clause and paragraph, and the
/// date in scope. Lists in one clause give one achievement per quantity. Which quantities count is the learned decision's
/// (<see cref="AchievementDecisionModel"/>) when given, else the rule filter's.
/// </summary>
/// <param name="decision">The learned decision over candidate quantities; null: the rule filter decides.</param>
/// <param name="maxClauseLength">The longest clause text: a clause without punctuation that is longer is cut to this many characters around its quantity.</param>
/// <param name="actorRanker">The learned actor ranker over <see cref="ActorResolver.Candidates"/>; null: the rules' actor (<see cref="ActorResolver.Actor"/>).</param>
internal sealed class AchievementRecognizer(AchievementDecisionModel? decision, int maxClauseLength = 200, ActorRankerModel? actorRanker = null) : IRecognizer
{
    private static readonly char[] ClauseBreaks = BodyBreaks.Clause;

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

        // A number inside a name counts nothing (NamedSpans); the learned decision's candidates read the same names and actors.
        var names = new NamedSpans(found);
        var context = new AchievementContext.Index(document, found, maxClauseLength);
        var actors = new ActorResolver(document, found);
        var candidates = decision is null ? null : AchievementCandidates.For(document, found, actors, names, maxClauseLength);
        var learned = candidates is null ? null : decision!.Kept(candidates);
        var quantities = found.Quantities.OrderBy(q => q.Span.Start).ToList();

        // The candidates are the quantities outside names in this same order, each with its clause: it is read from
        // them, not computed again (the rule filter's path, without candidates, computes it here).
        var next = 0;
        for (var index = 0; index < quantities.Count; index++)
        {
            var quantity = quantities[index];
            cancellationToken.ThrowIfCancellationRequested();
            if (names.Hold(quantity.Span))
            {
                continue;
            }

            Debug.Assert(candidates is null || ReferenceEquals(candidates[next].Quantity, quantity), "candidates follow the quantities outside names");
            var clause = candidates is null ? ClauseAround(body, quantity.Span, maxClauseLength) : candidates[next++].Clause;
            if (!(learned?.Contains(quantity.Span) ?? AchievementFilter.IsAchievement(quantity, body, clause)))
            {
                continue;
            }

            var paragraph = ParagraphOf(document, quantity.Span);
            // Quantities may overlap (a range read two ways): the window then starts at the number itself.
            var window = new TextSpan(Math.Min(Math.Max(clause.Start, previousEnd), quantity.Span.Start), quantity.Span.Start);
            var continuesList = previousEnd > 0 && previousEnd >= clause.Start - 1;
            previousEnd = quantity.Span.End;
            achievements.Add(new Achievement
            {
                Text = body[clause.Start..clause.End],
                Value = quantity.Value / 1.000000000000000000000000000000000m, // drop trailing zeros: 22.16万 → 221600, not 221600.00
                Unit = quantity.Unit,
                Approx = quantity.Approx,
                Actor = ActorOf(actors, quantity.Span),
                Action = ActionResolver.Action(document, window, quantity.Span, clause, NextStart(quantities, quantity.Span.End, body.Length), continuesList, names),
                Date = context.Date(quantity.Span, paragraph),
                Span = clause,
            });
        }

        return found with { Achievements = achievements.ToImmutable() };
    }

    /// <summary>The rules' actor, or the ranker's choice among the candidates (the rules' pick one of its features).</summary>
    private string? ActorOf(ActorResolver actors, TextSpan quantity)
    {
        var rule = actors.Actor(quantity);
        return actorRanker is null ? rule : actorRanker.Choose(actors.Candidates(quantity, rule), rule);
    }

    /// <summary>
    /// The clause around <paramref name="span"/>: from the previous clause break to the next one, spaces trimmed. A clause
    /// longer than <paramref name="maxLength"/> (no punctuation) is cut to about that many characters centred on the span,
    /// never between the halves of a surrogate pair; only that window is searched, so the cost is bounded per quantity.
    /// </summary>
    internal static TextSpan ClauseAround(string body, TextSpan span, int maxLength = int.MaxValue)
    {
        var reach = Math.Max(0, (maxLength - span.Length) / 2);
        var low = (int)Math.Max(0, span.Start - (long)reach);
        var high = (int)Math.Min(body.Length, span.End + (long)reach);
        var before = span.Start == 0 ? -1 : body.AsSpan(low, span.Start - low).LastIndexOfAny(ClauseBreaks);
        var start = span.Start == 0 ? 0 : before >= 0 ? low + before + 1 : low;
        var after = body.AsSpan(span.End, high - span.End).IndexOfAny(ClauseBreaks);
        var end = after >= 0 ? span.End + after : high;
        if (start > 0 && start < body.Length && char.IsLowSurrogate(body[start]))
        {
            start++;
        }

        if (end < body.Length && end > 0 && char.IsLowSurrogate(body[end]))
        {
            end--;
        }

        while (start < span.Start && char.IsWhiteSpace(body[start]))
        {
            start++;
        }

        return new TextSpan(Math.Min(start, span.Start), Math.Max(end, span.End));
    }

    /// <summary>Where the first quantity at or after <paramref name="end"/> starts (binary search: quantities are in start order), else <paramref name="fallback"/>.</summary>
    private static int NextStart(List<QuantityMention> quantities, int end, int fallback)
    {
        var next = SortedSearch.FirstAtLeast(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(quantities), end, static q => q.Span.Start);
        return next < quantities.Count ? quantities[next].Span.Start : fallback;
    }

    /// <summary>The paragraph holding <paramref name="span"/> (binary search: paragraphs are in body order), else the whole body.</summary>
    private static TextSpan ParagraphOf(DocumentText document, TextSpan span)
    {
        var paragraphs = document.Paragraphs;
        var found = SortedSearch.FirstAtLeast(paragraphs.AsSpan(), span.Start + 1, static p => p.Start) - 1;
        return found >= 0 && paragraphs[found].End >= span.End ? paragraphs[found] : new TextSpan(0, document.Body.Length);
    }
}
