using System.Text.RegularExpressions;

namespace Extract.Recognition.Achievements;

/// <summary>
/// Article-wide context for the actor ranker's candidates (layout version 2, features 52 onwards): how each name is used
/// across the article (as a clause subject, as a location after 在/到, as a modifier before 的 or another name, as a
/// speaker), when it was first and last named, what its name ends with (an administrative place, a party cell, a team),
/// whether a unit or team holding its name is in scope, and the subject the previous paragraph ended on. Built once per
/// document in one pass over the names (binary searches after), so a long body costs its names once.
/// </summary>
internal sealed partial class ActorResolver
{
    /// <summary>How the article uses one name: mentions, as a clause subject, as a location, as a modifier, as a speaker; its first-mention rank; where it is named.</summary>
    private sealed record NameUse(int Mentions, int Subjects, int Locatives, int Modifiers, int Speakers, int FirstRank, List<int> Starts, bool Organization);

    /// <summary>
    /// At most this many of the article's bodies become candidates beyond the quantity's paragraph: the most named ones,
    /// in first-mention order. No corpus article names more than 22 organisations; a list of 1,500 donors gave every
    /// quantity 1,500 candidates, each compared with every other (25.6 s for 18,000 characters).
    /// </summary>
    private const int MaxArticleBodies = 32;

    private Dictionary<string, NameUse>? _uses;
    private List<string>? _articleBodies;
    private string?[]? _paragraphEnds;
    private bool[]? _paragraphEndsDone;

    /// <summary>Features 52 onwards of a named candidate (see the type's summary); <paramref name="names"/> are all the candidates' names.</summary>
    private void ContextFeatures(float[] f, string name, TextSpan quantity, int paragraphIndex, List<string?> names, List<string> ranked)
    {
        var uses = Uses();
        var use = uses.GetValueOrDefault(name);
        var mentions = use?.Mentions ?? 0;
        f[52] = AdministrativePlaceRegex().IsMatch(name) ? 1 : 0;
        f[53] = PartyCellRegex().IsMatch(name) ? 1 : 0;
        f[54] = UnitTeamRegex().IsMatch(name) ? 1 : 0;
        f[55] = (float)Math.Log(1 + (use?.Subjects ?? 0));
        f[56] = mentions == 0 ? 0 : (float)use!.Subjects / mentions;
        f[57] = mentions == 0 ? 0 : (float)use!.Locatives / mentions;
        f[58] = mentions == 0 ? 0 : (float)use!.Modifiers / mentions;
        f[59] = mentions == 0 ? 0 : (float)use!.Speakers / mentions;
        f[60] = use?.FirstRank ?? 50;

        // Paragraphs since the name was last named before the quantity (0: this paragraph; 30: never before it).
        var since = 30;
        if (use is not null)
        {
            var index = use.Starts.BinarySearch(quantity.Start);
            var last = (index < 0 ? ~index : index) - 1;
            if (last >= 0)
            {
                since = Math.Min(30, paragraphIndex - ParagraphStartingAtOrBefore(use.Starts[last]));
            }
        }

        f[61] = since;

        // Team and host: a unit or team whose name holds this one is named in scope (its distance rank), or this name
        // holds a shorter candidate that is the article's topic.
        var unitRank = (float)MaxMentionsBefore;
        var holdsTopic = 0f;
        foreach (var other in names)
        {
            if (other is null || other.Length <= name.Length)
            {
                if (other is not null && other.Length < name.Length && other == _topic && name.Contains(other, StringComparison.Ordinal))
                {
                    holdsTopic = 1;
                }

                continue;
            }

            if (other.Contains(name, StringComparison.Ordinal) && ranked.IndexOf(other) is var rank and >= 0)
            {
                unitRank = Math.Min(unitRank, rank);
            }
        }

        f[62] = unitRank;
        f[63] = holdsTopic;
        f[64] = paragraphIndex > 0 && ParagraphLast(paragraphIndex - 1) == name ? 1 : 0;
    }

