using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Extract.Metadata;

/// <summary>What a metadata key announces.</summary>
internal enum MetadataKind
{
    /// <summary>The outlet the article comes from (来源, 本文来源, 稿源, 转自).</summary>
    Source,

    /// <summary>The publish date (发布时间, 日期, 发表于).</summary>
    Date,

    /// <summary>Who wrote it (作者, 记者, 通讯员, 文, 撰稿, 实习生): authors.</summary>
    Author,

    /// <summary>Who took the pictures (摄影, 图, 摄): authors too (ANNOTATION.md counts 文/摄 and 文图).</summary>
    Photographer,

    /// <summary>Who edited it (编辑, 责任编辑, 责编): editors.</summary>
    Editor,

    /// <summary>Who reviewed or signed it off (审核, 签发, 编审): editors.</summary>
    Reviewer,

    /// <summary>Other credits that name no author or editor (校对, 策划, 统筹, 监制): metadata, names not kept.</summary>
    Credit,

    /// <summary>The account or unit that posted the page (发布人, 发布单位, 录入): never a person the record keeps.</summary>
    Publisher,

    /// <summary>View counters (点击量, 浏览次数, 阅读).</summary>
    Counter,

    /// <summary>Page widgets (字号, 分享到, 打印, 收藏).</summary>
    Widget,
}

