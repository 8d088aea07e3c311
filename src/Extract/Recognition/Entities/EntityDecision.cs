using Extract.Recognition.Names;
using Extract.Recognition.Tagging;
using Extract.Resources;

namespace Extract.Recognition.Entities;

/// <summary>
/// Stage 5, after the rule recognisers and the tagger (<see cref="EntityStrategy.Learned"/>): every (span, type) any
/// source proposed is scored by the entity-decision model, and the best set of non-overlapping hypotheses above the
/// model's threshold is kept (the most total probability above the threshold, by weighted interval scheduling). Kept
/// hypotheses carry what their rule mention knew (code, path, roles, kind); resolution describes the others like rule
/// mentions and adds the other occurrences of a kept name of three or more characters that no hypothesis claims
/// (<see cref="Mentions.Kept"/>).
/// A hypothesis that is exactly a name the user added with its type (<see cref="UserNames"/>) is kept as if it scored
/// 1.0, whatever the model's score, and wins over any other hypothesis it overlaps.
/// </summary>
internal sealed class EntityDecision : IRecognizer
{
    private readonly EntityDecisionModel _model;
    private readonly EntityCandidateFeatures _features;
    private readonly EntityMerger _handMerge;
    private readonly UserNames? _user;

    public EntityDecision(EntityDecisionModel model, EntityCandidateFeatures features, EntityMerger handMerge, UserNames? user = null)
    {
        _user = user;
        _model = model;
        _features = features;
        _handMerge = handMerge;
    }

