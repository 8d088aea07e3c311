namespace Extract.Page;

/// <summary>
/// Picks the article container: the block whose lines add up to the most article-like text, where a line counts for
/// its non-link letters when it reads like prose (punctuation or length) and against when it is links, furniture or a
/// short label. Class/id hints (content, TRS_Editor, zoom… / share, comment, related…) weigh the candidates.
/// </summary>
internal static class ContentScorer
{
    /// <summary>The index of the best container block, and its score (≤ 0 when the page has no prose at all).</summary>
    public static (int Block, double Score) Choose(PageLayout layout)
    {
        var blocks = layout.Blocks;
        if (blocks.IsEmpty)
        {
            return (-1, 0);
        }

        var totals = new double[blocks.Length];
        foreach (var line in layout.Lines)
        {
            totals[line.Block] += Value(line);
        }

        for (var i = blocks.Length - 1; i > 0; i--)
        {
            if (blocks[i].Parent >= 0)
            {
                totals[blocks[i].Parent] += totals[i];
            }
        }

        var best = 0;
        var bestScore = double.MinValue;
        for (var i = 0; i < blocks.Length; i++)
        {
            var score = totals[i];
            if (score > 0)
            {
                score *= blocks[i].Hint switch { > 0 => 1.2, < 0 => 0.6, _ => 1.0 };
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return (best, bestScore);
    }

    /// <summary>How much one line speaks for the block holding it being the article.</summary>
    public static double Value(PageLine line)
    {
        if (line.Chars == 0)
        {
            return 0;
        }

        if (line.InFurniture || line.LinkDensity > 0.5)
        {
            return -line.Chars - 3;
        }

        var plain = line.Chars - line.LinkChars;
        if (line.Punctuation == 0 && plain < 25)
        {
            return -0.5 * line.Chars - 1;
        }

        return plain - (2.0 * line.LinkChars) + Math.Min(line.Punctuation, 10);
    }

    /// <summary>True for a line that reads like a sentence of the article (not links, not furniture, has punctuation or length).</summary>
    public static bool IsProse(PageLine line) =>
        !line.InFurniture && line.LinkDensity <= 0.5 && line.Chars - line.LinkChars >= 10 && (line.Punctuation > 0 || line.Chars >= 25);
}