/// <summary>
/// The key lexicon of header and trailer lines: every key a Chinese news, government or company page writes before a
/// metadata value, with the kind of value it announces. The forms are the conventions of Chinese newswire and CMS
/// templates (新华社/人民日报 bylines, TRS/WCM and 动易/帝国 CMS article templates); none names a site.
/// </summary>
internal static partial class MetadataKeys
{
    /// <summary>Key → kind. Every key here is an alternative of <see cref="KeyRegex"/> (a unit test checks both agree).</summary>
    public static readonly FrozenDictionary<string, MetadataKind> Lexicon = new Dictionary<string, MetadataKind>(StringComparer.Ordinal)
    {
        ["来源"] = MetadataKind.Source, ["信息来源"] = MetadataKind.Source, ["稿件来源"] = MetadataKind.Source, ["文章来源"] = MetadataKind.Source,
        ["本文来源"] = MetadataKind.Source, ["新闻来源"] = MetadataKind.Source, ["消息来源"] = MetadataKind.Source, ["内容来源"] = MetadataKind.Source,
        ["稿源"] = MetadataKind.Source, ["转自"] = MetadataKind.Source, ["转载自"] = MetadataKind.Source, ["出处"] = MetadataKind.Source,
        ["来自"] = MetadataKind.Source, ["选自"] = MetadataKind.Source, ["摘自"] = MetadataKind.Source, ["媒体"] = MetadataKind.Source,
        ["出自"] = MetadataKind.Source, ["来源于"] = MetadataKind.Source, ["出版社"] = MetadataKind.Source,

        ["发布时间"] = MetadataKind.Date, ["发表时间"] = MetadataKind.Date, ["发布日期"] = MetadataKind.Date, ["发表日期"] = MetadataKind.Date,
        ["更新时间"] = MetadataKind.Date, ["更新日期"] = MetadataKind.Date, ["发稿时间"] = MetadataKind.Date, ["刊发时间"] = MetadataKind.Date,
        ["上传时间"] = MetadataKind.Date, ["录入时间"] = MetadataKind.Date, ["添加时间"] = MetadataKind.Date, ["创建时间"] = MetadataKind.Date,
        ["出版日期"] = MetadataKind.Date, ["见报日期"] = MetadataKind.Date, ["成文日期"] = MetadataKind.Date, ["时间"] = MetadataKind.Date,
        ["日期"] = MetadataKind.Date, ["发表于"] = MetadataKind.Date, ["发布于"] = MetadataKind.Date, ["更新于"] = MetadataKind.Date,

        ["作者"] = MetadataKind.Author, ["文"] = MetadataKind.Author, ["撰文"] = MetadataKind.Author, ["撰稿"] = MetadataKind.Author,
        ["撰稿人"] = MetadataKind.Author, ["执笔"] = MetadataKind.Author, ["执笔人"] = MetadataKind.Author, ["采写"] = MetadataKind.Author, ["整理"] = MetadataKind.Author,
        ["记者"] = MetadataKind.Author, ["本报记者"] = MetadataKind.Author, ["本台记者"] = MetadataKind.Author, ["本网记者"] = MetadataKind.Author,
        ["本刊记者"] = MetadataKind.Author, ["特约记者"] = MetadataKind.Author, ["见习记者"] = MetadataKind.Author, ["实习记者"] = MetadataKind.Author,
        ["融媒体记者"] = MetadataKind.Author, ["全媒体记者"] = MetadataKind.Author, ["首席记者"] = MetadataKind.Author, ["通讯员"] = MetadataKind.Author,
        ["本报通讯员"] = MetadataKind.Author, ["特约通讯员"] = MetadataKind.Author, ["实习生"] = MetadataKind.Author, ["见习生"] = MetadataKind.Author,
        ["文/图"] = MetadataKind.Author, ["图/文"] = MetadataKind.Author, ["文/摄"] = MetadataKind.Author, ["文图"] = MetadataKind.Author,
        ["图文"] = MetadataKind.Author, ["供稿"] = MetadataKind.Author, ["编译"] = MetadataKind.Author,

        ["摄影"] = MetadataKind.Photographer, ["摄像"] = MetadataKind.Photographer, ["摄影记者"] = MetadataKind.Photographer,
        ["图"] = MetadataKind.Photographer, ["摄"] = MetadataKind.Photographer, ["图片"] = MetadataKind.Photographer,

        ["编辑"] = MetadataKind.Editor, ["责任编辑"] = MetadataKind.Editor, ["责编"] = MetadataKind.Editor, ["执行编辑"] = MetadataKind.Editor,
        ["值班编辑"] = MetadataKind.Editor, ["本期编辑"] = MetadataKind.Editor, ["网络编辑"] = MetadataKind.Editor, ["新媒体编辑"] = MetadataKind.Editor,
        ["编审"] = MetadataKind.Reviewer, ["审核"] = MetadataKind.Reviewer, ["审校"] = MetadataKind.Reviewer, ["审稿"] = MetadataKind.Reviewer,
        ["签发"] = MetadataKind.Reviewer, ["终审"] = MetadataKind.Reviewer, ["初审"] = MetadataKind.Reviewer, ["复审"] = MetadataKind.Reviewer,

        ["校对"] = MetadataKind.Credit, ["策划"] = MetadataKind.Credit, ["统筹"] = MetadataKind.Credit, ["监制"] = MetadataKind.Credit,
        ["出品"] = MetadataKind.Credit, ["美编"] = MetadataKind.Credit, ["制图"] = MetadataKind.Credit, ["设计"] = MetadataKind.Credit,

        ["发布人"] = MetadataKind.Publisher, ["发布者"] = MetadataKind.Publisher, ["发布单位"] = MetadataKind.Publisher, ["发布机构"] = MetadataKind.Publisher,
        ["录入"] = MetadataKind.Publisher, ["录入者"] = MetadataKind.Publisher, ["上传者"] = MetadataKind.Publisher, ["信息提供"] = MetadataKind.Publisher,
        ["供稿单位"] = MetadataKind.Publisher, ["投稿"] = MetadataKind.Publisher,

        ["浏览次数"] = MetadataKind.Counter, ["阅读次数"] = MetadataKind.Counter, ["点击数"] = MetadataKind.Counter, ["点击量"] = MetadataKind.Counter,
        ["点击率"] = MetadataKind.Counter, ["访问量"] = MetadataKind.Counter, ["浏览量"] = MetadataKind.Counter, ["阅读量"] = MetadataKind.Counter,
        ["访问次数"] = MetadataKind.Counter, ["点击次数"] = MetadataKind.Counter, ["浏览"] = MetadataKind.Counter, ["阅读"] = MetadataKind.Counter,
        ["点击"] = MetadataKind.Counter, ["人气"] = MetadataKind.Counter, ["评论数"] = MetadataKind.Counter,

        ["字号"] = MetadataKind.Widget, ["选择字号"] = MetadataKind.Widget, ["字体"] = MetadataKind.Widget, ["分享到"] = MetadataKind.Widget,
        ["分享"] = MetadataKind.Widget, ["打印"] = MetadataKind.Widget, ["关闭"] = MetadataKind.Widget, ["收藏"] = MetadataKind.Widget,
        ["关闭窗口"] = MetadataKind.Widget, ["打印本页"] = MetadataKind.Widget, ["纠错"] = MetadataKind.Widget, ["增大字体"] = MetadataKind.Widget,
        ["减小字体"] = MetadataKind.Widget,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The kind of <paramref name="key"/>; null when it is not a key.</summary>
    public static MetadataKind? KindOf(string key) => Lexicon.TryGetValue(key, out var kind) ? kind : null;

    /// <summary>True for the kinds whose values are people the record keeps (authors or editors).</summary>
    public static bool NamesPeople(MetadataKind kind) => kind is MetadataKind.Author or MetadataKind.Photographer or MetadataKind.Editor or MetadataKind.Reviewer;

    /// <summary>True for a reporter role that an outlet or masthead may lead without a separator (光明日报记者, 新华日报·交汇点通讯员).</summary>
    public static bool IsReporterRole(string key) => key.EndsWith("记者", StringComparison.Ordinal) || key.EndsWith("通讯员", StringComparison.Ordinal) || key is "实习生" or "见习生";

    /// <summary>Every key, longest alternatives first so that 责任编辑 wins over 编辑; the separator after it in group sep.</summary>
    [GeneratedRegex(
        @"(?<key>新媒体编辑|融媒体记者|全媒体记者|本报通讯员|特约通讯员|关闭窗口|打印本页|增大字体|减小字体|选择字号|供稿单位|信息提供|"
        + @"信息来源|稿件来源|文章来源|本文来源|新闻来源|消息来源|内容来源|发布时间|发表时间|发布日期|发表日期|更新时间|更新日期|发稿时间|刊发时间|"
        + @"上传时间|录入时间|添加时间|创建时间|出版日期|见报日期|成文日期|本报记者|本台记者|本网记者|本刊记者|特约记者|见习记者|实习记者|首席记者|"
        + @"摄影记者|责任编辑|执行编辑|值班编辑|本期编辑|网络编辑|浏览次数|阅读次数|访问次数|点击次数|发布单位|发布机构|"
        + @"转载自|来源于|出版社|撰稿人|执笔人|发表于|发布于|更新于|通讯员|实习生|见习生|点击数|点击量|点击率|访问量|浏览量|阅读量|评论数|发布人|发布者|录入者|上传者|分享到|"
        + @"来源|稿源|转自|出处|出自|来自|选自|摘自|媒体|时间|日期|作者|撰文|撰稿|执笔|采写|整理|记者|文/图|图/文|文/摄|文图|图文|供稿|编译|摄影|摄像|图片|"
        + @"编辑|责编|编审|审核|审校|审稿|签发|终审|初审|复审|校对|策划|统筹|监制|出品|美编|制图|设计|录入|投稿|浏览|阅读|点击|人气|字号|字体|分享|打印|关闭|收藏|纠错|"
        + @"文|图|摄)(?<sep>\s*[:：]\s*|\s*[/／]\s*|\s+|)",
        RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    public static partial Regex KeyRegex();
}
