using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Tokens;

namespace Extract.Recognition.Achievements;

/// <summary>Finds the actor, the action and the date in scope for a quantity inside its clause.</summary>
internal static partial class AchievementContext
{
    private static readonly char[] SentenceBreaks = ['。', '！', '？', '!', '?', '\n', '；', ';'];

    /// <summary>
    /// The person or organisation credited: the nearest entity before the quantity in its sentence; else a
    /// pronoun or back-reference there (他们, 该支部) resolved to the nearest entity before it in the
    /// paragraph; else the paragraph's first entity. Null when the paragraph names none.
    /// </summary>
    public static string? Actor(DocumentText document, Mentions found, TextSpan quantity, TextSpan paragraph)
    {
        var body = document.Body;
        var sentenceStart = body.LastIndexOfAny(SentenceBreaks, Math.Max(0, quantity.Start - 1)) + 1;
        if (quantity.Start == 0)
        {
            sentenceStart = 0;
        }

        var entities = Entities(found)
            .Where(e => e.Span.Start >= paragraph.Start && e.Span.End <= paragraph.End)
            .OrderBy(e => e.Span.Start)
            .ToList();
        var inSentence = entities.LastOrDefault(e => e.Span.Start >= sentenceStart && e.Span.End <= quantity.Start);
        if (inSentence.Name is not null)
        {
            return inSentence.Name;
        }

        var sentence = body[sentenceStart..quantity.Start];
        if (PronounRegex().IsMatch(sentence))
        {
            var previous = entities.LastOrDefault(e => e.Span.End <= sentenceStart);
            if (previous.Name is not null)
            {
                return previous.Name;
            }
        }

        return entities.FirstOrDefault().Name;
    }

    /// <summary>
    /// The verb phrase the quantity measures: with tokens, from the first verb after the actor (or the previous
    /// quantity, or the clause start) up to the number, leading adverbs dropped (累计值守 → 值守); when the number
    /// opens the clause, from the first verb after it to the clause end. Without tokens, the words before the
    /// number with adverbs and subjects stripped, when that leaves a short phrase.
    /// </summary>
    public static string? Action(DocumentText document, TextSpan window, TextSpan quantity, TextSpan clause)
    {
        var body = document.Body;
        if (!document.Tokens.IsDefaultOrEmpty)
        {
            var before = FromFirstVerb(document.Tokens, window.Start, quantity.Start);
            if (before is not null)
            {
                return Trim(body[before.Value..quantity.Start]);
            }

            if (window.Start == quantity.Start || Trim(body[window.Start..quantity.Start]).Length == 0)
            {
                var after = FromFirstVerb(document.Tokens, quantity.End, clause.End);
                return after is null ? null : Trim(body[after.Value..clause.End]);
            }

            return null;
        }

        // Without tokens there is no verb to anchor on: keep only a short phrase that is not a list of names.
        var text = Trim(body[window.Start..quantity.Start]);
        return text.Length is >= 2 and <= 10 && !text.Contains('、') ? text : null;
    }

    /// <summary>The last date mention in the paragraph that starts before the quantity.</summary>
    public static string? Date(Mentions found, TextSpan quantity, TextSpan paragraph) =>
        found.Dates.LastOrDefault(d => d.Span.Start >= paragraph.Start && d.Span.Start < quantity.Start)?.Value;

    private static int? FromFirstVerb(ImmutableArray<WordToken> tokens, int start, int end)
    {
        foreach (var token in tokens)
        {
            if (token.Start < start)
            {
                continue;
            }

            if (token.End > end)
            {
                break;
            }

            if (token.Tag.StartsWith('v') && !AdverbRegex().IsMatch(token.Word))
            {
                return token.Start;
            }
        }

        return null;
    }

    private static string Trim(string phrase)
    {
        var text = phrase.Trim();
        string previous;
        do
        {
            previous = text;
            text = LeadingFillerRegex().Replace(text, "");
            text = TrailingFillerRegex().Replace(text, "");
        }
        while (text != previous);
        return text;
    }

    private static IEnumerable<(string Name, TextSpan Span)> Entities(Mentions found) =>
        found.People.Where(p => p.Span is not null).Select(p => (p.Name, p.Span!.Value))
            .Concat(found.Organizations.Select(o => (o.Name, o.Span)));

    [GeneratedRegex(@"^(?:他们|她们|他|她|其|该(?:支部|党支部|队|单位|局|中心|公司|集团|社区|街道)|大家|全体)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PronounRegex();

    [GeneratedRegex(@"^(?:他们|她们|我们|大家|他|她|累计|共计|合计|总计|先后|已经|已|共|又|还|均|都|再|仍|也|并|和|与|及|为|向|对|给|将|把|达到|达|约|近|超过|超|了|就|便|则|在|从|于|等|,|，|、|“|”)+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingFillerRegex();

    [GeneratedRegex(@"(?:累计|共计|合计|总计|共|达到|达|约|近|超过|超|了|等|的|,|，|、)+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingFillerRegex();

    [GeneratedRegex(@"^(?:累计|共计|合计|总计|达到|达|超过)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AdverbRegex();
}
