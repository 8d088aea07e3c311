using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Resources;

namespace Extract.Metadata;

/// <summary>
/// The byline grammar's names: a value after a role key split into tokens, role words and outlet prefixes dropped, staff
/// codes cut, and every token checked as a person — a surname plus a given name (the surname model), a ·-joined name, a
/// Latin name, or, after a key that names an author (作者, 文), a pen name. Units (组织部), accounts (管理员) and the site
/// (本站) are not people.
/// </summary>
internal static partial class Bylines
{
    /// <summary>Words a byline value holds that are not people: accounts, the site itself, "unknown", "compiled from the web".</summary>
    private static readonly FrozenSet<string> NotPeople = new[]
    {
        "管理员", "系统管理员", "超级管理员", "网站管理员", "本站", "本网", "本报", "本台", "本刊", "编辑部", "本站编辑", "网友", "佚名", "未知", "匿名",
        "小编", "admin", "administrator", "网络整理", "网络", "综合", "原创", "转载", "整理", "互联网", "本站原创", "网络转载", "不详", "暂无",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Role words that may lead or close a name token (本报记者张三, 张三摄): dropped from the name.</summary>
    private static readonly string[] RoleWords =
    [
        "融媒体记者", "全媒体记者", "新媒体记者", "本报通讯员", "特约通讯员", "摄影记者", "本报记者", "本台记者", "本网记者", "本刊记者", "特约记者",
        "见习记者", "实习记者", "首席记者", "记者", "通讯员", "实习生", "见习生", "责任编辑", "编辑", "作者", "文/图", "图/文", "文/摄", "文图", "图文",
        "摄影", "摄像", "撰稿", "报道", "供稿", "编译", "整理", "执笔", "采写", "翻摄",
    ];

    /// <summary>
    /// Splits a byline value into names. <paramref name="leftover"/> counts the characters that were neither names, role
    /// words nor a unit's name (a unit in a byline — 大将镇党政办 — is metadata, not content). <paramref name="keyed"/>: a key
    /// announced people, so a Han token that is not a common word is a name; <paramref name="handles"/>: the key names an
    /// author outright (作者, 文), so a Latin handle is a pen name.
    /// </summary>
    public static ImmutableArray<string> Names(string value, Surnames surnames, out int leftover, bool keyed = false, bool handles = false)
    {
        leftover = 0;
        var names = ImmutableArray.CreateBuilder<string>();
        // A name's original spelling in brackets after it is the same person: 周某某 (John Smith).
        value = GlossRegex().Replace(value, "");
        foreach (var raw in SplitRegex().Split(value).SelectMany(t => SplitRoleChain(t, surnames)))
        {
            var token = raw.Trim('(', ')', '（', '）', '[', ']', '【', '】', ' ', '“', '”', '"', '《', '》', '.', '。', '：', ':');
            token = StaffCodeRegex().Replace(token, "");

            // A masthead and a reporter role as a token of its own (某某周刊记者 王建国) is the role, not a name before it.
            if (token.Length > 2 && MastheadRoleRegex().IsMatch(token))
            {
                continue;
            }

            token = StripRoles(token);
            if (token.Length == 0 || RoleWords.Contains(token) || MetadataKeys.KindOf(token) is not null)
            {
                continue;
            }

            if (IsPerson(token, surnames, keyed, handles))
            {
                names.Add(token);
            }
            else if (!IsUnit(token) && !NotPeople.Contains(token))
            {
                leftover += token.Length;
            }
        }

        return names.ToImmutable();
    }

    /// <summary>
    /// A chain of roles written without separators, one token per role: 记者张三实习生李四 → 记者张三, 实习生李四 (and the
    /// key's value 张三实习生李四 → 张三, 实习生李四). A token is cut before a later role word only when what stands before
    /// it, past a leading role word, is a two- or three-character name by the surname model, so an outlet before the role
    /// (光明日报记者张三) stays whole for <see cref="StripRoles"/>.
    /// </summary>
    private static IEnumerable<string> SplitRoleChain(string token, Surnames surnames)
    {
        var start = 0;
        for (var i = start + 2; i < token.Length; i++)
        {
            if (LeadingRole(token, i) is null)
            {
                continue;
            }

            var head = token[start..i];
            var name = LeadingRole(head, 0) is { } lead ? head[lead.Length..] : head;
            if (name.Length is 2 or 3 && surnames.IsPlausibleName(name) && !IsUnit(name) && !NotPeople.Contains(name))
            {
                yield return head;
                start = i;
            }
        }

        yield return token[start..];
    }

    // The role word token[at..] opens with (the longest: 本报记者 before 记者), or null.
    private static string? LeadingRole(string token, int at)
    {
        string? longest = null;
        foreach (var role in RoleWords)
        {
            if (string.CompareOrdinal(token, at, role, 0, role.Length) == 0 && role.Length > (longest?.Length ?? 0))
            {
                longest = role;
            }
        }

        return longest;
    }

    /// <summary>A token without the role words around it: 本报记者张三 → 张三, 新华社记者张三 → 张三, 张三摄 → 张三.</summary>
    private static string StripRoles(string token)
    {
        // An outlet or masthead before the role (光明日报记者张三, 新华日报·交汇点记者张三): the name is what follows the role.
        var lead = RoleInsideRegex().Match(token);
        if (lead.Success && lead.Index + lead.Length < token.Length)
        {
            token = token[(lead.Index + lead.Length)..];
        }

        // Where the reporter files from is not the name (王平发自北京 → 王平).
        token = FiledFromRegex().Replace(token, "");
        if (LeadingRole(token, 0) is { } role && token.Length > role.Length)
        {
            token = token[role.Length..];
        }

        foreach (var closing in RoleWords.Append("摄").Append("文").Append("图"))
        {
            if (token.EndsWith(closing, StringComparison.Ordinal) && token.Length - closing.Length >= 2)
            {
                token = token[..^closing.Length];
                break;
            }
        }

        return token;
    }

    /// <summary>The name when <paramref name="line"/> is one person's name and nothing else (surname model, ·-joined or Latin); else null.</summary>
    public static string? LoneName(string line, Surnames surnames)
    {
        var token = line.Trim();
        return token.Length is >= 2 and <= 20 && IsPerson(token, surnames) && !CommonWords.Default.Contains(token) ? token : null;
    }

    /// <summary>
    /// The names when <paramref name="line"/> is one to four people's names and nothing else, set apart by 、, commas or
    /// spaces (张明华, 赵延东、李晓梅): a co-written essay's byline under its headline. Empty otherwise.
    /// </summary>
    public static ImmutableArray<string> LoneNames(string line, Surnames surnames)
    {
        if (LoneName(line, surnames) is { } one)
        {
            return [one];
        }

        var items = NameListRegex().Split(line.Trim());
        if (items.Length is 0 or > 4 || items.Any(i => i.Length == 0))
        {
            return [];
        }

        var names = items.Select(i => LoneName(i, surnames)).ToArray();
        return names.All(n => n is not null) ? [.. names.OfType<string>()] : [];
    }

    /// <summary>True when <paramref name="token"/> is a person's name as a byline writes it.</summary>
    public static bool IsPerson(string token, Surnames surnames, bool keyed = false, bool handles = false)
    {
        if (token.Length == 0 || NotPeople.Contains(token) || NotPeopleTailRegex().IsMatch(token))
        {
            return false;
        }

        // A unit suffix outweighs the surname model from three characters on (宣传部, 城关镇); a two-character name may end
        // in a character that is also a suffix (李科, 王会).
        var unit = IsUnit(token);
        if (unit && token.Length >= 3)
        {
            return false;
        }

        if (surnames.IsPlausibleName(token) || DottedNameRegex().IsMatch(token) || LatinNameRegex().IsMatch(token))
        {
            return true;
        }

        // Four characters: a compound surname or two surnames (a married woman's name, 董来孝康) before the given name.
        if (token.Length == 4 && token.All(IsHan) && (surnames.SurnameLength(token) == 2 || (surnames.IsSurname(token.AsSpan(0, 1)) && surnames.IsSurname(token.AsSpan(1, 1)))))
        {
            return true;
        }

        if (unit)
        {
            return false;
        }

        return (keyed && token.Length is >= 2 and <= 5 && token.All(IsHan) && !IsPhrase(token))
            || (handles && HandleRegex().IsMatch(token));
    }

    /// <summary>
    /// True for a Han token that reads as words, not a name: a common word (简介, 文章), one holding a metadata key (来自网络),
    /// or two common words joined (产品经理, 如有侵权) — what a byline-like line holds when it is a notice or a widget.
    /// </summary>
    private static bool IsPhrase(string token)
    {
        var words = CommonWords.Default;
        if (words.Contains(token) || NotPeopleTailRegex().IsMatch(token))
        {
            return true;
        }

        for (var i = 0; i + 2 <= token.Length; i++)
        {
            if (MetadataKeys.KindOf(token.Substring(i, 2)) is not null && token.Length > 2)
            {
                return true;
            }
        }

        for (var k = 2; k <= token.Length - 2; k++)
        {
            if (words.Contains(token[..k]) && words.Contains(token[k..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for the name of a unit, an outlet or a place rather than a person (组织部, 人民网, 城关镇).</summary>
    public static bool IsUnit(string token) => UnitRegex().IsMatch(token);

    /// <summary>An outlet value cleaned: its first field, without a trailing desk tag ((广州)), an 原创 mark or a key.</summary>
    public static string? CleanOutlet(string? value)
    {
        if (value is null)
        {
            return null;
        }

        value = OutletKeyRegex().Replace(value.Trim(), "");
        var first = value.Split([' ', '\u3000', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(first))
        {
            return null;
        }

        // A name in book-title marks is the name (《某某周刊》2001年第3期 → 某某周刊).
        if (first.StartsWith('《') && first.IndexOf('》', StringComparison.Ordinal) is > 2 and var close)
        {
            first = first[1..close];
        }

        first = first.Trim('【', '】', '[', ']', '|', '｜', '，', ',', '。', '；', ';');
        first = DeskTagRegex().Replace(first, "");
        first = OriginalMarkRegex().Replace(first, "");

        // A placeholder names no outlet (来源：转载文章, 来源：网络, 来源：本站原创): the outlet is then read elsewhere (a trailer 来源).
        if (NotPeople.Contains(first.EndsWith("文章", StringComparison.Ordinal) && first.Length > 3 ? first[..^2] : first))
        {
            return null;
        }

        return first.Length is >= 2 and <= 40 && !first.Contains("://", StringComparison.Ordinal) && first.Any(c => IsHan(c) || char.IsAsciiLetter(c)) ? first : null;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"^[\u4e00-\u9fff·]{2,16}(?:记者|通讯员)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MastheadRoleRegex();

    [GeneratedRegex(@"\s*[、，,]\s*|\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NameListRegex();

    [GeneratedRegex(@"[\s、,，;；|｜]+|(?<=[\u4e00-\u9fff])[/／](?=[\u4e00-\u9fff]{2})", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SplitRegex();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff·]{2})\s*[(（][A-Za-z][A-Za-z .'\-]*[)）]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex GlossRegex();

    // A staff code after a name (杨倩_NF4425, 韩保林 PK155 arrives as its own token and fails the name check).
    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])[_\-]?[A-Za-z]{1,4}\d{2,6}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StaffCodeRegex();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff]{2})发自[\u4e00-\u9fff]{2,8}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FiledFromRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fff·]{1,16}?(?:记者|通讯员|实习生)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RoleInsideRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,6}[·•．.][\u4e00-\u9fff]{1,8}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DottedNameRegex();

    [GeneratedRegex(@"^[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,3}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LatinNameRegex();

    [GeneratedRegex(@"(?:简介|介绍|手记|文章|推荐|寄语|说明|截图|声明|删除|侵权|网络|原创|整理|[等的了])$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NotPeopleTailRegex();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z]{3,19}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HandleRegex();

    [GeneratedRegex(@"(?:网|报|社|台|站|中心|部|局|委|办|会|院|厅|处|科|室|组|队|县|市|区|镇|乡|村|省|所|频道|新闻|公司|集团|大学|学院|学校|医院|政府|街道|社区|支部|党委|协会|中学|小学|银行|客户端|日报|晚报|杂志|传媒)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnitRegex();

    [GeneratedRegex(@"^(?:来源|稿源|出处|本文来源|文章来源|信息来源)\s*[:：]\s*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OutletKeyRegex();

    // A desk or city tag after the outlet: 21世纪经济报道(广州), 财经网（北京）.
    [GeneratedRegex(@"[(（][\u4e00-\u9fff]{2,4}[)）]$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DeskTagRegex();

    [GeneratedRegex(@"(?<=.{2})(?:原创稿|原创|独家)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OriginalMarkRegex();
}