    /// <summary>
    /// Every (span, type) any source proposed in <paramref name="found"/>, and the feature document over them, which
    /// holds what <paramref name="handMerge"/> (the <see cref="EntityStrategy.Merged"/> policy) kept: its verdict is one
    /// input of the decision, not the decision. Training builds its rows through the same call. Hypotheses that are
    /// exactly one of <paramref name="user"/>'s names are marked (not a feature: the model never sees the mark).
    /// </summary>
    public static (List<EntityCandidate> Candidates, EntityCandidateFeatures.Document Document) Hypotheses(
        EntityMerger handMerge, DocumentText document, Mentions found, CancellationToken cancellationToken, UserNames? user = null)
    {
        found = NestedPlaces.Decide(found);
        var candidates = EntityCandidates.Collect(found, document.Body, user);
        var kept = EntityMerger.Kept(handMerge.Recognize(document, found, cancellationToken), document.Body);
        return (candidates, new EntityCandidateFeatures.Document(document.Body, document.Tokens, candidates, kept));
    }

    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken)
    {
        var (candidates, featureDocument) = Hypotheses(_handMerge, document, found, cancellationToken, _user);
        var text = document.Body;
        IReadOnlyList<float> probabilities = _model.Score(_features, featureDocument, candidates, cancellationToken);
        var thresholds = _model.Thresholds(featureDocument, candidates);
        probabilities = ListedNames(text, candidates, probabilities, thresholds);
        probabilities = Vetoed(text, candidates, probabilities);
        probabilities = FixedNames(text, candidates, probabilities, thresholds, _features.Lexicons.OrgFixed);
        probabilities = FormerRoles(text, candidates, probabilities, thresholds);
        probabilities = NamePrefixes(text, candidates, probabilities, thresholds);
        var kept = SplitChains(Select(candidates, probabilities, thresholds), candidates);

        // No proposal stands on its own: the kept hypotheses are all there is (each with its rule mention, if any).
        return found with { Places = [], Organizations = [], People = [], Kept = new KeptNames([.. kept], Occurrences: true) };
    }

    /// <summary>The subset <see cref="Select(IReadOnlyList{EntityCandidate}, IReadOnlyList{float}, IReadOnlyList{float})"/> keeps with one threshold for every hypothesis.</summary>
    public static List<EntityCandidate> Select(IReadOnlyList<EntityCandidate> candidates, IReadOnlyList<float> probabilities, float threshold) =>
        Select(candidates, probabilities, [.. Enumerable.Repeat(threshold, candidates.Count)]);

    /// <summary>
    /// The subset of hypotheses with probability above their own threshold (<paramref name="thresholds"/>, one per
    /// hypothesis) that maximises the summed excess probability, in span order, where kept hypotheses do not overlap —
    /// except that places may sit inside a kept organisation (零陵区 in 零陵区税务局, as ANNOTATION.md counts them), chosen
    /// among themselves the same way. A user's name (<see cref="EntityCandidate.FromUser"/>) counts as probability 1.0 and
    /// is always kept where it overlaps no other user's name: each weighs more than all other hypotheses together.
    /// </summary>
    public static List<EntityCandidate> Select(IReadOnlyList<EntityCandidate> candidates, IReadOnlyList<float> probabilities, IReadOnlyList<float> thresholds)
    {
        if (candidates.Any(c => c.FromUser))
        {
            probabilities = [.. probabilities.Select((p, i) => candidates[i].FromUser ? 1f : p)];
        }

        var above = Enumerable.Range(0, candidates.Count).Where(i => candidates[i].FromUser || probabilities[i] > thresholds[i]).ToList();
        var places = above.Where(i => candidates[i].Type == NameType.Location).ToList();

        // An organisation is worth its own excess plus the best set of places inside it.
        var inner = new Dictionary<int, (double Value, List<int> Chosen)>();
        foreach (var i in above.Where(i => candidates[i].Type == NameType.Organization))
        {
            var span = candidates[i].Span;
            var inside = places.Where(p => NameText.Within(candidates[p].Span, span) && candidates[p].Span != span).ToList();
            inner[i] = Schedule(inside, candidates, probabilities, thresholds, _ => 0, _ => []);
        }

        var (_, chosen) = Schedule(above, candidates, probabilities, thresholds, i => inner.TryGetValue(i, out var v) ? v.Value : 0, i => inner.TryGetValue(i, out var v) ? v.Chosen : []);
        return [.. chosen.Select(i => candidates[i]).OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End)];
    }

    // Weighted interval scheduling over items (indices into candidates): the non-overlapping subset with the largest
    // sum of (probability − its threshold + bonus), a user's name weighing more than every other item together; chosen
    // items bring their nested choices along.
    private static (double Value, List<int> Chosen) Schedule(
        List<int> items, IReadOnlyList<EntityCandidate> candidates, IReadOnlyList<float> probabilities, IReadOnlyList<float> thresholds,
        Func<int, double> bonus, Func<int, List<int>> nested)
    {
        var sorted = items.OrderBy(i => candidates[i].Span.End).ThenBy(i => candidates[i].Span.Start).ToArray();
        double userWeight = candidates.Count + 1;
        var best = new double[sorted.Length + 1];
        var take = new bool[sorted.Length + 1];
        var previous = new int[sorted.Length + 1];
        for (var k = 1; k <= sorted.Length; k++)
        {
            var item = candidates[sorted[k - 1]];

            // The last item that ends at or before this one starts (items are sorted by end).
            var lo = 0;
            var hi = k - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (candidates[sorted[mid - 1]].Span.End <= item.Span.Start)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            previous[k] = lo;
            var with = best[lo] + (probabilities[sorted[k - 1]] - thresholds[sorted[k - 1]]) + bonus(sorted[k - 1]);
            if (item.FromUser)
            {
                with += userWeight;
            }

            take[k] = with > best[k - 1];
            best[k] = take[k] ? with : best[k - 1];
        }

        var chosen = new List<int>();
        for (var k = sorted.Length; k > 0;)
        {
            if (take[k])
            {
                chosen.Add(sorted[k - 1]);
                chosen.AddRange(nested(sorted[k - 1]));
                k = previous[k];
            }
            else
            {
                k--;
            }
        }

        return (best[sorted.Length], chosen);
    }

    /// <summary>
    /// A kept place that two or more divisions of the gazetteer tile end to end is replaced by them (甘肃兰州 → 甘肃, 兰州):
    /// ANNOTATION.md splits a chain into its atomic places, and the tagger reads a chain whole, as MSRA tags it. Each part
    /// lies inside the one before it, so a named place after a division (偃师商城, 邢台经济开发区) stays whole; so does a
    /// place the place rules propose whole: they split chains already, so what they propose is atomic. Training labels
    /// chains the same way (the tiles are the gold), but the model still keeps a chain the tagger reads with a large
    /// margin over short rule places that score low on their own (甘肃兰州 0.78 against 甘肃 0.03 on a GNE page).
    /// </summary>
    internal static List<EntityCandidate> SplitChains(List<EntityCandidate> kept, IReadOnlyList<EntityCandidate> candidates)
    {
        List<EntityCandidate>? split = null;
        Dictionary<int, List<EntityCandidate>>? divisions = null;
        for (var k = 0; k < kept.Count; k++)
        {
            if (kept[k] is { Type: NameType.Location } chain && (chain.Sources & CandidateSources.RulePlace) == 0
                && Tiles(chain.Span, divisions ??= DivisionsByStart(candidates)) is { Count: >= 2 } tiles)
            {
                split ??= kept.Take(k).ToList();
                split.AddRange(tiles);
            }
            else
            {
                split?.Add(kept[k]);
            }
        }

        return split ?? kept;
    }

    // The rule places of the division gazetteer (with a code: 甘肃, 兰州, not 文化广场) that cover span end to end without
    // gaps, each the longest starting where the last ended and lying inside the one before it (兰州 in 甘肃; not 商城县
    // after 偃师, nor a township named 经济开发区 in another province after 邢台), or null.
    private static List<EntityCandidate>? Tiles(TextSpan span, Dictionary<int, List<EntityCandidate>> divisions)
    {
        var tiles = new List<EntityCandidate>();
        for (var at = span.Start; at < span.End;)
        {
            EntityCandidate? next = null;
            foreach (var c in divisions.GetValueOrDefault(at) ?? [])
            {
                if (c.Place is { } place && c.Span.End <= span.End && c.Span != span && (next is null || c.Span.End > next.Span.End)
                    && (tiles.Count == 0 || place.Path.Contains(tiles[^1].Place!.Path[^1])))
                {
                    next = c;
                }
            }

            if (next is null)
            {
                return null;
            }

            tiles.Add(next);
            at = next.Span.End;
        }

        return tiles;
    }

    // The located division candidates (a place with a code and a path) by where they start, in candidate order: a chain
    // asks only those starting where its last tile ended, not every candidate of the document.
    private static Dictionary<int, List<EntityCandidate>> DivisionsByStart(IReadOnlyList<EntityCandidate> candidates) =>
        candidates.Where(c => c.Type == NameType.Location && c.Place is { Code: not null, Path.Length: > 0 })
            .GroupBy(c => c.Span.Start)
            .ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>
    /// <paramref name="probabilities"/> with the hypotheses no name can be (<see cref="NotNames"/>) set to 0: a surname
    /// and a title (冯警官, 李总), which ANNOTATION.md counts as no person.
    /// A user's name is kept all the same (<see cref="Select(IReadOnlyList{EntityCandidate}, IReadOnlyList{float}, IReadOnlyList{float})"/>).
    /// </summary>
    internal IReadOnlyList<float> Vetoed(string text, IReadOnlyList<EntityCandidate> candidates, IReadOnlyList<float> probabilities)
    {
        float[]? vetoed = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (probabilities[i] > 0 && c.Type == NameType.Person
                && NotNames.IsSurnameAndTitle(text.AsSpan(c.Span.Start, c.Span.Length), _features.Surnames, _features.Lexicons.Titles))
            {
                vetoed ??= [.. probabilities];
                vetoed[i] = 0;
            }
        }

        return vetoed ?? probabilities;
    }

    /// <summary>
    /// An organisation the rules propose that ends in a name of the fixed list (org-fixed.tsv: 国务院, 新华社, 财政部,
    /// 证监会), alone or after the place or level character the grammar joins to it (中国证监会, 市国资委), is kept: the list
    /// holds whole names of single bodies, and the model, which learned from sentences where the tagger knew most of them,
    /// scores a bare one the tagger never saw (住建部, 证监会, renamed or formed after its 1998 newswire) low. Not when the
    /// model keeps a longer body around it (七届全国人大).
    /// </summary>
    internal static IReadOnlyList<float> FixedNames(string text, IReadOnlyList<EntityCandidate> candidates, IReadOnlyList<float> probabilities, IReadOnlyList<float> thresholds, WordTable fixedNames)
    {
        float[]? raised = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Type == NameType.Organization && (c.Sources & CandidateSources.RuleOrganization) != 0
                && probabilities[i] <= thresholds[i] && EndsInFixedName(text, c.Span, fixedNames)
                && !InsideKeptOrganization(candidates, probabilities, thresholds, c.Span))
            {
                raised ??= [.. probabilities];
                raised[i] = thresholds[i] + 0.01f;
            }
        }

        return raised ?? probabilities;
    }

    // 七届全国人大, 全国人大常委会: a longer body the model keeps around the fixed name is the better reading.
    private static bool InsideKeptOrganization(IReadOnlyList<EntityCandidate> candidates, IReadOnlyList<float> probabilities, IReadOnlyList<float> thresholds, TextSpan span)
    {
        for (var k = 0; k < candidates.Count; k++)
        {
            var o = candidates[k];
            if (o.Type == NameType.Organization && probabilities[k] > thresholds[k] && o.Span.Start <= span.Start && o.Span.End >= span.End
                && o.Span.Length > span.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsInFixedName(string text, TextSpan span, WordTable fixedNames)
    {
        for (var start = span.Start; start <= span.End - 2; start++)
        {
            if (fixedNames.LongestAt(text, start) == span.End - start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A rule organisation followed by 原 (former) that the tagger reads on through it (辽宁省政协原党组 in
    /// 辽宁省政协原党组副书记) is kept, and the tagger's longer reading is not: 原 opens the role that follows, so the
    /// body ends before it (corpus/real-dev's gold lists 辽宁省政协 and 江西省人大常委会 there, with 原党组副书记 as the role).
    /// </summary>
    internal static IReadOnlyList<float> FormerRoles(string text, IReadOnlyList<EntityCandidate> candidates, IReadOnlyList<float> probabilities, IReadOnlyList<float> thresholds)
    {
        float[]? changed = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var r = candidates[i];
            if (r.Type != NameType.Organization || (r.Sources & CandidateSources.RuleOrganization) == 0
                || r.Span.End >= text.Length || text[r.Span.End] != '原')
            {
                continue;
            }

            for (var k = 0; k < candidates.Count; k++)
            {
                var t = candidates[k];
                if (t.Type == NameType.Organization && t.Sources == CandidateSources.Tagger && t.Span.Start <= r.Span.Start
                    && t.Span.End > r.Span.End)
                {
                    changed ??= [.. probabilities];
                    changed[k] = 0;
                    changed[i] = Math.Max(changed[i], thresholds[i] + 0.01f);
                }
            }
        }

        return changed ?? probabilities;
    }

    /// <summary>
    /// <paramref name="probabilities"/> with 0 for a place that opens the name of an organisation above its threshold and
    /// is a place of the world list rather than a division or a grammar place (a country, with no code but a path of its
    /// own: 中国 in 中国农业银行常德分行): part of the body's proper name, not a place the text names. The gold of corpus/entities never counts one (中国共产党, 中国人寿财险…,
    /// 中国工商银行…), nor that of the GNE pages; ANNOTATION.md's places inside a body (莲湖区 in 莲湖区…社区党委) are
    /// divisions and stay, and so does a country before a periodical's title (英国《泰晤士报》): the name starts at 《.
    /// </summary>
    internal static IReadOnlyList<float> NamePrefixes(string text, IReadOnlyList<EntityCandidate> candidates, IReadOnlyList<float> probabilities, IReadOnlyList<float> thresholds)
    {
        float[]? dropped = null;
        List<TextSpan>? bodies = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Type != NameType.Location || c.FromUser || c.Place is not { Level: PlaceLevel.Other, Code: null or "", Path.Length: > 0 }
                || probabilities[i] <= thresholds[i] || (c.Span.End < text.Length && text[c.Span.End] == '《'))
            {
                continue;
            }

            bodies ??= [.. Enumerable.Range(0, candidates.Count)
                .Where(k => candidates[k].Type == NameType.Organization && probabilities[k] > thresholds[k])
                .Select(k => candidates[k].Span)];
            if (bodies.Any(b => b.Start == c.Span.Start && b.End > c.Span.End))
            {
                dropped ??= [.. probabilities];
                dropped[i] = 0;
            }
        }

        return dropped ?? probabilities;
    }

    /// <summary>
    /// A person that both the rule recogniser and the tagger propose on the same span, with another person hypothesis
    /// straight before and after it (touching, or across 、, a space or a short bracketed note such as （女）), is kept:
    /// it stands in a list of names. The model scores such lists low when the names run together without separators
    /// (a committee list whose cells were lost in crawling): on the MSRA test set 114 more names were kept this way, all
    /// of them right, and nothing changed on corpus/entities, the seeds, the GNE pages or the CLUENER dev set.
    /// </summary>
    internal static IReadOnlyList<float> ListedNames(string text, IReadOnlyList<EntityCandidate> candidates, IReadOnlyList<float> probabilities, IReadOnlyList<float> thresholds)
    {
        const CandidateSources both = CandidateSources.RulePerson | CandidateSources.Tagger;
        float[]? raised = null;
        var people = candidates.Where(c => c.Type == NameType.Person).ToList();
        var starts = people.Select(p => p.Span.Start).ToHashSet();
        var ends = people.Select(p => p.Span.End).ToHashSet();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Type == NameType.Person && (c.Sources & both) == both && probabilities[i] <= thresholds[i] && InList(text, starts, ends, c))
            {
                raised ??= [.. probabilities];
                raised[i] = thresholds[i] + 0.01f;
            }
        }

        return raised ?? probabilities;
    }

    /// <summary>
    /// True when person hypotheses start right after <paramref name="c"/> and end right before it (<paramref name="starts"/>
    /// and <paramref name="ends"/> of every person hypothesis; <paramref name="c"/> itself can match neither side).
    /// </summary>
    private static bool InList(string text, HashSet<int> starts, HashSet<int> ends, EntityCandidate c)
    {
        static int Skip(string text, int k, int dir)
        {
            // Over a separator (、, spaces) or a bracketed note (（女）) of up to 8 characters.
            if (dir > 0)
            {
                while (k < text.Length && (text[k] is '、' or ' ' or '\u3000' or '\t'))
                {
                    k++;
                }

                if (k < text.Length && text[k] is '（' or '(')
                {
                    var close = text.IndexOfAny(['）', ')'], k, Math.Min(10, text.Length - k));
                    if (close > k && close - k <= 9)
                    {
                        k = close + 1;
                    }
                }

                return k;
            }

            while (k > 0 && (text[k - 1] is '、' or ' ' or '\u3000' or '\t'))
            {
                k--;
            }

            if (k > 0 && text[k - 1] is '）' or ')')
            {
                var open = text.LastIndexOfAny(['（', '('], k - 1, Math.Min(10, k));
                if (open >= 0 && k - 1 - open <= 9)
                {
                    k = open;
                }
            }

            return k;
        }

        var after = Skip(text, c.Span.End, 1);
        var before = Skip(text, c.Span.Start, -1);
        return (ends.Contains(before) || ends.Contains(c.Span.Start)) && (starts.Contains(after) || starts.Contains(c.Span.End));
    }
}
