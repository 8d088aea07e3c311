using Extract.Recognition.Names;
using Extract.Resources;

namespace Extract.Recognition.Places;

/// <summary>A place below township level found by the grammar: a proper-name head + a suffix (社区, 小区, 路, 南站 …).</summary>
internal sealed record GrammarPlace(TextSpan Span, PlaceLevel Level, bool AbsorbsGazetteerName);

/// <summary>
/// The grammar for places below township level: a proper-name head (CJK characters back to a boundary word, a
/// punctuation mark or an administrative name) followed by a suffix from the place-suffix lexicon. Administrative
/// names end a head, so chains split into atomic places; venue suffixes keep a leading place name (驻马店南站).
/// </summary>
internal sealed class PlaceGrammar
{
    private const int MaxHead = 8;

    // A one-character suffix followed by one of these is part of another word (村民, 乡镇, 街头, 路口, 路障, 路面, 路灯).
    private const string Continuations = "民委干级里落务长子头口上下边镇村乡坊区线费况人办障面灯";

    // Characters a place head never runs past (驻, 住, 到: the verb before a location).
    private const string HeadStops = "市县省区镇乡驻住到往赴至入回去个";

    // Measure words and time words that follow a number and are not part of a name (19名, 30日晚).
    private const string AfterNumber = "名个位日月年时号晚早点次户人";

    private readonly EntityLexicons _lexicons;

    public PlaceGrammar(EntityLexicons lexicons) => _lexicons = lexicons;

    public List<GrammarPlace> Find(string text, IReadOnlyList<GazetteerMatch> gazetteer, CancellationToken cancellationToken)
    {
        var endsOfNames = new Dictionary<int, GazetteerMatch>();
        foreach (var match in gazetteer)
        {
            endsOfNames[match.Span.End] = match;
        }

        var found = new List<GrammarPlace>();
        var suffixes = _lexicons.PlaceSuffixes;
        for (var i = 1; i < text.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var length = suffixes.LongestAt(text, i);
            if (length == 0)
            {
                continue;
            }

            var suffix = text.Substring(i, length);
            var end = i + length;
            // (A doubled suffix is no continuation: in 云峰村村委 the place is the first 村.)
            if (length == 1 && end < text.Length && Continuations.Contains(text[end], StringComparison.Ordinal) && text[end] != text[i])
            {
                continue;
            }

            // A one-character suffix that ends a word of its own (检修线路, 法官进村, 今年全镇, 脱贫村) is no place's
            // suffix, nor is the second of a doubled one (云峰村村委).
            if (length == 1 && (_lexicons.NotPlaceTails.LongestEndingAt(text, end) > 0 || text[i - 1] == text[i]))
            {
                continue;
            }

            // 兵分三路, 分两路: the idiom of splitting up, not a road.
            if (suffix == "路" && i >= 2 && text[i - 2] == '分' && "一二两三四五六七八九几多".Contains(text[i - 1], StringComparison.Ordinal))
            {
                continue;
            }

            var venue = suffixes.Column(suffix, 1).Contains('V', StringComparison.Ordinal);
            var (start, absorbs) = HeadStart(text, i, venue, endsOfNames);
            while (start < i && start > 0 && char.IsDigit(text[start - 1]) && AfterNumber.Contains(text[start], StringComparison.Ordinal))
            {
                start++;
            }

            var generic = _lexicons.GenericHeads.LongestAt(text, start);
            if (generic > 0 && generic < i - start)
            {
                start += generic;
            }

            var head = text[start..i];
            if (head.Length < 2 || _lexicons.GenericHeads.Contains(head) || StartsGeneric(head))
            {
                continue;
            }

            var level = NameText.LevelOf(suffixes.Column(suffix, 0));
            found.Add(new GrammarPlace(new TextSpan(start, end), level, absorbs));
            AddCoordinatedHeads(text, start, level, found);
        }

        return found;
    }

    // 东岗、建铁和并四社区: heads coordinated before a suffixed place share its suffix and level.
    private void AddCoordinatedHeads(string text, int start, PlaceLevel level, List<GrammarPlace> found)
    {
        var i = start;
        while (i >= 3 && text[i - 1] is '和' or '、' or '及' or '与')
        {
            var end = i - 1;
            var s = end;
            while (s > 0 && end - s < 4 && NameText.IsCjk(text[s - 1]) && NameText.BoundaryEndingAt(_lexicons, text, s) == 0 && text[s - 1] is not ('和' or '、' or '及' or '与'))
            {
                s--;
            }

            var head = text[s..end];
            if (head.Length < 2 || _lexicons.GenericHeads.Contains(head) || StartsGeneric(head) || (s > 0 && NameText.IsCjk(text[s - 1]) && NameText.BoundaryEndingAt(_lexicons, text, s) == 0 && text[s - 1] is not '、'))
            {
                break;
            }

            found.Add(new GrammarPlace(new TextSpan(s, end), level, false));
            i = s;
        }
    }


    private bool StartsGeneric(string head) =>
        head[0] is '各' or '该' or '本' or '每' or '此' or '这' or '那' or '某' or '多' or '个' || char.IsDigit(head[0]);

    private (int Start, bool Absorbs) HeadStart(string text, int suffixStart, bool venue, Dictionary<int, GazetteerMatch> endsOfNames)
    {
        var i = suffixStart;
        var absorbs = false;
        while (i > 0 && suffixStart - i < MaxHead)
        {
            if (endsOfNames.TryGetValue(i, out var name))
            {
                // An administrative name ends the head (a chain splits there), except before a venue suffix.
                if (!venue)
                {
                    break;
                }

                absorbs = true;
                i = name.Span.Start;
                break;
            }

            var c = text[i - 1];
            if (!NameText.IsCjk(c) || HeadStops.Contains(c, StringComparison.Ordinal))
            {
                break;
            }

            // A road or compound suffix inside the head belongs to it (神舟六路社区, 竹城花园小区, 瓦胡同社区).
            var inner = _lexicons.PlaceSuffixes.LongestEndingAt(text, i);
            if (inner >= 2 || (inner == 1 && i - 1 > 0 && NameText.IsCjk(text[i - 2]) && NameText.BoundaryEndingAt(_lexicons, text, i) == 0))
            {
                i -= inner;
                continue;
            }

            if (NameText.BoundaryEndingAt(_lexicons, text, i) > 0)
            {
                break;
            }

            i--;
        }

        return (i, absorbs);
    }
}
