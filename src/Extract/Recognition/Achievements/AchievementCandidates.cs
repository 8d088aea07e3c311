using System.Text.RegularExpressions;

namespace Extract.Recognition.Achievements;

/// <summary>
/// Every quantity that could be an achievement, with the rule filter's verdict and the features a learned decision
/// reads (unit class, governing verb class, clause position, negation, a named subject, scope and stock words).
/// The training tool builds its rows here, so training and use read the same features.
/// </summary>
internal static partial class AchievementCandidates
{
    /// <summary>How many features <see cref="Features"/> lays out.</summary>
    public const int Count = 34;

    /// <summary>The layout's version: a model trained on another layout is refused at load.</summary>
    public const int Version = 1;

    /// <summary>
    /// One candidate: the quantity, its clause, the rule filter's verdict, the features, and whether ANNOTATION.md rules it
    /// out whatever the clause says (Vetoed: distances, ages, percentages, ordinals, points in time, 其他N名 referring back).
    /// A length is vetoed unless the rule filter reads it as the extent of a work built or cleared (新修产业路3.2公里).
    /// </summary>
    public sealed record Candidate(QuantityMention Quantity, TextSpan Clause, bool RuleVerdict, float[] Features)
    {
        /// <summary>True when the candidate is never an achievement; the learned decision only weighs the others.</summary>
        public bool Vetoed { get; init; }
    }

    /// <summary>The candidate quantities of a document in body order (numbers inside names left out).</summary>
    public static List<Candidate> For(DocumentText document, Mentions found, int maxClauseLength = 200) =>
        For(document, found, new ActorResolver(document, found), new NamedSpans(found), maxClauseLength);

    /// <summary>The candidates, reading the actor resolver and the names the recogniser built for the same document.</summary>
    public static List<Candidate> For(DocumentText document, Mentions found, ActorResolver actors, NamedSpans names, int maxClauseLength)
    {
        var body = document.Body;
        var candidates = new List<Candidate>();
        var among = Occurrences(body, "其中");
        var previousEnd = 0;
        foreach (var quantity in found.Quantities.OrderBy(q => q.Span.Start))
        {
            if (names.Hold(quantity.Span))
            {
                continue;
            }

            var clause = AchievementRecognizer.ClauseAround(body, quantity.Span, maxClauseLength);
            var verdict = AchievementFilter.IsAchievement(quantity, body, clause);
            var window = new TextSpan(Math.Max(clause.Start, previousEnd), quantity.Span.Start);
            previousEnd = quantity.Span.End;
            var features = Features(document, quantity, clause, window, verdict, actors, among);
            var vetoed = (UnitClass(quantity.Unit) == 7 && !(IsLength(quantity.Unit) && verdict)) || quantity.IsOrdinal || quantity.Value <= 0
                || (UnitClass(quantity.Unit) == 5 && features[28] > 0)
                || RemainderRegex().IsMatch(body[clause.Start..quantity.Span.Start]);
            candidates.Add(new Candidate(quantity, clause, verdict, features) { Vetoed = vetoed });
        }

        return candidates;
    }

