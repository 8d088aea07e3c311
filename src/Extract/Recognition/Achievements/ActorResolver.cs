using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Recognition.Names;
using Extract.Tokens;

namespace Extract.Recognition.Achievements;

/// <summary>
/// The actor of each achievement from the clause (ANNOTATION.md "Achievements", corpus/entities/ACTORS.md): the
/// subject of the quantity's clause; else the subject carried over from an earlier clause of the sentence; else the
/// subject of the latest earlier sentence of the paragraph; else the article's topic body. A subject is a recognised
/// person, organisation or place, or a back-reference (该支部, 社区党委, 全村, 他们) resolved to the named body it
/// stands for, at the head of its clause: nothing before it but adverbials (no verb, no preposition but 由).
/// Speakers (X说) are not subjects. Built once per document from the final entity mentions.
/// </summary>
internal sealed partial class ActorResolver
{
    private static readonly char[] SentenceBreaks = BodyBreaks.Sentence;
    private static readonly char[] ClauseBreaks = BodyBreaks.Clause;

    private readonly string _body;
    private readonly ImmutableArray<WordToken> _tokens;
    private readonly ImmutableArray<TextSpan> _paragraphs;
    private readonly List<Reference> _references;
    private readonly string? _topic;
    private readonly Dictionary<string, string> _parents;
    private readonly Dictionary<string, int> _counts;
    private readonly int _titleEnd;
    private string?[]? _leads;
    private bool[]? _leadsDone;

    // Per clause-run start: where UnnamedAgent's scan of whole clauses stopped, and the end of the first that opens with an unnamed agent (-1: none yet).
    private readonly Dictionary<int, (int Next, int FirstAgentEnd)> _unnamedAgentScans = [];
    private readonly BodyBreaks _breaks;

    // Memos of the subject walks (SubjectBefore, SentenceSubject), so the quantities of one long sentence or paragraph
    // cost its clauses once, not once each: per (clause start, sentence start, paragraph start), the subject of the
    // earlier clauses and sentences; per (sentence start, paragraph start), that of the earlier sentences; per start, how
    // far SentenceSubject's scan of whole clauses got and the first subject it found (with its clause's end).
    private readonly Dictionary<(int Clause, int Sentence, int Paragraph), Reference?> _earlierClauseSubjects = [];
    private readonly Dictionary<(int Sentence, int Paragraph), Reference?> _earlierSentenceSubjects = [];
    private readonly Dictionary<int, (int Next, Reference? First, int FirstEnd)> _sentenceSubjectScans = [];

    // Per document, built on first use by the ranker's candidates.
    private List<string>? _frequentBodies;
    private HashSet<string>? _personNames;
    private HashSet<string>? _placeNames;
    private readonly Dictionary<(int Start, int End), Dictionary<string, int>> _paragraphCounts = [];
    private (int Start, int End, HashSet<string> Names)? _sentenceNames;

    private enum ReferenceKind
    {
        Person,
        Body,
        Pronoun,
    }

    /// <summary>
    /// A span that can name the actor: a recognised name, or a back-reference already resolved to one (Name null: a
    /// pronoun resolved by position). IsPlace: a place acting as a body; BackReference: 该局, 全村, 社区党委 and the like.
    /// </summary>
    private sealed record Reference(int Start, int End, string? Name, ReferenceKind Kind, bool IsPlace = false, bool BackReference = false);

