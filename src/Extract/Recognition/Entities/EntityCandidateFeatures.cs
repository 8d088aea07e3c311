using Extract.Recognition;
using Extract.Recognition.Entities;
using Extract.Recognition.Names;
using Extract.Recognition.Places;
using Extract.Recognition.Tagging;
using Extract.Resources;
using Extract.Tokens;

namespace Extract.Recognition.Entities;

/// <summary>
/// Features of one entity hypothesis (a span, a type and the sources that proposed it), for the entity-decision model:
/// the hypothesised type; which sources proposed it and the tagger's margin, and whether the tagger read another type
/// or another span there; its length and characters; the gazetteer's view (exact name, form, level, a name at its
/// start); the lexicons' view (place or organisation suffix and its kind and flags, a generic head before the suffix, a
/// level prefix, a title or follow word around it, a boundary word at its edges); the surname rules' view (surname,
/// plausible name, common word, a form of address such as 小秦, the candidate's evidence); the segmenter's view (token
/// boundaries, whether the suffix opens a token and that token runs past the span, tokens inside, POS of the first
/// token and of the tokens around); the document's view (nesting and overlap with other hypotheses, how often the
/// surface and its given name recur, whether another occurrence was taken by the rules, the document's length,
/// same-type neighbours in an enumeration; the rule mention's place level, grammar origin and sub-unit link); and the
/// hand merge's verdict (kept this, kept the span as another type, kept a span around or inside it), as one opinion
/// among the others. Nothing names a word (but the three address prefixes 小, 老, 阿): words enter through lexicon
/// membership and POS classes. One vector layout, shared by training and use.
/// </summary>
internal sealed class EntityCandidateFeatures
{
    /// <summary>Layout version: a model trained on another layout must not be used with this one.</summary>
    public const int Version = 4;

    /// <summary>The length of every feature vector.</summary>
    public const int Count = Fixed + (3 * PosClasses);

    // The features before the POS classes; Write checks that it wrote exactly these.
    private const int Fixed = 95;
    private const int PosClasses = 16;

    private readonly EntityLexicons _lexicons;
    private readonly Gazetteer _gazetteer;
    private readonly Surnames _surnames;
    private readonly Func<string, bool> _isCommonWord;

    public EntityCandidateFeatures(TaggerResources resources, Func<string, bool> isCommonWord)
    {
        _lexicons = resources.Lexicons;
        _gazetteer = resources.Gazetteer;
        _surnames = resources.Surnames;
        _isCommonWord = isCommonWord;
    }

    /// <summary>The lexicons the features read (the decision's own rules read them too).</summary>
    public EntityLexicons Lexicons => _lexicons;

    /// <summary>The surname list the features read.</summary>
    public Surnames Surnames => _surnames;

    /// <summary>What the features read about the whole document, built once per document.</summary>
    public sealed class Document
    {
        private readonly EntityCandidate[] _byStart;
        private readonly int _longest;
        private readonly (TextSpan Span, NameType Type)[] _handByStart;
        private readonly int _longestHand;
        private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);
        private readonly IReadOnlySet<(TextSpan Span, NameType Type)> _handMerged;

        public Document(string text, IReadOnlyList<WordToken> tokens, IReadOnlyList<EntityCandidate> candidates, IReadOnlySet<(TextSpan Span, NameType Type)> handMerged)
        {
            Text = text;
            _handMerged = handMerged;
            _handByStart = [.. handMerged.OrderBy(h => h.Span.Start)];
            _longestHand = _handByStart.Length == 0 ? 0 : _handByStart.Max(h => h.Span.Length);
            Candidates = candidates;
            TokenAt = new int[text.Length + 1];
            Array.Fill(TokenAt, -1);
            TokenStarts = new bool[text.Length + 1];
            TokenEnds = new bool[text.Length + 1];
            Tokens = tokens;
            for (var t = 0; t < tokens.Count; t++)
            {
                var token = tokens[t];
                if (token.Start < 0 || token.End > text.Length || token.End <= token.Start)
                {
                    continue;
                }

                TokenStarts[token.Start] = true;
                TokenEnds[token.End] = true;
                for (var i = token.Start; i < token.End; i++)
                {
                    TokenAt[i] = t;
                }
            }

            _byStart = [.. candidates.OrderBy(c => c.Span.Start)];
            _longest = candidates.Count == 0 ? 0 : candidates.Max(c => c.Span.Length);
            Titles = NameText.BookTitles(text);
            foreach (var candidate in candidates)
            {
                var surface = text[candidate.Span.Start..candidate.Span.End];
                Surfaces[surface] = Surfaces.GetValueOrDefault(surface) + 1;
                if (candidate.FromRules)
                {
                    RuleSurfaces.Add((surface, candidate.Type));
                }
            }
        }