    /// <summary>
    /// The article's organisations (as first named) and the places it makes the subject of a clause (a county that
    /// dispatches cadres), in first-mention order: candidates however far from the quantity they are named.
    /// </summary>
    private List<string> ArticleBodies()
    {
        if (_articleBodies is not null)
        {
            return _articleBodies;
        }

        var bodies = Uses().Where(u => u.Value.Organization || (u.Value.Subjects > 0 && AdministrativePlaceRegex().IsMatch(u.Key)))
            .Select((u, order) => (u.Key, u.Value.Mentions, Order: order))
            .ToList();
        if (bodies.Count > MaxArticleBodies)
        {
            bodies = [.. bodies.OrderByDescending(b => b.Mentions).ThenBy(b => b.Order).Take(MaxArticleBodies).OrderBy(b => b.Order)];
        }

        return _articleBodies = [.. bodies.Select(b => b.Key)];
    }

    /// <summary>Each name's use across the article, built on first call.</summary>
    private Dictionary<string, NameUse> Uses()
    {
        if (_uses is not null)
        {
            return _uses;
        }

        var uses = new Dictionary<string, NameUse>(StringComparer.Ordinal);
        foreach (var reference in _references)
        {
            if (reference.Name is not { } name || reference.Kind == ReferenceKind.Pronoun)
            {
                continue;
            }

            var clauseStart = LastBreak(ClauseBreaks, reference.Start);
            var tail = _body.AsSpan(reference.End, Math.Min(6, _body.Length - reference.End));
            var lead = _body.AsSpan(Math.Max(0, reference.Start - 3), Math.Min(3, reference.Start));
            var next = FirstReference(reference.End);
            var modifier = tail.StartsWith("的") || (next < _references.Count && _references[next].Start == reference.End);
            var speaker = reference.Kind == ReferenceKind.Person && IsSpeaker(reference);
            var subject = !modifier && !speaker && HeadOfClause(clauseStart, reference.Start);
            var locative = lead.Contains('在') || LocativeRegex().IsMatch(lead);
            if (!uses.TryGetValue(name, out var use))
            {
                use = new NameUse(0, 0, 0, 0, 0, uses.Count, [], reference.Kind == ReferenceKind.Body && !reference.IsPlace);
            }

            use.Starts.Add(reference.Start);
            uses[name] = use with
            {
                Mentions = use.Mentions + 1,
                Subjects = use.Subjects + (subject ? 1 : 0),
                Locatives = use.Locatives + (locative ? 1 : 0),
                Modifiers = use.Modifiers + (modifier ? 1 : 0),
                Speakers = use.Speakers + (speaker ? 1 : 0),
            };
        }

        return _uses = uses;
    }

    /// <summary>The index of the last paragraph starting at or before <paramref name="position"/> (binary search over the paragraph starts; 0 when there are none).</summary>
    private int ParagraphStartingAtOrBefore(int position)
    {
        if (_paragraphs.IsDefaultOrEmpty)
        {
            return 0;
        }

        return Math.Max(0, SortedSearch.FirstAtLeast(_paragraphs.AsSpan(), position + 1, static p => p.Start) - 1);
    }

    /// <summary>The resolved subject of the last sentence of paragraph <paramref name="index"/> that has one (the subject a next paragraph carries over), else null.</summary>
    private string? ParagraphLast(int index) =>
        PerParagraph(ref _paragraphEnds, ref _paragraphEndsDone, index, static (resolver, paragraph) =>
        {
            for (var end = paragraph.End; end > paragraph.Start;)
            {
                var start = Math.Max(paragraph.Start, resolver.LastBreak(SentenceBreaks, end - 1));
                if (resolver.SentenceSubject(start, end) is { } subject && resolver.Resolve(subject, depth: 1) is { } resolved)
                {
                    return resolved;
                }

                end = start - 1;
            }

            return null;
        });

    /// <summary>Names ending in an administrative level (a place that can act as a body: 泌阳县选派干部).</summary>
    [GeneratedRegex(@"(?:省|市|县|区|镇|乡|村|街道|社区|州|旗|盟)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AdministrativePlaceRegex();

    /// <summary>Party cells (a body's committee or branch).</summary>
    [GeneratedRegex(@"(?:党委|党工委|党总支|党支部|支部|党组)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PartyCellRegex();

    /// <summary>Teams and working units (a team of its organisation).</summary>
    [GeneratedRegex(@"(?:队|小组|组|专班|工作室|小分队)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnitTeamRegex();
}
