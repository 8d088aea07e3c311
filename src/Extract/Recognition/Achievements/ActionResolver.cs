using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Resources;
using Extract.Tokens;

namespace Extract.Recognition.Achievements;

/// <summary>
/// The action of an achievement (ANNOTATION.md "Achievements", corpus/entities/ACTORS.md): the verb governing the
/// quantity and its object as written, shortest form. Before the number: from the governing verb (after adverbials, the
/// subject and a prepositional phrase: 为独居老人送药送菜 → 送药送菜) to the number; a light verb before an activity gives
/// the activity (完成核酸采样 → 核酸采样); a helper verb + N people + a verb phrase gives the inner verb phrase
/// (带动186户农户入社 → 入社); 上门 / 入户 before an object is dropped. A number that opens its clause takes the verb
/// phrase after it (860余名党员干部下沉零陵 → 下沉零陵). Null when no verb governs the quantity.
/// </summary>
internal static partial class ActionResolver
{
    private const int MaxLength = 16;

    /// <summary>
    /// The action for the quantity at <paramref name="quantity"/>; <paramref name="window"/> runs from the clause start (or the
    /// previous quantity) to the number; <paramref name="continuesList"/> when the previous clause or phrase ended with an achievement;
    /// a word inside one of <paramref name="names"/> is read as a noun (编织 in 编织农民专业合作社 governs nothing).
    /// </summary>
    public static string? Action(DocumentText document, TextSpan window, TextSpan quantity, TextSpan clause, int nextQuantityStart, bool continuesList, NamedSpans? names = null)
    {
        var tokens = document.Tokens;
        if (tokens.IsDefaultOrEmpty)
        {
            return AchievementContext.Action(document, window, quantity, clause);
        }

        var body = document.Body;
        if (YieldRegex().IsMatch(body.AsSpan(window.Start, quantity.Start - window.Start)))
        {
            return null; // 预计产量N吨, 人均月收入N元: income, output and forecasts measure no action (ACTORS.md action 6)
        }

        if (clause.Start > 1 && ValueRegex().IsMatch(body.AsSpan(clause.Start, quantity.Start - clause.Start)) && GivingVerb(document, clause.Start - 1, names) is { } given)
        {
            return given; // 送来饮用水、方便食品等物资，折合资金52万元: the value of goods takes the giving verb (ACTORS.md action 7)
        }

        var before = Tokens(tokens, window.Start, quantity.Start, read: true, names);

        // （简称“X”）调来挖掘机6台: what a parenthesis says (a short name, a gloss) governs nothing; the verb is after it.
        var closed = before.FindLastIndex(t => t.Word is "）" or ")");
        if (closed >= 0)
        {
            before = before[(closed + 1)..];
        }
        var afterEnd = Math.Min(clause.End, nextQuantityStart);
        var after = Tokens(tokens, quantity.End, afterEnd, read: true, names);
        var start = GoverningVerb(before);
        if (before.Count > 0 && before[^1].Tag == "p" && !AgentPrepositionRegex().IsMatch(before[^1].Word) && AfterPhrase(after) is var phraseVerb and >= 0)
        {
            // 义务为13个滞留学生送餐上门 / 从110个市直单位…的党员中选派: the number counts the object of a preposition, so the
            // verb after the phrase (after its localiser, else after the counted noun) is the action.
            return Shorten(body[after[phraseVerb].Start..afterEnd]);
        }

        if (start is null && continuesList && window.Start > clause.Start && ListVerb(document, new TextSpan(clause.Start, window.Start), names) is { } listed)
        {
            // 发放垃圾桶2300套、宣传折页4000余份: a list item with no verb of its own takes the verb of the list (发放);
            // with no object of its own either (组建防汛抢险队伍28支、1600余人) it counts the same object: verb and object.
            return before.Any(t => t.Tag.StartsWith('n') || t.Tag is "vn" or "j" or "l") ? listed.Verb : listed.Phrase;
        }

        if (start is null && continuesList && Shorten(body[window.Start..quantity.Start]) is { Length: >= 2 and <= 8 } phrase && !phrase.Contains('、'))
        {
            // The tagger missed the verb (张贴/nr 宣传海报): a short phrase before the number is the action as written.
            return HoldRegex().IsMatch(phrase) ? null : phrase;
        }

        if (start is null)
        {
            // The number opens the clause (or follows only its subject): the verb phrase after it.
            var verbalMeasure = VerbalMeasureRegex().IsMatch(body[quantity.Start..quantity.End]);
            var verb = VerbAfter(after, verbalMeasure);
            if (verb < 0 && afterEnd < clause.End)
            {
                // 34名志愿者24小时值班值守: another number (a duration) stands between the people counted and their verb.
                var rest = Tokens(tokens, afterEnd, clause.End, read: true, names);
                var later = rest.FindIndex(IsVerb);
                return later < 0 ? null : Shorten(body[rest[later].Start..clause.End]);
            }

            if (verb < 0)
            {
                return null;
            }

            // 14名志愿者结对帮扶X学校的25个班级: the object holds the next number, which counts its head: the verb alone.
            var verbPhrase = body[after[verb].Start..afterEnd];
            var verbRun = verb;
            while (verbRun + 1 < after.Count && IsVerb(after[verbRun + 1]))
            {
                verbRun++; // 结对 帮扶: the verbs in a row are the verb
            }

            return afterEnd < clause.End && verbPhrase.IndexOf('的', after[verbRun].End - after[verb].Start) > 0
                ? Shorten(body[after[verb].Start..after[verbRun].End])
                : Shorten(verbPhrase);
        }

        var (index, helper) = start.Value;
        if (before[^1].Word == "由" && VerbAfter(after, false) is var formed and >= 0)
        {
            // 组建了由23名党员组成的突击队: the number counts the members that 由…组成 names; the verb after them is the action.
            return Shorten(body[after[formed].Start..after[formed].End]);
        }

        if (HoldRegex().IsMatch(before[index].Word))
        {
            return null; // 有队员156名: a description, not an action
        }

        if (helper)
        {
            // 组织1492人次累计值守 / 带动186户农户入社: the verb phrase after the people counted.
            var inner = VerbAfter(after, VerbalMeasureRegex().IsMatch(body[quantity.Start..quantity.End]));
            if (inner >= 0)
            {
                return Shorten(body[after[inner].Start..afterEnd]);
            }
        }

        // 结对帮扶X学校的25个班级: the number counts the head of a modified object, so the verb alone is the action. So does
        // an enumerated object that the number sums up (下设A、B、C等3个小组 → 下设; but 建成A、B等功能室N个 keeps its object);
        // after a light verb the enumeration is the activity itself (开展A、B等18项活动).
        var governed = body[before[index].Start..quantity.Start];
        var verbEnd = before[index].End - before[index].Start;
        var light = index > 0 && LightRegex().IsMatch(before[index - 1].Word);
        // Without 等, an enumeration the number sums up is one whose counted noun follows the number (下设A、B、C3个工作组 → 下设;
        // 更换插座、开关300个 keeps its object: the number counts the items listed).
        var countsHead = after.Count > 0 && after[0].Tag.StartsWith('n') && !governed.Contains('等');
        var enumerated = !light && governed.IndexOf('、', verbEnd) > 0 && (governed.TrimEnd().EndsWith('等') || countsHead);
        // 派出零陵大队12名志愿者: the object before the number is a body's name, which the number's people belong to: the verb alone.
        var namedObject = names is not null && index + 1 < before.Count
            && names.InName(new TextSpan(before[index + 1].Start, before[^1].End));
        return governed.IndexOf('的', verbEnd) > 0 || enumerated || namedObject ? Shorten(governed[..verbEnd]) : Shorten(governed);
    }