    public ActorResolver(DocumentText document, Mentions found)
    {
        _body = document.Body;
        _breaks = new BodyBreaks(_body);
        _tokens = document.Tokens.IsDefault ? [] : document.Tokens;
        _paragraphs = document.Paragraphs;
        var named = new List<Reference>();
        named.AddRange(found.Organizations.Select(o => new Reference(o.Span.Start, o.Span.End, o.Name, ReferenceKind.Body)));
        named.AddRange(found.Places.Select(p => new Reference(p.Span.Start, p.Span.End, p.Name, ReferenceKind.Body, IsPlace: true)));
        named.AddRange(found.People.Where(p => p.Span is not null).Select(p => new Reference(p.Span!.Value.Start, p.Span.Value.End, p.Name, ReferenceKind.Person)));

        // Outermost names only: 紫荆湾社区 inside 紫荆湾社区党委 is part of the longer name.
        var held = NameText.HeldByLonger([.. named.Select(r => new TextSpan(r.Start, r.End))]);
        named = [.. named
            .Where((_, i) => !held[i])
            .DistinctBy(r => (r.Start, r.End))
            .OrderBy(r => r.Start)];
        _references = [.. named];
        foreach (Match match in BackReferenceRegex().Matches(_body))
        {
            var (start, end) = (match.Index, match.Index + match.Length);
            if (named.Any(r => r.Start < end && start < r.End))
            {
                continue;
            }

            if (match.Groups["pronoun"].Success)
            {
                _references.Add(new Reference(start, end, null, ReferenceKind.Pronoun));
                continue;
            }

            var suffix = match.Groups["that"].Success ? match.Groups["that"].Value
                : match.Groups["whole"].Success ? match.Groups["whole"].Value
                : match.Value;

            // A bare unit or team noun (党支部, 工作队, 大队) stands for a body named before it in PARAGRAPH: else it is an
            // unnamed agent (ANNOTATION.md: null when no body is named before it).
            var resolved = match.Groups["unit"].Success
                ? ResolveBefore(named, suffix, start, _paragraphs.IsDefaultOrEmpty ? 0 : _paragraphs[ParagraphStartingAtOrBefore(start)].Start)
                : ResolveSuffix(named, suffix, start);
            if (resolved is not null)
            {
                _references.Add(new Reference(start, end, resolved.Name, ReferenceKind.Body, resolved.IsPlace, BackReference: true));
            }
        }

        _references.Sort((a, b) => a.Start.CompareTo(b.Start));
        _topic = Topic(named);
        _parents = TeamParents(found);
        _counts = named.Where(r => r.Name is not null).GroupBy(r => r.Name!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _titleEnd = document.BodyStart;
    }

    /// <summary>Where the body's sentences and clauses break (shared with the achievement features).</summary>
    public BodyBreaks Breaks => _breaks;

    /// <summary>The actor credited with the quantity at <paramref name="quantity"/>, or null when nothing named is in scope.</summary>
    public string? Actor(TextSpan quantity)
    {
        var subject = SubjectBefore(quantity.Start, depth: 0);
        if (subject is not null)
        {
            return Parent(subject);
        }

        // An unnamed agent heading the clause (临时党支部组织…, 志愿者们…) with no body named before it in the paragraph:
        // the article credits no named actor there (null), rather than its topic.
        return UnnamedAgentHeads(quantity) ? null : Parent(_topic);
    }

    /// <summary>
    /// The organisation a team belongs to when the record names it (ANNOTATION.md: a team counts for its organisation):
    /// a volunteer team whose name opens with another listed organisation's whole name (X党支部志愿服务队 → X党支部). Other
    /// teams keep their own name when they are credited (corpus/entities/ACTORS.md: a named service or work team acting as
    /// the subject stays the actor).
    /// </summary>
    public string? Parent(string? name) => name is not null && _parents.TryGetValue(name, out var parent) ? parent : name;

    /// <summary>True when an unnamed agent (志愿者们, 党支部) heads the quantity's clause or an earlier one of its sentence.</summary>
    private bool UnnamedAgentHeads(TextSpan quantity)
    {
        var clauseStart = Math.Max(ParagraphOf(quantity.Start).Start, LastBreak(SentenceBreaks, quantity.Start));
        return UnnamedAgent(clauseStart, quantity.Start);
    }

    /// <summary>Team name → the listed organisation its name opens with (the longest such), for <see cref="Parent"/>.</summary>
    private static Dictionary<string, string> TeamParents(Mentions found)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = found.Organizations.Select(o => o.Name).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ToList();
        foreach (var team in names)
        {
            if (!TeamRegex().IsMatch(team))
            {
                continue;
            }

            var parent = names.FirstOrDefault(n => n.Length <= team.Length - 2 && n.Length >= 2 && team.StartsWith(n, StringComparison.Ordinal) && !TeamRegex().IsMatch(n));
            if (parent is not null)
            {
                parents[team] = parent;
            }
        }

        return parents;
    }

