using System.Text.RegularExpressions;

namespace Extract.Recognition.Achievements;

/// <summary>One name that could be an achievement's actor (null: "no named actor"), with the features the actor ranker reads.</summary>
internal sealed record ActorCandidate(string? Name, float[] Features);

/// <summary>
/// The actor ranker's candidates (<see cref="ActorRankerModel"/>): every person, organisation or place named (or
/// referred back to) in the quantity's paragraph up to the end of its sentence, the article's topic body, the
/// organisation a team counts for, the rules' own pick, and "none"; each with where it stands relative to the quantity
/// and the clause (subject side or object side, distance in characters, clauses and sentences, subject of its clause or
/// sentence), the cue words between (组织, 带领, 派出, 联合, 由, 在), team words, how often the article names it, whether
/// the headline does. Training (<c>train-actors</c>) builds its rows here too, so training and use read the same features.
/// </summary>
internal sealed partial class ActorResolver
{
    /// <summary>How many features a candidate carries.</summary>
    public const int CandidateFeatureCount = 65;

    /// <summary>The layout's version: a ranker trained on another layout is refused at load.</summary>
    public const int CandidateLayoutVersion = 2;

    /// <summary>At most this many named mentions before the quantity in its paragraph become candidates (the nearest ones).</summary>
    private const int MaxMentionsBefore = 24;

    /// <summary>At most this many named mentions after the quantity in its sentence are read (the nearest ones): a sentence
    /// of thousands of names would otherwise cost each of its quantities all of them.</summary>
    private const int MaxMentionsAfter = 24;

    /// <summary>The candidates for the quantity at <paramref name="quantity"/>; <paramref name="rulePick"/> is <see cref="Actor"/>'s answer.</summary>
    public List<ActorCandidate> Candidates(TextSpan quantity, string? rulePick)
    {
        var paragraph = ParagraphOf(quantity.Start);
        var sentenceStart = Math.Max(paragraph.Start, LastBreak(SentenceBreaks, quantity.Start));
        var sentenceEnd = NextBreak(SentenceBreaks, quantity.End, paragraph.End);
        var clauseStart = Math.Max(sentenceStart, LastBreak(ClauseBreaks, quantity.Start));
        var unnamed = UnnamedAgentHeads(quantity);

        // Named mentions in scope, each resolved to its name (a pronoun to the subject it stands for); by name, the nearest
        // mention before the quantity (else the first after it) stands for the name.
        var first = FirstReference(paragraph.Start);
        var last = FirstReference(sentenceEnd);
        var before = FirstReference(quantity.Start);
        var from = Math.Max(first, before - MaxMentionsBefore);
        var to = Math.Min(last, FirstReference(quantity.End) + MaxMentionsAfter);
        var mentions = new Dictionary<string, (Reference Mention, string Name)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var k = from; k < to; k++)
        {
            var reference = _references[k];
            if (reference.Start >= quantity.Start && reference.Start < quantity.End)
            {
                continue;
            }

            var name = reference.Kind == ReferenceKind.Pronoun ? SubjectBefore(reference.Start, depth: 1) : reference.Name;
            if (name is null)
            {
                continue;
            }

            // In body order, so a later mention before the quantity is a nearer one; one after it counts only when none came before.
            if (!mentions.ContainsKey(name) || reference.End <= quantity.Start)
            {
                if (!mentions.ContainsKey(name))
                {
                    order.Add(name);
                }

                mentions[name] = (reference, name);
            }
        }