    /// <summary>The class of the verb that governs the number before it: 0 none, 1 helper, 2 light, 3 having, 4 approach, 5 other.</summary>
    public static int VerbClass(DocumentText document, TextSpan window, TextSpan quantity)
    {
        if (document.Tokens.IsDefaultOrEmpty)
        {
            return 0;
        }

        // The dictionary's tags as they are: this class is a feature of the learned achievement decision, trained on them.
        var before = Tokens(document.Tokens, window.Start, quantity.Start, read: false);
        if (GoverningVerb(before, refined: false) is not { } verb)
        {
            return 0;
        }

        var word = before[verb.Index].Word;
        return verb.Helper ? 1
            : verb.Index > 0 && LightRegex().IsMatch(before[verb.Index - 1].Word) ? 2
            : HoldRegex().IsMatch(word) ? 3
            : verb.Index > 0 && ApproachRegex().IsMatch(before[verb.Index - 1].Word) ? 4
            : 5;
    }

    /// <summary>
    /// The index of the verb that governs the number among the tokens before it, and whether it is a helper verb
    /// taking the counted people as its object: the first verb after the last preposition's noun phrase, with light
    /// verbs (完成, 开展) and helpers (协助, 组织) followed by another verb skipped.
    /// </summary>
    private static (int Index, bool Helper)? GoverningVerb(List<WordToken> before, bool refined = true)
    {
        var from = 0;
        for (var i = before.Count - 1; i >= 0; i--)
        {
            if (before[i].Tag == "p" && !AgentPrepositionRegex().IsMatch(before[i].Word))
            {
                // 为独居老人送药送菜: the verb after the preposition's object.
                // 从请缨的党员中选派: a localiser closes the phrase; else its first noun does.
                var localiser = before.FindIndex(i + 1, t => t.Tag == "f");
                var noun = before.FindIndex(i + 1, t => t.Tag.StartsWith('n') || t.Tag is "r" or "j" or "l");
                from = localiser >= 0 ? localiser + 1 : noun < 0 ? before.Count : noun + 1;
                break;
            }
        }

        // 用电 已 累计 服务农户: an adverb of the predicate (累计, 共, 已, 先后) opens the verb phrase; a verb before it belongs to the
        // subject or topic, so the governing verb is sought after the last such adverb that a verb follows.
        for (var i = before.Count - 2; refined && i >= from; i--)
        {
            if (MarkerRegex().IsMatch(before[i].Word) && before.FindIndex(i + 1, t => IsVerb(t) || t.Tag == "vn") >= 0)
            {
                from = i + 1;
                break;
            }
        }

        // 从…请缨的党员中选派: a localiser closes a phrase whose verbs qualify its noun; the verb after it governs.
        for (var i = before.Count - 2; refined && i >= from; i--)
        {
            if (before[i].Tag == "f" && LocaliserRegex().IsMatch(before[i].Word) && before.FindIndex(i + 1, IsVerb) >= 0)
            {
                from = i + 1;
                break;
            }
        }

        for (var i = from; i < before.Count; i++)
        {
            var token = before[i];
            if (!IsVerb(token) || AdverbialRegex().IsMatch(token.Word) || OriginRegex().IsMatch(token.Word))
            {
                continue; // 来自X的48名女工同台竞技: 来自 qualifies the people counted; the verb phrase after them is the action
            }

            var nextVerb = before.FindIndex(i + 1, IsVerb);
            if (refined && nextVerb >= 0 && IsManner(before, i))
            {
                continue; // 背着消毒设备开展消杀工作: a V着 verb is the manner of the verb after it
            }

            if (HelperRegex().IsMatch(token.Word))
            {
                if (nextVerb >= 0)
                {
                    continue;
                }

                return (i, true);
            }

            if (LightRegex().IsMatch(token.Word) && i + 1 < before.Count)
            {
                // 完成核酸采样 → 核酸采样; 完成 alone before the number stays (已完成11项 → 完成).
                return (i + 1, false);
            }

            if (ApproachRegex().IsMatch(token.Word) && nextVerb >= 0)
            {
                continue; // 上门采集核酸 → 采集核酸
            }

            return (i, false);
        }

        return NominalisedVerb(before, from, refined);
    }