    /// <summary>
    /// True when a clause of [start, end) opens, after adverbials, with an unnamed agent (党支部, 志愿者, 工作人员). A
    /// whole clause (one that ends at a break before <paramref name="end"/>) is read once per <paramref name="start"/>:
    /// the scan's progress is kept, so the quantities of one long sentence cost its clauses once, not once each.
    /// </summary>
    private bool UnnamedAgent(int start, int end)
    {
        if (start >= end)
        {
            return false;
        }

        // The whole clauses, in order, up to the first that opens with an unnamed agent.
        var (next, firstAgentEnd) = _unnamedAgentScans.GetValueOrDefault(start, (start, -1));
        while (firstAgentEnd < 0 && next < end)
        {
            var clauseEnd = _body.IndexOfAny(ClauseBreaks, next, end - next);
            if (clauseEnd < 0)
            {
                break;
            }

            if (ClauseOpensWithUnnamedAgent(next, clauseEnd))
            {
                firstAgentEnd = clauseEnd;
            }

            next = clauseEnd + 1;
        }

        _unnamedAgentScans[start] = (next, firstAgentEnd);
        if (firstAgentEnd >= 0 && firstAgentEnd < end)
        {
            return true;
        }

        // The last clause, cut at end.
        var lastBreak = _body.LastIndexOfAny(ClauseBreaks, end - 1, end - start);
        var lastStart = lastBreak < 0 ? start : lastBreak + 1;
        return lastStart < end && ClauseOpensWithUnnamedAgent(lastStart, end);
    }

    /// <summary>True when [clauseStart, clauseEnd) opens, after adverbials, with an unnamed agent.</summary>
    private bool ClauseOpensWithUnnamedAgent(int clauseStart, int clauseEnd)
    {
        for (var i = FirstToken(clauseStart); i < _tokens.Length && _tokens[i].Start <= clauseEnd; i++)
        {
            var token = _tokens[i];
            if (token.End <= clauseEnd && !(token.Tag is "t" or "d" or "c" or "f" or "m" or "x" or "uj" or "ul") && !AdverbialRegex().IsMatch(token.Word))
            {
                return UnnamedAgentRegex().IsMatch(_body.AsSpan(token.Start, clauseEnd - token.Start));
            }
        }

        return false;
    }

    private string? SubjectBefore(int position, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        // The quantity's clause, then the earlier clauses of its sentence (latest first), then the earlier sentences of
        // the paragraph (latest first, the first clause subject of each).
        var paragraph = ParagraphOf(position);
        var sentenceStart = Math.Max(paragraph.Start, LastBreak(SentenceBreaks, position));
        var clauseStart = Math.Max(sentenceStart, LastBreak(ClauseBreaks, position));
        var subject = ClauseSubject(clauseStart, position) ?? EarlierClauseSubject(clauseStart, sentenceStart, paragraph.Start);
        return subject is null ? null : Resolve(subject, depth);
    }

    /// <summary>The subject of the whole clauses of the sentence before <paramref name="clauseStart"/> (latest first), else of the earlier sentences.</summary>
    private Reference? EarlierClauseSubject(int clauseStart, int sentenceStart, int paragraphStart)
    {
        var walked = new List<(int, int, int)>();
        Reference? subject = null;
        for (var clause = clauseStart; ; )
        {
            var key = (clause, sentenceStart, paragraphStart);
            if (_earlierClauseSubjects.TryGetValue(key, out subject))
            {
                break;
            }

            walked.Add(key);
            if (clause <= sentenceStart)
            {
                subject = EarlierSentenceSubject(sentenceStart, paragraphStart);
                break;
            }

            var end = clause - 1;
            clause = Math.Max(sentenceStart, LastBreak(ClauseBreaks, end));
            subject = ClauseSubject(clause, end);
            if (subject is not null)
            {
                break;
            }
        }

        foreach (var key in walked)
        {
            _earlierClauseSubjects[key] = subject;
        }

        return subject;
    }