        public string Text { get; }

        public IReadOnlyList<EntityCandidate> Candidates { get; }

        /// <summary>Whether the hand merge (<see cref="EntityStrategy.Merged"/>) kept <paramref name="candidate"/>'s span with its type.</summary>
        public bool HandKept(EntityCandidate candidate) => _handMerged.Contains((candidate.Span, candidate.Type));

        /// <summary>
        /// What the hand merge (<see cref="EntityStrategy.Merged"/>) kept that overlaps <paramref name="span"/>: a scan
        /// over its spans in start order from the first that could reach <paramref name="span"/>.
        /// </summary>
        public IEnumerable<(TextSpan Span, NameType Type)> HandMergedOverlapping(TextSpan span)
        {
            for (var i = SortedSearch.FirstAtLeast<(TextSpan Span, NameType Type)>(_handByStart, span.Start - _longestHand, static h => h.Span.Start); i < _handByStart.Length && _handByStart[i].Span.Start < span.End; i++)
            {
                if (NameText.Overlaps(_handByStart[i].Span, span))
                {
                    yield return _handByStart[i];
                }
            }
        }

        /// <summary>
        /// The hypotheses that overlap or touch <paramref name="span"/> (including itself), found through a window over
        /// the hypotheses in start order, so a long document costs its hypotheses times their neighbours, not squared.
        /// </summary>
        public IEnumerable<EntityCandidate> Near(TextSpan span)
        {
            for (var i = SortedSearch.FirstAtLeast<EntityCandidate>(_byStart, span.Start - _longest - 1, static c => c.Span.Start); i < _byStart.Length && _byStart[i].Span.Start <= span.End + 1; i++)
            {
                if (_byStart[i].Span.End >= span.Start - 1)
                {
                    yield return _byStart[i];
                }
            }
        }

        /// <summary>How often <paramref name="surface"/> occurs in the text (up to 50), counted once per surface.</summary>
        public int Occurrences(string surface)
        {
            if (!_occurrences.TryGetValue(surface, out var count))
            {
                count = 0;
                for (var at = Text.IndexOf(surface, StringComparison.Ordinal); at >= 0 && count < 50; at = Text.IndexOf(surface, at + surface.Length, StringComparison.Ordinal))
                {
                    count++;
                }

                _occurrences[surface] = count;
            }

            return count;
        }

        public IReadOnlyList<WordToken> Tokens { get; }

        /// <summary>Per character, the index of the token it sits in (-1 when none).</summary>
        public int[] TokenAt { get; }

        public bool[] TokenStarts { get; }

        public bool[] TokenEnds { get; }

        public List<TextSpan> Titles { get; }

        /// <summary>How many hypotheses share each surface form (any type).</summary>
        public Dictionary<string, int> Surfaces { get; } = new(StringComparer.Ordinal);

