using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Extract.Layout;

namespace Extract.Page;

/// <summary>
/// Pages that show several posts one after another — a blog's front page or archive, a column's page of recent
/// pieces: each post a short heading, a bare date-and-time stamp on its own line, then its prose. The record holds one
/// article per page, and such pages lead with the post they are about (the newest), so the article is the first post:
/// the text stops before the heading of the second. Ordinary articles never match: they state their date once, or
/// in a keyed line (发布时间：…), or with prose around it.
/// </summary>
internal static partial class PagePosts
{
    /// <summary>Lines after a stamp within which its post's prose must begin.</summary>
    private const int ProseWithin = 4;

    /// <summary>Headings longer than this are prose, not a post's title.</summary>
    private const int HeadingChars = 40;

    /// <summary>
    /// The last line of the first post when lines <paramref name="first"/>..<paramref name="last"/> run over two or more
    /// posts (a stamped heading before the first kept prose or at its start, and another after it); otherwise
    /// <paramref name="last"/>. Headings are searched from <paramref name="searchFrom"/>, as the first post's may sit
    /// above the text the page stage kept.
    /// </summary>
    public static int FirstPostEnd(ImmutableArray<PageLine> lines, int searchFrom, int first, int last, bool[] keep)
    {
        var firstProse = -1;
        for (var i = first; i <= last && firstProse < 0; i++)
        {
            if (keep[i] && ContentScorer.IsProse(lines[i]))
            {
                firstProse = i;
            }
        }

        if (firstProse < 0)
        {
            return last;
        }

        var opened = false;
        for (var i = Math.Max(1, searchFrom); i <= last; i++)
        {
            if (!IsPostStamp(lines, i, last))
            {
                continue;
            }

            if (i < firstProse)
            {
                opened = true;
            }
            else if (opened)
            {
                // The second post's heading is the line before its stamp; the first post ends before it.
                return Math.Max(first, i - 2);
            }
        }

        return last;
    }

    /// <summary>A bare date-and-time line under a short heading, with prose starting right after.</summary>
    private static bool IsPostStamp(ImmutableArray<PageLine> lines, int i, int last)
    {
        var line = lines[i];
        if (line.InFurniture || !BareStampRegex().IsMatch(line.Text))
        {
            return false;
        }

        var heading = lines[i - 1];
        if (heading.Chars < 2 || heading.Chars > HeadingChars || heading.Punctuation > 2 || BareStampRegex().IsMatch(heading.Text))
        {
            return false;
        }

        for (var j = i + 1; j <= Math.Min(last, i + ProseWithin); j++)
        {
            if (BareStampRegex().IsMatch(lines[j].Text))
            {
                return false;
            }

            if (ContentScorer.IsProse(lines[j]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^[\s\[(（【]*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[\s\])）】]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BareStampRegex();
}
