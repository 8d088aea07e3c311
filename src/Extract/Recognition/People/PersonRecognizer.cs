using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Recognition.Names;
using Extract.Resources;

namespace Extract.Recognition.People;

/// <summary>
/// Stage 5, people: surname-based candidates accepted on context — a title or organisation before, a quoting verb or
/// 同志 after, a segmenter nr tag, an enumeration (、 和 与) that holds an accepted name or closes with 等/一行/两人,
/// or a name that recurs with weak cues. Every occurrence of an accepted name is a mention; roles are the title chain
/// before each mention, and the organisation is the one the first role names.
/// </summary>
internal sealed partial class PersonRecognizer : IRecognizer
{
    private readonly NameCandidateFinder _finder;
    private readonly RoleChain _roles;
    private readonly EntityLexicons _lexicons;

    public PersonRecognizer()
        : this(Surnames.Default, EntityLexicons.Default, CommonWords.Default.Contains)
    {
    }

    /// <param name="surnames">The surname list.</param>
    /// <param name="lexicons">Titles, follow words, boundaries.</param>
    /// <param name="isCommonWord">Optional dictionary test (a segmenter word list): a candidate that is a common word is dropped.</param>
    public PersonRecognizer(Surnames surnames, EntityLexicons lexicons, Func<string, bool>? isCommonWord)
    {
        _finder = new NameCandidateFinder(surnames, lexicons, isCommonWord);
        _roles = new RoleChain(lexicons);
        _lexicons = lexicons;
    }

    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var text = document.Body;
        var entities = found.Places.Select(p => p.Span).Concat(found.Organizations.Select(o => o.Span)).ToList();
        var candidates = _finder.Find(document, entities, cancellationToken);
        var accepted = Accept(text, candidates, out var weakOnly);

        var people = new List<PersonMention>();
        var lastEnd = -1;
        foreach (var candidate in candidates.Where(c => accepted.Contains(c.Name)))
        {
            // Overlapping accepted candidates (王永芳 / 永芳): the earlier one holds the text.
            if (candidate.Span.Start < lastEnd)
            {
                continue;
            }

            lastEnd = candidate.Span.End;
            var (roles, organization) = _roles.Describe(text, candidate.Span.Start, entities, found.Organizations);
            people.Add(new PersonMention(candidate.Span, candidate.Name, roles, organization) { WeakEvidence = weakOnly.Contains(candidate.Name) });
        }

        return found with { People = [.. people], PersonCandidates = [.. candidates] };
    }

    private HashSet<string> Accept(string text, List<NameCandidate> candidates, out HashSet<string> weakOnly)
    {
        // Strong evidence accepts a name. A common word (管理 after 志愿者) needs a title before and a quoting verb after
        // (白帆说); a two-character name known only from a title before needs a clean right edge (买全了 is not a name).
        var accepted = candidates
            .Where(c => c.Evidence == NameEvidence.Strong)
            .Where(c => c.IsCommonWord ? c.TitledOnLeft && c.QuotedOnRight : c.Name.Length > 2 || !c.TitledOnLeft || c.BoundedOnRight || c.QuotedOnRight)
            .Select(c => c.Name)
            .ToHashSet(StringComparer.Ordinal);

        // Names with evidence beyond the segmenter's nr tag and weak cues: a title, a quoting verb, a credit, a list.
        var supported = candidates
            .Where(c => c.Evidence == NameEvidence.Strong && !c.SegmenterOnly)
            .Select(c => c.Name)
            .ToHashSet(StringComparer.Ordinal);

        // A trailing credit in parentheses holds names only: (梅方义 汪琳).
        foreach (Match credit in Credit().Matches(text))
        {
            var names = credit.Groups[1].Value.Split([' ', '　', '、'], StringSplitOptions.RemoveEmptyEntries);
            var known = candidates.Where(c => c.Span.Start >= credit.Index && c.Span.End <= credit.Index + credit.Length && !c.IsCommonWord)
                .Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            if (names.All(known.Contains))
            {
                accepted.UnionWith(names);
                supported.UnionWith(names);
            }
        }

        // A three-character name that recurs with weak cues (陶明文 after a quote, then after 的).
        foreach (var group in candidates.Where(c => c.Name.Length == 3 && !c.IsCommonWord && c.Evidence == NameEvidence.Weak).GroupBy(c => c.Name))
        {
            if (group.Count() >= 2)
            {
                accepted.Add(group.Key);
            }
        }

        // Enumerations: X、Y和Z — all names when one is accepted or the list closes with 等/一行/两人.
        var byStart = candidates.ToDictionary(c => c.Span.Start);
        foreach (var first in candidates)
        {
            var list = new List<NameCandidate> { first };
            var current = first;
            while (current.Span.End + 1 < text.Length && text[current.Span.End] is '、' or '和' or '与' or '及'
                && byStart.TryGetValue(current.Span.End + 1, out var next))
            {
                list.Add(next);
                current = next;
            }

            if (list.Count < 2)
            {
                continue;
            }

            var follow = _lexicons.NameFollowWords.LongestAt(text, current.Span.End);
            var closes = current.Span.End < text.Length && (text[current.Span.End] == '等'
                || (follow > 0 && _lexicons.NameFollowWords.Column(text.Substring(current.Span.End, follow), 0) is "E" or "Q"));
            var commaList = list.Skip(1).All(c => text[c.Span.Start - 1] == '、');
            if ((closes || list.Any(c => accepted.Contains(c.Name))) && (commaList || list.All(c => !c.IsCommonWord)))
            {
                accepted.UnionWith(list.Select(c => c.Name));
                supported.UnionWith(list.Select(c => c.Name));
            }
        }

        weakOnly = [.. accepted.Where(name => !supported.Contains(name))];
        return accepted;
    }

    [GeneratedRegex(@"[(（]([\u4e00-\u9fff]{2,4}(?:[ 　、][\u4e00-\u9fff]{2,4})+)[)）]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Credit();
}
