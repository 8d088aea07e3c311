using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Tokens;

namespace Extract.Recognition.Achievements;

/// <summary>Finds the actor, the action and the date in scope for a quantity inside its clause.</summary>
internal static partial class AchievementContext
{
    private static readonly char[] SentenceBreaks = BodyBreaks.Sentence;

    /// <summary>
    /// The entities and dates of one document sorted once, so each quantity's actor and date are found by binary search
    /// and a scan bounded by its sentence, not by a pass over the whole document (linear time over many quantities).
    /// </summary>
    internal sealed class Index
    {
        private readonly string _body;
        private readonly (string Name, TextSpan Span)[] _entities;
        private readonly int[] _entityStarts;
        private readonly DateValueMention[] _dates;
        private readonly int[] _dateStarts;
        private readonly int _maxSentence;

        /// <param name="document">The document.</param>
        /// <param name="found">The mentions so far.</param>
        /// <param name="maxClauseLength">Sentences are searched back at most four times this far.</param>
        public Index(DocumentText document, Mentions found, int maxClauseLength)
        {
            _body = document.Body;
            _entities = [.. Entities(found).OrderBy(e => e.Span.Start)];
            _entityStarts = [.. _entities.Select(e => e.Span.Start)];
            _dates = [.. found.Dates.OrderBy(d => d.Span.Start)];
            _dateStarts = [.. _dates.Select(d => d.Span.Start)];
            _maxSentence = (int)Math.Min(int.MaxValue, 4L * maxClauseLength);
        }

        /// <summary>
        /// The person or organisation credited: the nearest entity before the quantity in its sentence; else a
        /// pronoun or back-reference there (他们, 该支部) resolved to the nearest entity before it in the
        /// paragraph; else the paragraph's first entity. Null when the paragraph names none.
        /// </summary>
        public string? Actor(TextSpan quantity, TextSpan paragraph)
        {
            var from = Math.Max(0, quantity.Start - _maxSentence);
            var sentenceStart = quantity.Start == 0 ? 0 : from + _body.AsSpan(from, quantity.Start - from).LastIndexOfAny(SentenceBreaks) + 1;
            bool InParagraph((string Name, TextSpan Span) e) => e.Span.Start >= paragraph.Start && e.Span.End <= paragraph.End;

            // Entities sorted by start: the last one before the quantity that lies in the sentence.
            for (var i = SortedSearch.FirstAtLeast(_entityStarts, quantity.Start + 1) - 1; i >= 0 && _entities[i].Span.Start >= Math.Max(sentenceStart, paragraph.Start); i--)
            {
                if (_entities[i].Span.End <= quantity.Start && InParagraph(_entities[i]))
                {
                    return _entities[i].Name;
                }
            }

            if (PronounRegex().IsMatch(_body.AsSpan(sentenceStart, quantity.Start - sentenceStart)))
            {
                for (var i = SortedSearch.FirstAtLeast(_entityStarts, sentenceStart) - 1; i >= 0 && _entities[i].Span.Start >= paragraph.Start; i--)
                {
                    if (_entities[i].Span.End <= sentenceStart && InParagraph(_entities[i]))
                    {
                        return _entities[i].Name;
                    }
                }
            }

            for (var i = SortedSearch.FirstAtLeast(_entityStarts, paragraph.Start); i < _entities.Length && _entities[i].Span.Start < paragraph.End; i++)
            {
                if (InParagraph(_entities[i]))
                {
                    return _entities[i].Name;
                }
            }

            return null;
        }

        /// <summary>The last date mention in the paragraph that starts before the quantity.</summary>
        public string? Date(TextSpan quantity, TextSpan paragraph)
        {
            var last = SortedSearch.FirstAtLeast(_dateStarts, quantity.Start) - 1;
            return last >= 0 && _dates[last].Span.Start >= paragraph.Start ? _dates[last].Value : null;
        }
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

    private static int? FromFirstVerb(ImmutableArray<WordToken> tokens, int start, int end)
    {
        // Tokens are in body order: start at the first one at or after start (binary search), not at the document's first.
        for (var i = SortedSearch.FirstAtLeast(tokens.AsSpan(), start, static t => t.Start); i < tokens.Length; i++)
        {
            var token = tokens[i];
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
