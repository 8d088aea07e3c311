using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Extract.Recognition.Achievements;

/// <summary>
/// Decides whether a quantity measures effort or result (ANNOTATION.md "Achievements"): not distances,
/// ages, temperatures, percentages, per-unit quotas (每个点位由2位…), counts that did not happen
/// (尚未), relative times (8小时后), the around-the-clock idiom (24小时值守), what a place holds (全村有286户),
/// anniversaries (100周年) and numbers inside names (四家子镇). A length (米, 公里) counts only as the extent of a work built,
/// repaired or cleared (新修产业路3.2公里), never as a distance (距离3公里) or a dimension (全长5公里的道路).
/// </summary>
internal static partial class AchievementFilter
{
    /// <summary>Units that never measure effort or result credited to actors.</summary>
    private static readonly FrozenSet<string> ExcludedUnits = new[]
    {
        "厘米", "毫米", "里", "岁", "周岁", "度", "℃", "%", "‰", "倍", "分", "秒", "点", "时", "号", "届", "期", "级", "年", "月", "日",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TimeUnits = new[] { "小时", "天", "分钟", "日", "周", "个月", "年", "个小时" }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsAchievement(QuantityMention quantity, string body, TextSpan clause)
    {
        if (ExcludedUnits.Contains(quantity.Unit) || quantity.Value <= 0 || quantity.IsOrdinal)
        {
            return false;
        }

        var before = body[clause.Start..quantity.Span.Start];
        var after = body[quantity.Span.End..clause.End];

        // A length counts only as the extent of a work built, repaired or cleared (新修产业路3.2公里, 清淤河道1.3公里), never a
        // distance (距离3公里, 方圆5公里) or a dimension (全长5公里的道路).
        if (AchievementCandidates.IsLength(quantity.Unit) && (!WorksRegex().IsMatch(before) || DistanceRegex().IsMatch(before) || after.StartsWith('的')))
        {
            return false;
        }
        if (PerUnitRegex().IsMatch(before) || NegationRegex().IsMatch(before + after))
        {
            return false;
        }

        // A single unit (明确1名同志) is a designation, not a claim of effort; 其他/其余29名 refers back to people already counted.
        if ((quantity.Value == 1 && !quantity.Approx) || RemainderRegex().IsMatch(before))
        {
            return false;
        }

        // 几十斤重的设备: a dimension of a thing. 八个方面 / 16个时间段 / 两个孩子: abstract or family nouns, not results.
        if (AttributeAfterRegex().IsMatch(after) || NotResultNounRegex().IsMatch(after))
        {
            return false;
        }

        // 票价不超过1000元 / 一斤能卖40元 / 最高额度30万元: a price, a wage rate or a ceiling, not money raised or spent.
        // 49名经济学家中有27人认为…: people counted by what they think or say (a survey), not by what they did.
        if ((quantity.Unit is "元" or "美元" && PriceRegex().IsMatch(before)) || OpinionRegex().IsMatch(after))
        {
            return false;
        }

        // 分成两组: a division of people already counted. 一分钟接三四个电话: a rate, not a total.
        if (DivisionRegex().IsMatch(before) || RateRegex().IsMatch(before))
        {
            return false;
        }

        // 数百份: too vague to claim. 两人 / 三人 in words: a reference to people just named, not a count of effort.
        var inWords = !quantity.Text.Any(char.IsAsciiDigit);
        if (quantity.Text.StartsWith('数') || (inWords && quantity.Unit == "人" && quantity.Value <= 3))
        {
            return false;
        }

        // 是一个有20名党员的组织: an attribute in a description, not a result. 全村有286户 / 社区有居民楼21栋 / 常住人口1.2万:
        // what a place holds, not what anyone did. 建党100周年: an anniversary.
        if (AttributeRegex().IsMatch(before) || StockRegex().IsMatch(before) || (quantity.Unit == "周" && after.StartsWith('年')))
        {
            return false;
        }

        if (TimeUnits.Contains(quantity.Unit))
        {
            // 8小时后 / 3天内 / 两天以来: a point or window in time, not hours served.
            if (RelativeTimeRegex().IsMatch(after))
            {
                return false;
            }

            // 24小时 directly before a verb is the around-the-clock idiom (24小时值班值守, 全天24小时服务).
            if (quantity.Value == 24 && quantity.Unit is "小时" or "个小时" && after.Length > 0 && after[0] is not ('的' or '，' or ',' or '。'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Verbs of building, repairing or clearing works whose extent a length measures (修路, 改造管网, 清淤, 架设线路).</summary>
    [GeneratedRegex(@"修|建|铺|改造|硬化|疏通|清淤|清理|加固|架设|整治|拓宽|治理|敷设|埋设|开挖|挖掘|疏浚|进尺|绿化|护砌|砌", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WorksRegex();

    /// <summary>A distance or a dimension before a length (距离3公里, 方圆5公里, 全长5公里).</summary>
    [GeneratedRegex(@"距|相距|方圆|半径|全长|总长|长约|长达|长度|海拔|行程|步行|驱车|开车|往返|绕行", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DistanceRegex();

    [GeneratedRegex(@"每(?:个|名|位|户|人|组|班|间|处|支|点|天每|一)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PerUnitRegex();

    [GeneratedRegex(@"(?:其他|其余|另外)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RemainderRegex();

    [GeneratedRegex(@"是.{0,4}(?:有|拥有)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AttributeRegex();

    [GeneratedRegex(@"(?:辖区|全村|全镇|全乡|全县|全区|该村|村里|镇里|社区|小区)(?:内|里|现|目前|共|现有)?(?:有|共有|拥有|现有)[^，,。；;有]{0,8}$|(?:下辖|常住人口|常住居民|户籍人口)[^，,。；;]{0,8}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StockRegex();

    [GeneratedRegex(@"^(?:重|长|宽|高|深|厚)(?:的|$)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AttributeAfterRegex();

    [GeneratedRegex(@"^(?:[^，,。；]{0,5}的)?(?:方面|时间段|时段|阶段|环节|步骤|原则|维度|层面|孩子|子女|儿子|女儿|家人)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NotResultNounRegex();

    /// <summary>A price, rate or ceiling just before a sum (单价, 票价, 一斤, 卖到, 能挣, 最高额度).</summary>
    [GeneratedRegex(@"(?:单价|票价|售价|价格|房价|均价|每斤|一斤|每张|一张|卖到|能挣|只要|最高|额度)[^，,。；;]{0,6}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PriceRegex();

    /// <summary>People counted by an opinion or a statement after them (27人认为, 10名消费者大呼).</summary>
    [GeneratedRegex(@"^[^，,。；;]{0,10}?(?:认为|表示|觉得|大呼|反映|赞成|反对)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OpinionRegex();

    [GeneratedRegex(@"(?:分成|分为)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DivisionRegex();

    [GeneratedRegex(@"(?:一|每)(?:分钟|秒钟?)[^，,。]{0,3}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RateRegex();

    [GeneratedRegex(@"尚未|尚有|仍有|还有.{0,8}未|没有|未能", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NegationRegex();

    [GeneratedRegex(@"^(?:后|前|内|以内|之内|以来|之后|以后|左右后)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RelativeTimeRegex();
}