    /// <summary>The first clause subject of the paragraph's sentences before <paramref name="sentenceStart"/>, latest sentence first.</summary>
    private Reference? EarlierSentenceSubject(int sentenceStart, int paragraphStart)
    {
        var walked = new List<(int, int)>();
        Reference? subject = null;
        for (var sentence = sentenceStart; ; )
        {
            var key = (sentence, paragraphStart);
            if (_earlierSentenceSubjects.TryGetValue(key, out subject))
            {
                break;
            }

            walked.Add(key);
            var end = sentence - 1;
            if (end <= paragraphStart)
            {
                break;
            }

            sentence = Math.Max(paragraphStart, LastBreak(SentenceBreaks, end));
            subject = SentenceSubject(sentence, end);
            if (subject is not null)
            {
                break;
            }
        }

        foreach (var key in walked)
        {
            _earlierSentenceSubjects[key] = subject;
        }

        return subject;
    }

    private string? Resolve(Reference subject, int depth) =>
        subject.Kind == ReferenceKind.Pronoun ? SubjectBefore(subject.Start, depth + 1) : subject.Name;

    /// <summary>
    /// The first clause subject of [start, end). The whole clauses from <paramref name="start"/> are read once: the scan's
    /// progress and the first subject found are kept, so the quantities of one long sentence cost its clauses once.
    /// </summary>
    private Reference? SentenceSubject(int start, int end)
    {
        var (next, first, firstEnd) = _sentenceSubjectScans.GetValueOrDefault(start, (start, null, -1));
        while (first is null && next < end)
        {
            var clauseEnd = _body.IndexOfAny(ClauseBreaks, next, end - next);
            if (clauseEnd < 0)
            {
                break;
            }

            first = ClauseSubject(next, clauseEnd);
            firstEnd = clauseEnd;
            next = clauseEnd + 1;
        }

        _sentenceSubjectScans[start] = (next, first, firstEnd);
        if (first is not null && firstEnd < end)
        {
            return first;
        }

        // The clause that end cuts (the whole clauses before it name no subject).
        var lastStart = Math.Max(start, LastBreak(ClauseBreaks, end));
        return lastStart < end ? ClauseSubject(lastStart, end) : null;
    }

    /// <summary>The first reference in [start, end) with only adverbials before it in the clause, not a speaker.</summary>
    private Reference? ClauseSubject(int start, int end)
    {
        for (var k = FirstReference(start); k < _references.Count; k++)
        {
            var reference = _references[k];
            if (reference.End > end)
            {
                break;
            }

            if (!HeadOfClause(start, reference.Start))
            {
                return null;
            }

            if (reference.Kind == ReferenceKind.Person && IsSpeaker(reference))
            {
                continue;
            }

            // 市司法局警务管理科蒋文锋: a body naming a person's post qualifies the person, who is the subject; 龙溪街道党工委副书记
            // 敖志强介绍: a speaker's post is not the subject either.
            var next = PersonAfter(reference.End, 30);
            if (reference.Kind == ReferenceKind.Body && next is not null && next.End <= end
                && _body.IndexOfAny(ClauseBreaks, reference.End, next.Start - reference.End) < 0
                && (HeadOfClause(reference.End, next.Start) || PostChain(reference.End, next.Start)))
            {
                if (IsSpeaker(next))
                {
                    continue;
                }

                return next;
            }

            return reference;
        }

        return null;
    }