    /// <summary>
    /// No verb-tagged word: a verbal noun whose object runs up to the number (共检查/vn 营运车辆 210辆, 服务/vn 群众 760人次),
    /// found from the number backwards over nouns and modifiers only, so a verbal noun heading the subject (活动/vn 共…) is not taken.
    /// </summary>
    private static (int Index, bool Helper)? NominalisedVerb(List<WordToken> before, int from, bool refined)
    {
        // The first verbal noun of the run governs the rest (检查/vn 食品 生产/vn 经营/vn 单位 428家 → 检查食品生产经营单位).
        int? first = null;
        for (var i = before.Count - 1; i >= from; i--)
        {
            var tag = before[i].Tag;
            if (tag == "vn")
            {
                if (AdverbialRegex().IsMatch(before[i].Word))
                {
                    break;
                }

                first = i;
                if (!refined)
                {
                    break; // the decision's feature: the verbal noun nearest the number
                }

                continue;
            }

            if (!(tag.StartsWith('n') || tag is "m" or "q" or "a" or "b" or "uj" or "j"))
            {
                break;
            }
        }

        return first is { } index ? (index, false) : null;
    }

    /// <summary>
    /// The verb of a list whose earlier items stand in <paramref name="span"/> (clause start to the item): the verb governing
    /// the first item, alone, and with its object up to the first number (组建防汛抢险队伍 28支).
    /// </summary>
    private static (string Verb, string? Phrase)? ListVerb(DocumentText document, TextSpan span, NamedSpans? names)
    {
        var earlier = Tokens(document.Tokens, span.Start, span.End, read: true, names);
        var number = earlier.FindIndex(t => t.Tag == "m");
        if (number <= 0 || GoverningVerb(earlier[..number]) is not { } start || start.Helper || HoldRegex().IsMatch(earlier[start.Index].Word))
        {
            return null;
        }

        var verb = Shorten(earlier[start.Index].Word);
        return verb is null ? null : (verb, Shorten(document.Body[earlier[start.Index].Start..earlier[number].Start]));
    }