        /// <summary>Surface forms a rule recogniser proposed with a type somewhere in the document.</summary>
        public HashSet<(string, NameType)> RuleSurfaces { get; } = [];
    }

    /// <summary>Writes the features of <paramref name="candidate"/> into <paramref name="features"/> (length <see cref="Count"/>).</summary>
    public void Write(Document document, EntityCandidate candidate, Span<float> features)
    {
        features.Clear();
        var text = document.Text;
        var span = candidate.Span;
        var surface = text.AsSpan(span.Start, span.Length);
        var word = surface.ToString();
        var f = 0;

        // The hypothesis and its sources.
        features[f + (int)candidate.Type] = 1;
        f += 3;
        var sources = candidate.Sources;
        features[f++] = Flag(sources, CandidateSources.RulePlace);
        features[f++] = Flag(sources, CandidateSources.RuleOrganization);
        features[f++] = Flag(sources, CandidateSources.RulePerson);
        features[f++] = Flag(sources, CandidateSources.RulePersonWeak);
        features[f++] = Flag(sources, CandidateSources.PersonCandidate);
        features[f++] = Flag(sources, CandidateSources.Tagger);
        features[f++] = candidate.Margin;
        features[f++] = MathF.Log(1 + Math.Max(0, candidate.Margin));
        features[f++] = candidate.FromRules ? 1 : 0;

        // What else the sources said at this place: the tagger's other reading, a rule span of another type, overlaps.
        float taggerOtherType = 0, taggerOverlap = 0, ruleOtherType = 0, nestedIn = 0, contains = 0, crossing = 0, overlapping = 0, maxOtherMargin = 0;
        float inRuleOrganization = 0, inTaggerOrganization = 0;
        foreach (var other in document.Near(span))
        {
            if (ReferenceEquals(other, candidate) || !NameText.Overlaps(other.Span, span))
            {
                continue;
            }

            overlapping++;
            var tagged = (other.Sources & CandidateSources.Tagger) != 0;
            if (other.Span == span)
            {
                taggerOtherType = Math.Max(taggerOtherType, tagged ? 1 : 0);
                ruleOtherType = Math.Max(ruleOtherType, other.FromRules ? 1 : 0);
            }
            else
            {
                taggerOverlap = Math.Max(taggerOverlap, tagged ? 1 : 0);
                nestedIn = Math.Max(nestedIn, NameText.Within(span, other.Span) ? 1 : 0);
                contains = Math.Max(contains, NameText.Within(other.Span, span) ? 1 : 0);
                crossing = Math.Max(crossing, !NameText.Within(span, other.Span) && !NameText.Within(other.Span, span) ? 1 : 0);
                if (other.Type == NameType.Organization && NameText.Within(span, other.Span))
                {
                    inRuleOrganization = Math.Max(inRuleOrganization, other.FromRules ? 1 : 0);
                    inTaggerOrganization = Math.Max(inTaggerOrganization, tagged ? 1 : 0);
                }
            }

            if (tagged)
            {
                maxOtherMargin = Math.Max(maxOtherMargin, other.Margin);
            }
        }

        features[f++] = taggerOtherType;
        features[f++] = taggerOverlap;
        features[f++] = ruleOtherType;
        features[f++] = nestedIn;
        features[f++] = contains;
        features[f++] = crossing;
        features[f++] = overlapping;
        features[f++] = MathF.Log(1 + maxOtherMargin);
        features[f++] = inRuleOrganization;
        features[f++] = inTaggerOrganization;

        // The characters.
        int cjk = 0, digits = 0, latin = 0, dots = 0, punctuation = 0;
        foreach (var c in surface)
        {
            if (NameText.IsCjk(c))
            {
                cjk++;
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c is '·' or '•')
            {
                dots++;
            }
            else if (char.IsAsciiLetter(c) || c is >= 'Ａ' and <= 'ｚ')
            {
                latin++;
            }
            else
            {
                punctuation++;
            }
        }

        features[f++] = span.Length;
        features[f++] = cjk == span.Length ? 1 : 0;
        features[f++] = digits;
        features[f++] = latin;
        features[f++] = dots;
        features[f++] = punctuation;

        // The gazetteer.
        var divisions = _gazetteer.Names.Lookup(surface);
        features[f++] = divisions.IsEmpty ? 0 : 1;
        features[f++] = divisions.IsEmpty ? -1 : (int)divisions.Min(d => d.Form);
        features[f++] = divisions.IsEmpty ? -1 : (int)divisions.Select(d => _gazetteer[d.Division].Level).Min();
        features[f++] = divisions.Length;
        var prefix = _gazetteer.Names.LongestPrefix(text, span.Start, span.End, 2, out _);
        features[f++] = prefix;
        features[f++] = prefix == span.Length ? 1 : prefix > 0 ? (float)prefix / span.Length : 0;
        features[f++] = candidate.Place is { Code: not null } ? 1 : 0;

        // The lexicons.
        var placeSuffix = Suffix(_lexicons.PlaceSuffixes, word);
        features[f++] = placeSuffix;
        features[f++] = placeSuffix > 0 ? (float)NameText.LevelOf(_lexicons.PlaceSuffixes.Column(word[^placeSuffix..], 0)) : -1;
        var orgSuffix = Suffix(_lexicons.OrgSuffixes, word);
        features[f++] = orgSuffix;
        var orgFlags = orgSuffix > 0 ? _lexicons.OrgSuffixes.Column(word[^orgSuffix..], 1) : "";
        features[f++] = orgSuffix > 0 ? (float)NameText.KindOf(_lexicons.OrgSuffixes.Column(word[^orgSuffix..], 0)) : -1;
        features[f++] = orgFlags.Contains('P', StringComparison.Ordinal) ? 1 : 0;
        features[f++] = orgFlags.Contains('S', StringComparison.Ordinal) ? 1 : 0;
        features[f++] = orgFlags.Contains('H', StringComparison.Ordinal) ? 1 : 0;
        features[f++] = orgFlags.Contains('A', StringComparison.Ordinal) ? 1 : 0;
        features[f++] = _lexicons.OrgSuffixes.Contains(word) || _lexicons.PlaceSuffixes.Contains(word) ? 1 : 0;
        features[f++] = GenericBeforeSuffix(word) ? 1 : 0;
        features[f++] = _lexicons.GenericHeads.Contains(word) ? 1 : 0;
        features[f++] = word[0] is '省' or '市' or '县' or '区' or '镇' or '乡' or '村' or '州' ? 1 : 0;
        features[f++] = _lexicons.OrgFixed.Contains(word) ? 1 : 0;
        features[f++] = _lexicons.Titles.Contains(word) ? 1 : 0;
        features[f++] = _lexicons.Titles.LongestEndingAt(text, span.Start);
        features[f++] = span.Start > 0 && document.Near(span).Any(o => o.Span.End == span.Start && o.Type == NameType.Organization && o.FromRules) ? 1 : 0;
        var follow = _lexicons.NameFollowWords.LongestAt(text, span.End);
        var followKind = follow > 0 ? _lexicons.NameFollowWords.Column(text.Substring(span.End, follow), 0) : "";
        features[f++] = followKind == "Q" ? 1 : 0;
        features[f++] = followKind == "E" ? 1 : 0;
        features[f++] = follow;
        features[f++] = _lexicons.Titles.LongestAt(text, span.End);
        features[f++] = NameText.BoundaryEndingAt(_lexicons, text, span.Start);
        features[f++] = _lexicons.BoundaryWords.LongestAt(text, span.Start);
        features[f++] = _lexicons.BoundaryWords.LongestEndingAt(text, span.End);
        features[f++] = document.Titles.Any(t => NameText.Within(span, t)) ? 1 : 0;

        // The surname rules.
        features[f++] = _surnames.SurnameLength(surface);
        features[f++] = _surnames.IsPlausibleName(surface) ? 1 : 0;
        features[f++] = span.Length is >= 2 and <= 4 && _isCommonWord(word) ? 1 : 0;
        features[f++] = span.Length >= 3 && _isCommonWord(word[..2]) ? 1 : 0;

        // A form of address, not a name (ANNOTATION.md's nicknames).
        features[f++] = candidate.Type == NameType.Person && NameText.IsFormOfAddress(surface, _surnames) ? 1 : 0;
        var evidence = candidate.PersonCandidate;
        features[f++] = evidence is null ? -1 : (int)evidence.Evidence;
        features[f++] = evidence is { SegmenterOnly: true } ? 1 : 0;
        features[f++] = evidence is { IsCommonWord: true } ? 1 : 0;
        features[f++] = evidence is { BoundedOnRight: true } ? 1 : 0;
        features[f++] = candidate.Person is { Roles.Length: > 0 } ? 1 : 0;

        // The edges.
        features[f++] = CharClass(span.Start > 0 ? text[span.Start - 1] : '\n');
        features[f++] = CharClass(span.End < text.Length ? text[span.End] : '\n');
        features[f++] = span.End < text.Length && text[span.End] == '的' ? 1 : 0;

        // The segmenter.
        features[f++] = document.TokenStarts[span.Start] ? 1 : 0;
        features[f++] = document.TokenEnds[span.End] ? 1 : 0;
        var first = document.TokenAt[span.Start];
        var last = document.TokenAt[span.End - 1];
        features[f++] = first >= 0 && last >= first ? last - first + 1 : 0;
        features[f++] = first >= 0 && first == last && document.Tokens[first].Start == span.Start && document.Tokens[first].End == span.End ? 1 : 0;

        // The suffix against the tokens: it opens a token (社区 in 劳动/一/坊/社区), and that token runs past the span
        // (小区业主, 社区服务: the segmenter glued the suffix to the next word, so the span's end is no token end).
        var suffixLength = Math.Max(placeSuffix, orgSuffix);
        var suffixOpens = suffixLength > 0 && document.TokenStarts[span.End - suffixLength];
        features[f++] = suffixOpens ? 1 : 0;
        features[f++] = suffixOpens && !document.TokenEnds[span.End] ? 1 : 0;

        // The document.
        var recurrence = document.Surfaces.GetValueOrDefault(word);
        features[f++] = MathF.Log(1 + recurrence);
        features[f++] = document.RuleSurfaces.Contains((word, candidate.Type)) ? 1 : 0;
        var given = candidate.Type == NameType.Person && span.Length >= 3 ? word[_surnames.SurnameLength(surface)..] : "";
        features[f++] = given.Length >= 2 ? MathF.Log(1 + document.Occurrences(given)) : 0;
        features[f++] = MathF.Log(1 + document.Occurrences(word));

        // The document's size: recurrence means one thing in a sentence and another in an article.
        features[f++] = MathF.Log(1 + text.Length);

        // The hand merge's verdict, one opinion among the others: it kept exactly this, this span as another type, a
        // span that crosses or holds this one, or one inside it.
        var (handKept, handOtherType, handAround, handInside) = HandMergeView(document, span, candidate.Type);
        features[f++] = handKept;
        features[f++] = handOtherType;
        features[f++] = handAround;
        features[f++] = handInside;

        // What the rule layer knew: a place's level and whether the suffix grammar (not the gazetteer) made it, an
        // organisation written as a sub-unit of the one before it.
        features[f++] = candidate.Place is { } place ? (int)place.Level : -1;
        features[f++] = candidate.Place is { Code: null, Form: null } ? 1 : 0;
        features[f++] = candidate.Organization is { Parent: not null } ? 1 : 0;

        // The words inside: a name is nouns and names; verbs, adverbs, prepositions and function words inside a span
        // are the mark of a boundary that ran too far (抢通受损道路, 继续探索特色育人路).
        var (functionTokens, nameTokens, nounTokens) = TokensInside(document, first, last);
        features[f++] = functionTokens;
        features[f++] = nameTokens;
        features[f++] = nounTokens;

        // Enumerations (东岗、建铁、并四社区): hypotheses of the same type right before or after, joined by 、 和 与 及.
        var (listed, listedByRules) = ListNeighbours(document, candidate);
        features[f++] = listed;
        features[f++] = listedByRules;

        // POS classes: of the first token, the token before and the token after.
        var before = span.Start > 0 ? document.TokenAt[span.Start - 1] : -1;
        var after = span.End < text.Length ? document.TokenAt[span.End] : -1;
        if (f != Fixed)
        {
            throw new InvalidOperationException($"Entity features wrote {f} fixed values, the layout has {Fixed}.");
        }

        features[f + PosClass(document, first)] = 1;
        features[f + PosClasses + PosClass(document, before)] = 1;
        features[f + (2 * PosClasses) + PosClass(document, after)] = 1;
    }

    private static (float Kept, float OtherType, float Around, float Inside) HandMergeView(Document document, TextSpan span, NameType type)
    {
        float kept = 0, otherType = 0, around = 0, inside = 0;
        foreach (var (other, keptType) in document.HandMergedOverlapping(span))
        {
            if (other == span)
            {
                kept = Math.Max(kept, keptType == type ? 1 : 0);
                otherType = Math.Max(otherType, keptType != type ? 1 : 0);
            }
            else if (NameText.Within(other, span))
            {
                inside = 1;
            }
            else
            {
                around = 1;
            }
        }

        return (kept, otherType, around, inside);
    }

    private static (float Listed, float ListedByRules) ListNeighbours(Document document, EntityCandidate candidate)
    {
        var text = document.Text;
        var span = candidate.Span;
        float listed = 0, byRules = 0;
        foreach (var other in document.Near(span))
        {
            if (other.Type != candidate.Type || ReferenceEquals(other, candidate))
            {
                continue;
            }

            var joined = (other.Span.End + 1 == span.Start && IsJoiner(text[other.Span.End]))
                || (span.End + 1 == other.Span.Start && IsJoiner(text[span.End]));
            if (joined)
            {
                listed++;
                byRules = Math.Max(byRules, other.FromRules ? 1 : 0);
            }
        }

        return (Math.Min(listed, 2), byRules);
    }

    private static (float Function, float Names, float Nouns) TokensInside(Document document, int first, int last)
    {
        float function = 0, names = 0, nouns = 0;
        for (var t = Math.Max(first, 0); first >= 0 && t <= last; t++)
        {
            switch (PosClass(document, t))
            {
                case 0 or 1 or 2 or 3:
                    names++;
                    break;
                case 4:
                    nouns++;
                    break;
                case 5 or 7 or 8 or 9 or 10 or 11:
                    function++;
                    break;
            }
        }

        return (function, names, nouns);
    }

    private static bool IsJoiner(char c) => c is '、' or '和' or '与' or '及';

    private static float Flag(CandidateSources sources, CandidateSources flag) => (sources & flag) != 0 ? 1 : 0;

    // The longest suffix from the table that ends the word and leaves a head before it (0 when none).
    private static int Suffix(WordTable suffixes, string word)
    {
        var length = suffixes.LongestEndingAt(word, word.Length);
        return length < word.Length ? length : 0;
    }

    // After stripping organisation or place suffixes from the end, what is left is or ends with a generic head (职工文化中心).
    private bool GenericBeforeSuffix(string word)
    {
        var end = NameText.HeadEnd(word, _lexicons.OrgSuffixes, _lexicons.PlaceSuffixes);
        return end < word.Length && _lexicons.GenericHeads.LongestEndingAt(word, end) > 0;
    }

    private static float CharClass(char c) => c switch
    {
        '\n' => 0,
        _ when NameText.IsCjk(c) => 1,
        _ when char.IsDigit(c) => 2,
        '“' or '"' or '《' or '「' => 3,
        '”' or '》' or '」' => 4,
        '、' => 5,
        '，' or ',' or '。' or '；' or ';' or '：' or ':' => 6,
        '(' or '（' => 7,
        ')' or '）' => 8,
        _ => 9,
    };

    // The POS tags that matter around names, in 16 classes (the last is "no token").
    private static int PosClass(Document document, int token)
    {
        if (token < 0)
        {
            return PosClasses - 1;
        }

        var tag = document.Tokens[token].Tag;
        return tag switch
        {
            "nr" or "nrfg" or "nrt" => 0,
            "ns" => 1,
            "nt" => 2,
            "nz" => 3,
            "n" or "ng" => 4,
            "v" or "vd" or "vg" => 5,
            "vn" => 6,
            "a" or "ad" or "an" => 7,
            "p" => 8,
            "c" => 9,
            "u" or "uj" or "ul" or "uz" or "ud" or "ug" or "uv" => 10,
            "m" or "mq" or "q" => 11,
            "f" or "s" or "t" => 12,
            "x" or "w" => 13,
            _ => 14,
        };
    }
}