    /// <summary>
    /// True when [start, end) is a chain of posts ending right before a person (科长、市直单位驻X临时党支部书记): it ends in a
    /// post, holds no 的 and no verb but 驻 (a cell stationed somewhere), and is not a dispatched first secretary's title
    /// (X驻Y村第一书记 is credited to the dispatching body, corpus/entities/ACTORS.md actor 3).
    /// </summary>
    private bool PostChain(int start, int end)
    {
        var gap = _body.AsSpan(start, end - start);
        if (!PostTitleRegex().IsMatch(gap) || gap.EndsWith("第一书记") || gap.Contains('的'))
        {
            return false;
        }

        for (var i = FirstToken(start); i < _tokens.Length && _tokens[i].End <= end; i++)
        {
            if ((_tokens[i].Tag.StartsWith('v') || _tokens[i].Tag == "p") && _tokens[i].Word != "驻")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first person named within <paramref name="reach"/> characters after <paramref name="position"/>.</summary>
    private Reference? PersonAfter(int position, int reach)
    {
        for (var k = FirstReference(position); k < _references.Count && _references[k].Start - position <= reach; k++)
        {
            if (_references[k].Kind == ReferenceKind.Person)
            {
                return _references[k];
            }
        }

        return null;
    }

    private bool IsSpeaker(Reference person) =>
        SpeakerRegex().IsMatch(_body.AsSpan(person.End, Math.Min(12, _body.Length - person.End)));

    /// <summary>True when [start, position) holds no verb and no preposition (但 由 / 经), only time words, adverbs and the like.</summary>
    private bool HeadOfClause(int start, int position)
    {
        if (_tokens.IsEmpty)
        {
            return position - start <= 8;
        }

        for (var i = FirstToken(start); i < _tokens.Length; i++)
        {
            var token = _tokens[i];
            if (token.End > position)
            {
                break;
            }

            var tag = token.Tag;
            if ((tag.StartsWith('v') || tag == "p") && !AdverbialRegex().IsMatch(token.Word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The latest named body before <paramref name="position"/> (and at or after <paramref name="from"/>) ending with <paramref name="suffix"/>, else null.</summary>
    private static Reference? ResolveBefore(List<Reference> named, string suffix, int position, int from)
    {
        // named is in start order: walk back from the last one starting before position.
        for (var k = FirstStartingAt(named, position) - 1; k >= 0 && named[k].Start >= from; k--)
        {
            var r = named[k];
            if (r.Kind == ReferenceKind.Body && r.End <= position && r.Name!.Length > suffix.Length && r.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>
    /// The named body a back-reference stands for: the latest name before it ending with the suffix (社区党委 →
    /// 紫荆湾社区党委), else the most mentioned such name in the document.
    /// </summary>
    private static Reference? ResolveSuffix(List<Reference> named, string suffix, int position)
    {
        var bodies = named.Where(r => r.Kind == ReferenceKind.Body && r.Name!.Length > suffix.Length && r.Name.EndsWith(suffix, StringComparison.Ordinal)).ToList();
        var before = bodies.LastOrDefault(r => r.End <= position);
        if (before is not null)
        {
            return before;
        }

        return bodies.GroupBy(r => r.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start).FirstOrDefault()?.First();
    }

    /// <summary>The article's topic: the subject of its first sentence that has one, else its most mentioned body.</summary>
    private string? Topic(List<Reference> named)
    {
        return named.Where(r => r.Kind == ReferenceKind.Body)
            .GroupBy(r => r.Name)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.First().Start)
            .FirstOrDefault()?.Key;
    }

    /// <summary>The index of the first reference starting at or after <paramref name="position"/> (binary search: references are in body order).</summary>
    private int FirstReference(int position) => FirstStartingAt(_references, position);

    /// <summary>The index of the first of <paramref name="references"/> (in body order) starting at or after <paramref name="position"/>.</summary>
    private static int FirstStartingAt(List<Reference> references, int position) =>
        SortedSearch.FirstAtLeast(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(references), position, static r => r.Start);

    /// <summary>The index of the first token starting at or after <paramref name="position"/> (binary search: tokens are in body order).</summary>
    private int FirstToken(int position) => SortedSearch.FirstAtLeast(_tokens.AsSpan(), position, static t => t.Start);

    /// <summary>The paragraph holding <paramref name="position"/> (the first, when two touch), else the whole body.</summary>
    private TextSpan ParagraphOf(int position)
    {
        var index = ParagraphAt(position);
        return index >= 0 ? _paragraphs[index] : new TextSpan(0, _body.Length);
    }

    /// <summary>
    /// The index of the first paragraph holding <paramref name="position"/> (start ≤ position ≤ end), else -1: a binary
    /// search for the first paragraph ending at or after it, as paragraphs are in body order and do not overlap.
    /// </summary>
    private int ParagraphAt(int position)
    {
        var index = SortedSearch.FirstAtLeast(_paragraphs.AsSpan(), position, static p => p.End);
        return index < _paragraphs.Length && _paragraphs[index].Start <= position ? index : -1;
    }

    /// <summary>One past the last of <paramref name="breaks"/> (SentenceBreaks or ClauseBreaks) before <paramref name="position"/>, else 0.</summary>
    private int LastBreak(char[] breaks, int position) =>
        ReferenceEquals(breaks, SentenceBreaks) ? _breaks.SentenceStart(position) : _breaks.ClauseStart(position);

    /// <summary>
    /// Back-references: pronouns for the subject in scope (他们, 队员们); 该 + a body noun (该支部, 该局); a generic body
    /// (社区党委, 公司, 集团, 党委), a team noun (工作队, 医疗队, 暗访组) or a whole place (全村, 村里) for the named one ending the same way.
    /// </summary>
    [GeneratedRegex(@"(?<pronoun>他们|她们|大家|队员们|志愿者们|党员们|同志们)|该(?<that>支部|局|院|所|公司|集团|中心|村|镇|乡|大队|校|委)|(?<whole>(?:社区|街道|村|镇|乡)(?:党委|党工委|党总支|党支部|居委会|村委会)|公司党委|集团公司|集团|公司|医院)|(?<unit>党委|党支部|党总支|工作队|医疗队|服务队|突击队|救援队|巡查队|配送队|小分队|暗访组|督查组|专班|大队|法院|检察院|支行|煤矿|中心)|全(?<whole>村|镇|乡|区|县)|(?<whole>村|镇|乡)里", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BackReferenceRegex();

    /// <summary>Volunteer teams, which count for the organisation named at the head of their name.</summary>
    [GeneratedRegex(@"(?:志愿队|志愿服务队|志愿者服务队|志愿者队)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TeamRegex();

    /// <summary>Unnamed agents that open a clause: party cells, volunteers, staff, teams without a name.</summary>
    [GeneratedRegex(@"^[^，。；！？,;!?]{0,4}?(?:党支部|党总支|党小组|志愿者|志愿服务队|服务队|突击队|工作队|党员|干部|工作人员|医护人员|队员|民警|干警|网格员)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnnamedAgentRegex();

    /// <summary>
    /// A chain of posts ending right before a person (科长、市直单位驻X临时党支部书记蒋文锋): the body before it names the
    /// person's post even when a post holds a verb (驻), so the person is the subject. Each title's count right before a
    /// person of the corpus/entities golds is in models/actors/PROVENANCE.md.
    /// </summary>
    [GeneratedRegex(@"(?:书记|主任|科长|处长|局长|部长|队长|站长|所长|院长|校长|镇长|县长|区长|经理|董事长|主席|负责人|组长)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PostTitleRegex();

    /// <summary>What follows a speaker: a quoting verb within a few characters (X说, X笑着说, X介绍).</summary>
    [GeneratedRegex(@"^[^，。；！？,;!?“”]{0,4}?(?:说|表示|介绍|告诉|坦言|感慨|感叹|回忆|称|指出|强调)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpeakerRegex();

    /// <summary>Verb-tagged words that open a clause as adverbials (据统计, 截至) and the agent prepositions 由 / 经.</summary>
    [GeneratedRegex(@"^(?:据统计|据了解|据悉|据介绍|截至|截止|由|经|共|累计|先后|已)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AdverbialRegex();
}
