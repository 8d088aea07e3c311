using System.Text.RegularExpressions;

namespace Extract.Layout;

/// <summary>Copyright and site-registration notices (版权所有, Copyright, ©, ICP备…), shared by the page and text stages.</summary>
internal static partial class CopyrightNotice
{
    /// <summary>True when <paramref name="line"/> names a copyright, a disclaimer, a site registration or a reprint ban anywhere in it.</summary>
    public static bool Mentions(string line) => CopyrightRegex().IsMatch(line);

    /// <summary>
    /// A copyright or site-registration notice standing as a line of its own (版权所有…; Copyright © … All rights
    /// reserved; 京ICP备…): short, no Chinese sentence punctuation, so an article's sentence about copyright is not one.
    /// </summary>
    public static bool IsNotice(string line) =>
        line.Length <= 120 && line.IndexOfAny(['。', '，']) < 0 && Mentions(line);

    [GeneratedRegex(@"版权所有|版权声明|免责声明|Copyright|All Rights Reserved|©|ICP备|ICP证|公网安备|网站标识码|主办单位[:：]|承办单位[:：]|技术支持[:：]|未经.{0,10}授权.{0,10}不得转载", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CopyrightRegex();
}
