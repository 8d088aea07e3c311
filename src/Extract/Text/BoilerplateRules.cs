using System.Text.RegularExpressions;
using Extract.Layout;

namespace Extract.Text;

/// <summary>Line-level boilerplate rules for Chinese news pages (navigation, link lists, copyright, widgets, counters, file names).</summary>
internal static partial class BoilerplateRules
{
    /// <summary>True when the whole (normalised) line is page furniture rather than article content.</summary>
    public static bool IsBoilerplateLine(string line)
    {
        if (line.Length == 0)
        {
            return false;
        }

        if (OnlySymbolsRegex().IsMatch(line))
        {
            return !line.All(c => c is '…' or '.' or '。');
        }

        return NavigationRegex().IsMatch(line)
            || (line.Length <= 200 && CopyrightNotice.Mentions(line))
            || line.StartsWith("版权", StringComparison.Ordinal)
            || (line.Length <= 60 && WidgetRegex().IsMatch(line))
            || (line.Length <= 40 && CounterRegex().IsMatch(line))
            || FileNameRegex().IsMatch(line)
            || (line.Length <= 16 && BulletItemRegex().IsMatch(line))
            || (line.Length <= 60 && IsBreadcrumb(line))
            || (line.Length <= 80 && (MenuRegex().IsMatch(line) || RelatedItemRegex().IsMatch(line)))
            || (line.Length <= 40 && OnlyWidgets(line))
            || (line.Length <= 80 && EndMarkRegex().IsMatch(line));
    }

    /// <summary>
    /// A breadcrumb without a 当前位置 key: two or more short segments joined by &gt; » › (宝鸡新闻网 &gt; 社会民生 &gt; 正文),
    /// or three or more by spaced / or - from 首页 (首页 / 新闻中心 / 企业新闻).
    /// </summary>
    private static bool IsBreadcrumb(string line)
    {
        // Checked on every line: split only lines that have a separator of their kind.
        if (line.AsSpan().IndexOfAny('>', '»', '›') >= 0 && line.Split(['>', '»', '›'], StringSplitOptions.TrimEntries).All(ShortSegment))
        {
            return true;
        }

        var lead = line.AsSpan().TrimStart();
        if (!(lead.StartsWith("首页", StringComparison.Ordinal) || lead.StartsWith("网站首页", StringComparison.Ordinal) || lead.StartsWith("主页", StringComparison.Ordinal)))
        {
            return false;
        }

        var parts = SpacedSeparatorRegex().Split(line);
        return parts.Length >= 3 && parts[0].Trim() is "首页" or "网站首页" or "主页" && parts.All(p => ShortSegment(p.Trim()));
    }

    private static bool ShortSegment(string segment) =>
        segment.Length is >= 1 and <= 12 && segment.IndexOfAny(['。', '，', ',', '；', '！', '？', '、', '“', '”']) < 0;

    /// <summary>A line of share, print and close buttons and nothing else ([分享] [打印] [关闭]; 分享：微信 | 微博 | 复制链接; 【纠错】).</summary>
    private static bool OnlyWidgets(string line)
    {
        var rest = WidgetWordRegex().Replace(line, "");
        return rest.Length < line.Length && rest.All(c => c is ' ' or '|' or '｜' or '/' or '[' or ']' or '【' or '】' or ':' or '：' or '·');
    }

    /// <summary>True for headers of link lists (相关链接, 频道精选…): the short lines after them are list items.</summary>
    public static bool IsListHeader(string line) => line.Length <= 12 && ListHeaderRegex().IsMatch(line);

    /// <summary>True for a short line that can only be a list item (no sentence punctuation).</summary>
    public static bool IsShortListItem(string line) =>
        line.Length <= 20 && line.IndexOfAny(['。', '，', ',', '；', '！', '？', ':', '：']) < 0;

    [GeneratedRegex(@"^[\p{P}\p{S}\s×]+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OnlySymbolsRegex();

    [GeneratedRegex(@"^(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|您当前的位置|您当前所在位置|当前所在位置|所在位置|当前页面|位置)\s*[:：>]|^[【\[]?\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇|阅读下一篇|阅读上一篇)|^首页\s*[>»›]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NavigationRegex();

    [GeneratedRegex(@"返回.{0,8}首页|返回顶部|返回列表|关闭窗口|打印本页|【\s*(?:打印|关闭|收藏|字体)|分享到|字体\s*[:：]?\s*[【\[]?\s*大|字号\s*[:：]?\s*[【\[]?\s*(?:大|T)|扫一扫|扫描二维码|扫码|长按识别|下载.{0,6}(?:APP|App|app|客户端)|^(?:打印|关闭|收藏|分享|返回|纠错|推荐)(?:\s+(?:打印|关闭|收藏|分享|返回|纠错|推荐))*$|网站地图|联系我们|关于我们|分享至|^(?:登录|注册|登录注册|注册登录|举报|我要评论|查看评论|缩小字体|放大字体)$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WidgetRegex();

    [GeneratedRegex(@"(?:浏览次数|阅读次数|点击数|点击量|访问量|浏览量|阅读量|访问次数)\s*[:：]?\s*\d*|^阅读\s*[:：]\s*\d+$|^\d+\s*人参与(?:\s*\d+\s*条?评论)?$|^\d+\s*条?评论(?:\s*收藏)?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CounterRegex();

    [GeneratedRegex(@"^\S*(?:微信图片_\d+|IMG_\d+|DSC_?\d+)\S*$|^\S+\.(?:jpe?g|png|gif|bmp|webp)$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FileNameRegex();

    [GeneratedRegex(@"^[•·●◆■□▪►>»]\s*\S", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BulletItemRegex();

    [GeneratedRegex(@"^(?:相关链接|相关新闻|相关阅读|相关文章|相关报道|频道精选|推荐阅读|热点推荐|延伸阅读|热门推荐|猜你喜欢|精彩推荐|图片新闻|热点新闻|热门文章|最新文章|更多新闻|友情链接)\s*[:：>]?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListHeaderRegex();

    [GeneratedRegex(@"\s+[/\-－]\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpacedSeparatorRegex();

    // A site menu: 首页 | 公司要闻 | 基层动态 | …; 网站首页　集团概况　新闻中心 …; e-paper navigation (返回目录　上一版　下一版).
    [GeneratedRegex(@"^(?:网站首页|首页|主页)(?:\s*[|｜·]?\s*[\u4e00-\u9fff]{2,6}){3,}$|^(?:(?:返回目录|上一版|下一版|上一期|下一期|版面导航|本版目录)\s*)+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MenuRegex();

    // An item of a related-links list written on the header's line (相关链接：…, 本版其他文章：…).
    [GeneratedRegex(@"^(?:相关链接|相关新闻|相关阅读|相关文章|相关报道|延伸阅读|推荐阅读|本版其他文章|本版更多文章)\s*[:：]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RelatedItemRegex();

    [GeneratedRegex(@"分享到|分享|打印本页|打印|关闭窗口|关闭|收藏|纠错|推荐|返回|微信|微博|QQ空间|QQ|朋友圈|复制链接", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WidgetWordRegex();

    // An end mark, a page address or a reprint notice, a photo credit (（完）; 本文地址：http…; 转载请注明来源; （本文图片由…提供）).
    [GeneratedRegex(@"^[（(]\s*完\s*[）)]$|^(?:本文地址|原文链接|原文地址)\s*[:：]\s*https?://|转载请注明|^[（(]\s*(?:本文)?(?:图片|照片)(?:由|来源[:：]).{1,24}[）)]$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EndMarkRegex();
}