    /// <summary>
    /// The verb phrase of the clause ending at <paramref name="end"/> (the break before a value): its governing verb with its
    /// object to the clause end, or the verb alone when the clause counts its goods (捐赠编织袋8万条、救生衣600件 → 捐赠).
    /// </summary>
    private static string? GivingVerb(DocumentText document, int end, NamedSpans? names)
    {
        var body = document.Body;
        var start = body.LastIndexOfAny(BodyBreaks.Clause, end - 1) + 1;
        var earlier = Tokens(document.Tokens, start, end, read: true, names);
        if (GoverningVerb(earlier) is not { } verb || verb.Helper || HoldRegex().IsMatch(earlier[verb.Index].Word))
        {
            return null;
        }

        var counted = body.AsSpan(earlier[verb.Index].End, end - earlier[verb.Index].End).IndexOfAnyInRange('0', '9') >= 0;
        return Shorten(body[earlier[verb.Index].Start..(counted ? earlier[verb.Index].End : end)]);
    }

    /// <summary>
    /// The first verb after the number that is not a modifier of the counted noun: a verb or adjective right after the
    /// measure and before a noun qualifies the people or things counted (12名下沉/v 干部 分成; 12名老/a 党员), so the
    /// verb after them governs.
    /// </summary>
    private static int VerbAfter(List<WordToken> after, bool verbalMeasure)
    {
        var verb = after.FindIndex(IsVerbAfter);
        if (verb == 0 && !verbalMeasure && after.Count > 1 && (after[1].Tag.StartsWith('n') || after[1].Tag == "vn"))
        {
            var next = after.FindIndex(1, IsVerbAfter);
            return next > 0 ? next : after[0].Tag == "a" ? -1 : verb;
        }

        // 迎着朝阳出发: a V着 verb is the manner of the verb after it.
        if (verb >= 0 && IsManner(after, verb) && after.FindIndex(verb + 1, IsVerbAfter) is var manned and > 0)
        {
            return manned;
        }

        return verb;
    }