        // Beyond the paragraph: the subjects of the earlier paragraphs' first sentences (nearest first), the names in the
        // headline and the article's most named organisations.
        var paragraphIndex = ParagraphIndex(quantity.Start);
        var earlier = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = paragraphIndex - 1; p >= 0 && earlier.Count < 6; p--)
        {
            if (ParagraphLead(p) is { } lead && !earlier.ContainsKey(lead))
            {
                earlier[lead] = paragraphIndex - p;
            }
        }

        var names = new List<string?>(order);
        foreach (var extra in new[] { rulePick, _topic }.Concat(earlier.Keys).Concat(TitleReferences()).Concat(FrequentBodies()))
        {
            if (extra is not null && !names.Contains(extra))
            {
                names.Add(extra);
            }
        }

        // Every other organisation the article names (the credited body may be named only in another paragraph).
        foreach (var body in ArticleBodies())
        {
            if (!names.Contains(body))
            {
                names.Add(body);
            }
        }

        foreach (var name in names.ToList())
        {
            if (name is not null && _parents.TryGetValue(name, out var parent) && !names.Contains(parent))
            {
                names.Add(parent);
            }
        }

        var teamsInScope = names.Where(n => n is not null && _parents.ContainsKey(n)).Select(n => _parents[n!]).ToHashSet(StringComparer.Ordinal);
        var sentenceSubject = SentenceSubject(sentenceStart, quantity.Start);
        var clauseSubject = ClauseSubject(clauseStart, quantity.Start);

        // Distance rank among the mentions before the quantity: 0 the nearest.
        var ranked = mentions.Values.Where(m => m.Mention.End <= quantity.Start).OrderByDescending(m => m.Mention.End).Select(m => m.Name).ToList();
        var paragraphLead = ParagraphLead(paragraphIndex);
        var maxCount = names.Count == 0 ? 0 : names.Max(n => n is null ? 0 : _counts.GetValueOrDefault(n));
        var inSentence = SentenceNames(sentenceStart, sentenceEnd);

        names.Add(null);
        var candidates = new List<ActorCandidate>(names.Count);
        foreach (var name in names)
        {
            var f = new float[CandidateFeatureCount];
            f[34] = unnamed ? 1 : 0;
            f[35] = rulePick is null ? 1 : 0;
            f[32] = names.Count;
            if (name is null)
            {
                f[0] = 1;
                f[4] = rulePick is null ? 1 : 0;
                candidates.Add(new ActorCandidate(null, f));
                continue;
            }

            f[4] = name == rulePick ? 1 : 0;
            f[25] = _parents.ContainsKey(name) ? 1 : 0;
            f[26] = teamsInScope.Contains(name) ? 1 : 0;
            f[24] = TeamWordRegex().IsMatch(name) ? 1 : 0;
            f[27] = (float)Math.Log(1 + _counts.GetValueOrDefault(name));
            f[29] = name == _topic ? 1 : 0;
            f[36] = name.Length;
            f[33] = ranked.IndexOf(name) is var rank and >= 0 ? rank : MaxMentionsBefore;
            f[28] = _titleEnd > 0 && TitleNames(name) ? 1 : 0;
            f[40] = earlier.TryGetValue(name, out var back) ? 1 : 0;
            f[41] = back;
            f[42] = ParagraphLead(ArticleLead()) == name ? 1 : 0;
            f[43] = _titleEnd > 0 && ParagraphLead(0) == name ? 1 : 0;
            f[44] = ParagraphCount(name, paragraph);
            f[45] = paragraphIndex;
            f[46] = name == paragraphLead ? 1 : 0;
            f[47] = maxCount == 0 ? 0 : (float)_counts.GetValueOrDefault(name) / maxCount;
            f[48] = names.Any(n => n is not null && n.Length > name.Length && n.StartsWith(name, StringComparison.Ordinal)) ? 1 : 0;
            f[49] = names.Any(n => n is not null && n.Length < name.Length && name.Contains(n, StringComparison.Ordinal)) ? 1 : 0;
            f[50] = inSentence.Contains(name) ? 1 : 0;
            ContextFeatures(f, name, quantity, paragraphIndex, names, ranked);
            if (!mentions.TryGetValue(name, out var mention))
            {
                f[9] = 1;
                f[1] = PersonName(name) ? 1 : 0;
                f[3] = PlaceName(name) ? 1 : 0;
                f[2] = f[1] == 0 && f[3] == 0 ? 1 : 0;
                f[10] = 8;
                f[11] = 20;
                f[12] = 10;
                candidates.Add(new ActorCandidate(name, f));
                continue;
            }

            var m = mention.Mention;
            var isPerson = m.Kind == ReferenceKind.Person || (m.Kind == ReferenceKind.Pronoun && PersonName(name));
            var isPlace = !isPerson && (m.IsPlace || (m.Kind == ReferenceKind.Pronoun && PlaceName(name)));
            f[1] = isPerson ? 1 : 0;
            f[3] = isPlace ? 1 : 0;
            f[2] = !isPerson && !isPlace ? 1 : 0;
            var after = m.Start >= quantity.End;
            f[8] = after ? 1 : 0;
            if (after)
            {
                f[10] = (float)Math.Log(1 + m.Start - quantity.End);
                f[11] = Count(ClauseBreaks, quantity.End, m.Start);
            }
            else
            {
                f[5] = m.Start >= clauseStart ? 1 : 0;
                f[6] = m.Start >= sentenceStart && m.Start < clauseStart ? 1 : 0;
                f[7] = m.Start < sentenceStart ? 1 : 0;
                // A name may end inside the quantity (a place whose last character is the numeral): the gap is then empty.
                var gapStart = Math.Min(m.End, quantity.Start);
                f[10] = (float)Math.Log(1 + quantity.Start - gapStart);
                f[11] = Count(ClauseBreaks, gapStart, quantity.Start);
                f[12] = Count(SentenceBreaks, gapStart, quantity.Start);
                var between = _body.AsSpan(gapStart, quantity.Start - gapStart);
                f[16] = OrganiseCueRegex().IsMatch(between) ? 1 : 0;
                f[17] = LeadCueRegex().IsMatch(between) ? 1 : 0;
                f[18] = DispatchCueRegex().IsMatch(between) ? 1 : 0;
                f[19] = JointCueRegex().IsMatch(between) ? 1 : 0;
            }

            var ownClause = Math.Max(paragraph.Start, LastBreak(ClauseBreaks, m.Start));
            f[13] = HeadOfClause(ownClause, m.Start) ? 1 : 0;
            f[14] = sentenceSubject is not null && sentenceSubject.Start == m.Start ? 1 : 0;
            f[37] = clauseSubject is not null && clauseSubject.Start == m.Start ? 1 : 0;
            f[15] = m.Kind == ReferenceKind.Person && IsSpeaker(m) ? 1 : 0;
            var lead = _body.AsSpan(Math.Max(0, m.Start - 3), Math.Min(3, m.Start));
            f[20] = lead.EndsWith("由") ? 1 : 0;
            f[21] = lead.Contains('在') ? 1 : 0;
            f[38] = BeneficiaryRegex().IsMatch(lead) ? 1 : 0;
            f[51] = LocativeRegex().IsMatch(lead) ? 1 : 0;
            var tail = _body.AsSpan(m.End, Math.Min(6, _body.Length - m.End));
            f[22] = tail.StartsWith("的") ? 1 : 0;
            f[23] = AgentWordRegex().IsMatch(tail) ? 1 : 0;
            f[30] = m.BackReference || m.Kind == ReferenceKind.Pronoun ? 1 : 0;
            f[31] = m.Kind == ReferenceKind.Body && PersonAfter(m.End, 30) is { } person && person.Start < quantity.Start
                && _body.IndexOfAny(ClauseBreaks, m.End, person.Start - m.End) < 0 ? 1 : 0;
            f[39] = FirstReference(m.End) < _references.Count && _references[FirstReference(m.End)].Start == m.End ? 1 : 0;
            candidates.Add(new ActorCandidate(name, f));
        }

        return candidates;
    }

    /// <summary>The index of the paragraph holding <paramref name="position"/> (0 when none does).</summary>
    private int ParagraphIndex(int position) => Math.Max(0, ParagraphAt(position));

    /// <summary>The names referred to in the sentence [start, end); the quantities of one sentence share the set.</summary>
    private HashSet<string> SentenceNames(int start, int end)
    {
        if (_sentenceNames is { } cached && cached.Start == start && cached.End == end)
        {
            return cached.Names;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var k = FirstReference(start); k < _references.Count && _references[k].Start < end; k++)
        {
            if (_references[k].Name is { } named)
            {
                names.Add(named);
            }
        }

        _sentenceNames = (start, end, names);
        return names;
    }

    /// <summary>The first body paragraph (after the headline, when there is one).</summary>
    private int ArticleLead() => _titleEnd > 0 && _paragraphs.Length > 1 ? 1 : 0;

    /// <summary>The resolved subject of the first sentence of paragraph <paramref name="index"/> that has one, else null.</summary>
    private string? ParagraphLead(int index) =>
        PerParagraph(ref _leads, ref _leadsDone, index, static (resolver, paragraph) =>
            resolver.SentenceSubject(paragraph.Start, resolver.NextBreak(SentenceBreaks, paragraph.Start, paragraph.End)) is { } subject
                ? resolver.Resolve(subject, depth: 1)
                : null);

    /// <summary>
    /// The value <paramref name="compute"/> gives for paragraph <paramref name="index"/>, computed once per document and
    /// kept in <paramref name="values"/> (null outside the paragraphs): the per-paragraph subjects the candidates read.
    /// </summary>
    private string? PerParagraph(ref string?[]? values, ref bool[]? done, int index, Func<ActorResolver, TextSpan, string?> compute)
    {
        if (index < 0 || index >= _paragraphs.Length)
        {
            return null;
        }

        values ??= new string?[_paragraphs.Length];
        done ??= new bool[_paragraphs.Length];
        if (!done[index])
        {
            values[index] = compute(this, _paragraphs[index]);
            done[index] = true;
        }

        return values[index];
    }

    /// <summary>The names the headline holds.</summary>
    private IEnumerable<string> TitleReferences()
    {
        for (var k = 0; k < _references.Count && _references[k].End <= _titleEnd; k++)
        {
            if (_references[k].Name is { } name)
            {
                yield return name;
            }
        }
    }

    /// <summary>The article's four most named organisations (not places, not people).</summary>
    private List<string> FrequentBodies() =>
        _frequentBodies ??= [.. _references.Where(r => r.Kind == ReferenceKind.Body && !r.IsPlace && !r.BackReference && r.Name is not null)
            .GroupBy(r => r.Name!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.First().Start)
            .Take(4)
            .Select(g => g.Key)];

    /// <summary>How many times the paragraph names <paramref name="name"/>.</summary>
    private int ParagraphCount(string name, TextSpan paragraph)
    {
        if (!_paragraphCounts.TryGetValue((paragraph.Start, paragraph.End), out var counts))
        {
            counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = FirstReference(paragraph.Start); k < _references.Count && _references[k].Start < paragraph.End; k++)
            {
                if (_references[k].Name is { } named)
                {
                    counts[named] = counts.GetValueOrDefault(named) + 1;
                }
            }

            _paragraphCounts[(paragraph.Start, paragraph.End)] = counts;
        }

        return counts.GetValueOrDefault(name);
    }

    private bool TitleNames(string name) => _body.AsSpan(0, Math.Min(_titleEnd, _body.Length)).Contains(name, StringComparison.Ordinal);

    private bool PersonName(string name) =>
        (_personNames ??= _references.Where(r => r.Kind == ReferenceKind.Person && r.Name is not null).Select(r => r.Name!).ToHashSet(StringComparer.Ordinal)).Contains(name);

    private bool PlaceName(string name) =>
        (_placeNames ??= _references.Where(r => r.IsPlace && r.Name is not null).Select(r => r.Name!).ToHashSet(StringComparer.Ordinal)).Contains(name);

    /// <summary>How many of <paramref name="breaks"/> (ClauseBreaks or SentenceBreaks) fall in [start, end).</summary>
    private int Count(char[] breaks, int start, int end) =>
        ReferenceEquals(breaks, SentenceBreaks) ? _breaks.Sentences(start, end) : _breaks.Clauses(start, end);

    private int NextBreak(char[] breaks, int position, int limit)
    {
        if (position >= limit)
        {
            return limit;
        }

        var next = _body.IndexOfAny(breaks, position, limit - position);
        return next < 0 ? limit : next;
    }

    [GeneratedRegex(@"组织|动员|发动|统筹|安排", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OrganiseCueRegex();

    [GeneratedRegex(@"带领|带着|率领|带动", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadCueRegex();

    [GeneratedRegex(@"派出|选派|派驻|抽调|派", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DispatchCueRegex();

    [GeneratedRegex(@"联合|携手|会同|协同|共同", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JointCueRegex();

    [GeneratedRegex(@"为|给|向|帮|对", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BeneficiaryRegex();

    [GeneratedRegex(@"来自|到|赴|于|前往|走进", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LocativeRegex();

    [GeneratedRegex(@"(?:队|小组|班)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TeamWordRegex();

    [GeneratedRegex(@"^(?:的)?(?:志愿者|党员|队员|干部|职工|员工|医护|干警|民警|工作人员|青年|团员|师生|志愿服务队|服务队|突击队)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AgentWordRegex();
}