    /// <summary>The features of one candidate; <paramref name="among"/> holds where 其中 ("among them") stands in the body.</summary>
    private static float[] Features(DocumentText document, QuantityMention quantity, TextSpan clause, TextSpan window, bool verdict, ActorResolver actors, int[] among)
    {
        var body = document.Body;
        var f = new float[Count];
        var before = body[clause.Start..quantity.Span.Start];
        var after = body[quantity.Span.End..clause.End];
        var sentenceStart = actors.Breaks.SentenceStart(quantity.Span.Start);
        f[0] = verdict ? 1 : 0;
        f[1] = quantity.Approx ? 1 : 0;
        f[2] = quantity.Text.Any(char.IsAsciiDigit) ? 0 : 1;
        f[3] = (float)Math.Log10((double)Math.Max(quantity.Value, 0.001m));
        f[4] = quantity.Value == 1 ? 1 : 0;
        f[5 + UnitClass(quantity.Unit)] = 1; // 5..13
        f[14 + ActionResolver.VerbClass(document, window, quantity.Span)] = 1; // 14..19
        f[20] = before.Trim().Length == 0 ? 1 : 0;
        f[21] = actors.Breaks.Commas(sentenceStart, quantity.Span.Start);
        f[22] = NegationRegex().IsMatch(before + after) ? 1 : 0;
        f[23] = actors.Actor(quantity.Span) is null ? 0 : 1;
        f[24] = StockRegex().IsMatch(before) ? 1 : 0;
        f[25] = before.Contains('每') ? 1 : 0;
        f[26] = quantity.IsOrdinal ? 1 : 0;
        f[27] = after.StartsWith('的') ? 1 : 0;
        f[28] = RelativeRegex().IsMatch(after) ? 1 : 0;
        f[29] = (float)quantity.Span.Start / Math.Max(1, body.Length);
        f[30] = AnyWithin(among, sentenceStart, quantity.Span.Start - 2) ? 1 : 0;
        f[31] = ForecastRegex().IsMatch(before) ? 1 : 0;
        f[32] = ScopeRegex().IsMatch(before + after) ? 1 : 0;
        f[33] = before.Length;
        return f;
    }

    /// <summary>Where <paramref name="word"/> starts in <paramref name="body"/>, in order.</summary>
    private static int[] Occurrences(string body, string word)
    {
        var found = new List<int>();
        for (var at = body.IndexOf(word, StringComparison.Ordinal); at >= 0; at = body.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            found.Add(at);
        }

        return [.. found];
    }

    /// <summary>True when a value of the sorted <paramref name="sorted"/> lies in [low, high].</summary>
    private static bool AnyWithin(int[] sorted, int low, int high)
    {
        var index = Array.BinarySearch(sorted, low);
        var first = index >= 0 ? index : ~index;
        return low <= high && first < sorted.Length && sorted[first] <= high;
    }

    /// <summary>0 people, 1 counts of things, 2 events and rounds, 3 area/weight/volume, 4 money, 5 time, 6 households, 7 distance/age/percent, 8 other.</summary>
    private static int UnitClass(string unit) => unit switch
    {
        "场次" or "批次" => 2,
        "台次" or "辆次" or "家次" or "册次" or "剂次" or "台套" or "台件" or "件次" => 1,
        "户次" => 6,
        "人" or "名" or "人次" or "位" or "余人" => 0,
        "个" or "件" or "份" or "张" or "条" or "套" or "台" or "辆" or "箱" or "袋" or "瓶" or "盒" or "册" or "本" or "家" or "处" or "项" or "支" => 1,
        "次" or "场" or "轮" or "期" or "批" or "单" or "笔" or "起" or "车次" => 2,
        "平方米" or "亩" or "吨" or "斤" or "公斤" or "千克" or "立方米" or "方" => 3,
        "元" => 4,
        "小时" or "个小时" or "天" or "分钟" or "个月" or "周" or "日" or "年" => 5,
        "户" => 6,
        "米" or "公里" or "千米" or "厘米" or "毫米" or "里" or "岁" or "周岁" or "%" or "‰" or "度" or "℃" or "倍" or "分" or "秒" or "点" or "时" or "号" or "届" or "级" => 7,
        _ => 8,
    };

    /// <summary>Lengths (米, 公里, 千米): vetoed unless the rule filter reads a work built or cleared before them.</summary>
    internal static bool IsLength(string unit) => unit is "米" or "公里" or "千米";

    [GeneratedRegex(@"(?:其他|其余|另外)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RemainderRegex();

    [GeneratedRegex(@"尚未|尚有|仍有|没有|未能|不足|无", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NegationRegex();

    [GeneratedRegex(@"(?:有|共有|现有|拥有|辖|常住|户籍|人口)[^，,]{0,8}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StockRegex();

    [GeneratedRegex(@"^(?:后|前|内|以内|之内|以来|之后|以后|左右)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RelativeRegex();

    [GeneratedRegex(@"预计|计划|将|力争|目标", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ForecastRegex();

    [GeneratedRegex(@"收入|产量|面积|人口|受灾|受损|损失|涉及|影响|居民|产值|销售", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScopeRegex();
}