    /// <summary>
    /// The verb after a preposition's object that the number counts: after the phrase's localiser (从…党员中选派) when there
    /// is one, else the first verb that does not qualify the counted noun (为13个滞留学生送餐上门, 向3名返乡的人员送去); -1 when none.
    /// </summary>
    private static int AfterPhrase(List<WordToken> after)
    {
        var localiser = after.FindIndex(t => t.Tag == "f");
        var from = localiser >= 0 ? localiser + 1 : 0;
        for (var i = from; i < after.Count; i++)
        {
            if (!IsVerbAfter(after[i]))
            {
                continue;
            }

            // A verb before 的 or right before the noun counted qualifies it (返乡的人员, 滞留学生).
            var modifier = i + 1 < after.Count && (after[i + 1].Word == "的" || (localiser < 0 && i == from && after[i + 1].Tag.StartsWith('n')));
            if (!modifier)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A verb of manner (背着, 迎着, 冒着): it leads to the verb after it.</summary>
    private static bool IsManner(List<WordToken> tokens, int index) =>
        !HelperRegex().IsMatch(tokens[index].Word)
        && ((tokens[index].Word.Length >= 2 && tokens[index].Word[^1] == '着') || (index + 1 < tokens.Count && tokens[index + 1].Word == "着"));

    /// <summary>A verb after the number; the tagger reads some verbs as adjectives there (清理/a 河道).</summary>
    private static bool IsVerbAfter(WordToken token) => (IsVerb(token) || token.Tag == "a") && !AdverbialRegex().IsMatch(token.Word);

    private static bool IsVerb(WordToken token) => token.Tag.StartsWith('v') && token.Tag != "vn";

    /// <summary>The tokens inside [start, end); with <paramref name="read"/>, tagged as the action rules read them (<see cref="VerbReadings"/>).</summary>
    private static List<WordToken> Tokens(ImmutableArray<WordToken> tokens, int start, int end, bool read, NamedSpans? names = null)
    {
        var readings = read ? VerbReadings.Default : null;
        var list = new List<WordToken>();

        // Tokens are in body order: start at the first one at or after start (binary search), not at the body's start.
        for (var i = SortedSearch.FirstAtLeast(tokens.AsSpan(), start, static t => t.Start); i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Start >= end)
            {
                break;
            }

            if (token.Start >= start && token.End <= end)
            {
                list.Add(readings is null ? token
                    : names is not null && names.InName(new TextSpan(token.Start, token.End)) ? token with { Tag = "nz" }
                    : token with { Tag = readings.Tag(token.Word, token.Tag) });
            }
        }

        return list;
    }

    private static string? Shorten(string phrase)
    {
        var text = FillerRegex().Replace(phrase.Trim(), "");
        text = TrailingRegex().Replace(text, "");
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    /// <summary>Verbs of having: the quantity describes a stock, no action (有, 拥有, 现有).</summary>
    [GeneratedRegex(@"^(?:有|拥有|现有|共有|已有)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HoldRegex();

    /// <summary>Helper or causative verbs whose object is the people who do the inner verb phrase (组织N人值守).</summary>
    [GeneratedRegex(@"^(?:组织|带动|帮助|协助|邀请|统筹|发动|安排|指导|督促|促成|协调|动员|带领|带着|吸引|引导|联合|携手|会同)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HelperRegex();

    /// <summary>Income, output and forecast figures before the number (ACTORS.md action 6: null): counts in models/actors/PROVENANCE.md.</summary>
    [GeneratedRegex(@"预计|估计|收入|产量|产值|收益", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YieldRegex();

    /// <summary>A value of goods opening its clause (折合资金N元, 价值N元).</summary>
    [GeneratedRegex(@"^(?:折合|价值|总价值|合计价值)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ValueRegex();

    /// <summary>One-character localisers that close a noun phrase (党员中, 小区里, 辖区内); 周边, 以来 and the like do not.</summary>
    [GeneratedRegex(@"^(?:中|里|内)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LocaliserRegex();

    /// <summary>Verbs of origin that qualify the people counted after them (来自X的N名…), never the action.</summary>
    [GeneratedRegex(@"^(?:来自)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OriginRegex();

    /// <summary>Light verbs that give the activity they govern (完成物资配送 → 物资配送).</summary>
    [GeneratedRegex(@"^(?:完成|开展|进行|实施|实现)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LightRegex();

    /// <summary>Manner verbs dropped before the verb they lead to (上门采集核酸).</summary>
    [GeneratedRegex(@"^(?:上门|入户|深入|前往|来到|走进|赶赴)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ApproachRegex();

    /// <summary>Verb-tagged adverbials that never govern the number (累计, 共计, 达到).</summary>
    [GeneratedRegex(@"^(?:累计|共计|合计|总计|达到|达|超过|超|约|近|据统计|截至|截止|已经|先后|共有)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AdverbialRegex();

    /// <summary>Verbal measures (9次, 3趟): they count events, not a noun that a verb after them could modify.</summary>
    [GeneratedRegex(@"(?:次|趟|遍|回|场|轮)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VerbalMeasureRegex();

    /// <summary>Adverbs that open the predicate of a clause (累计服务, 共检查, 已完成, 先后走访).</summary>
    [GeneratedRegex(@"^(?:累计|共计|合计|总计|共|已|已经|先后|陆续|累积)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkerRegex();

    /// <summary>Prepositions that introduce the agent, not a phrase to skip (由).</summary>
    [GeneratedRegex(@"^(?:由|经)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AgentPrepositionRegex();

    [GeneratedRegex(@"^(?:累计|共计|合计|总计|先后|已经|已|共|又|还|均|都|再|仍|也|并|了|就|便|则|,|，|、|“|”)+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FillerRegex();

    [GeneratedRegex(@"(?:累计|共计|合计|总计|共|达到|达|约|近|超过|超|了|等|的|各类|各|近|,|，|、)+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrailingRegex();
}
