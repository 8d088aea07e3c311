using Extract.Layout;

namespace Extract.Page;

/// <summary>The article area: a run of consecutive lines that is one block, or a run of sibling blocks and lines inside one block.</summary>
/// <param name="Block">The block holding the run.</param>
/// <param name="First">Index of the run's first line in <see cref="PageLayout.Lines"/>.</param>
/// <param name="Last">Index of the run's last line.</param>
/// <param name="Score">How article-like the run is; ≤ 0 when the page has no prose.</param>
internal readonly record struct ContentArea(int Block, int First, int Last, double Score);

/// <summary>
/// Picks the article area. Each line scores for its non-link letters when it reads like prose (punctuation or length)
/// and against when it is links, furniture or a short label; a block scores the sum of its lines. Within every block
/// the best run of consecutive children (sibling blocks and direct lines, by maximum-sum subarray) is a candidate, so
/// an article whose paragraphs sit beside link lists in one table cell is still cut out cleanly. Class/id hints
/// (content, TRS_Editor, zoom… / share, comment, related…) weigh whole-block candidates.
/// </summary>
internal static class ContentScorer
{
    /// <summary>How close to the best score a more compact area must come to be preferred.</summary>
    private const double CompactShare = 0.8;

    /// <summary>The share of a Latin letter's weight taken off in <see cref="AreaValue"/> (each counts 1 − 0.75 = a quarter).</summary>
    private const double LatinDiscount = 0.75;

    public static ContentArea Choose(PageLayout layout, CancellationToken cancellationToken)
    {
        var blocks = layout.Blocks;
        var lines = layout.Lines;
        if (blocks.IsEmpty || lines.IsEmpty)
        {
            return new ContentArea(-1, -1, -1, 0);
        }

        var totals = new double[blocks.Length];
        var firstLine = new int[blocks.Length];
        var lastLine = new int[blocks.Length];
        Array.Fill(firstLine, -1);
        for (var i = 0; i < lines.Length; i++)
        {
            var b = lines[i].Block;
            totals[b] += AreaValue(lines[i]);
            firstLine[b] = firstLine[b] < 0 ? i : firstLine[b];
            lastLine[b] = i;
        }

        for (var i = blocks.Length - 1; i > 0; i--)
        {
            var parent = blocks[i].Parent;
            if (parent >= 0)
            {
                totals[parent] += totals[i];
                if (firstLine[i] >= 0)
                {
                    firstLine[parent] = firstLine[parent] < 0 ? firstLine[i] : Math.Min(firstLine[parent], firstLine[i]);
                    lastLine[parent] = Math.Max(lastLine[parent], lastLine[i]);
                }
            }
        }

        // Units of each block in document order: its direct lines and its child blocks (a child once, however many lines it has).
        var units = new List<(int Child, int First)>[blocks.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            if (i % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var b = lines[i].Block;
            (units[b] ??= []).Add((-1, i));
            for (var child = b; blocks[child].Parent >= 0; child = blocks[child].Parent)
            {
                var list = units[blocks[child].Parent] ??= [];
                if (list.Count > 0 && list[^1].Child == child)
                {
                    // The ancestors above already list this line's branch as their last unit.
                    break;
                }

                list.Add((child, i));
            }
        }

        var candidates = new List<ContentArea>();
        var best = new ContentArea(-1, -1, -1, double.MinValue);
        for (var b = 0; b < blocks.Length; b++)
        {
            if (units[b] is not { } list)
            {
                continue;
            }

            var whole = totals[b];
            if (whole > 0 && blocks[b].Tag is not ("body" or "html"))
            {
                whole *= blocks[b].Hint switch { > 0 => 1.2, < 0 => 0.6, _ => 1.0 };
            }

            candidates.Add(new ContentArea(b, firstLine[b], lastLine[b], whole));
            if (whole > best.Score)
            {
                best = candidates[^1];
            }

            // Maximum-sum run of consecutive units (Kadane).
            var runBest = new ContentArea(-1, -1, -1, double.MinValue);
            double run = 0;
            var runStart = 0;
            for (var u = 0; u < list.Count; u++)
            {
                var value = list[u].Child < 0 ? AreaValue(lines[list[u].First]) : totals[list[u].Child];
                if (run <= 0)
                {
                    run = value;
                    runStart = u;
                }
                else
                {
                    run += value;
                }

                if (run > runBest.Score)
                {
                    runBest = new ContentArea(b, list[runStart].First, list[u].Child < 0 ? list[u].First : lastLine[list[u].Child], run);
                }
            }

            if (runBest.First >= 0)
            {
                candidates.Add(runBest);
                best = runBest.Score > best.Score ? runBest : best;
            }
        }

        // Of the areas nearly as good as the best, the most compact: a thread's first post rather than the whole
        // thread, an article rather than the article plus the positive-scoring blurbs around it.
        var chosen = best;
        foreach (var candidate in candidates)
        {
            if (candidate.Score >= CompactShare * best.Score && candidate.Last - candidate.First < chosen.Last - chosen.First)
            {
                chosen = candidate;
            }
        }

        return chosen;
    }

    /// <summary>How much one line speaks for the area holding it being the article.</summary>
    public static double Value(PageLine line)
    {
        if (line.Chars == 0)
        {
            return 0;
        }

        if (line.InFurniture || line.IsLinks)
        {
            return -line.Chars - 3;
        }

        return Weighed(line, 1.0);
    }

    /// <summary><see cref="Value"/> of a line that is not links or furniture, its letters (linked and plain) counted at <paramref name="weight"/> each.</summary>
    private static double Weighed(PageLine line, double weight)
    {
        var links = (line.LinkDensity > 0.5 ? 0 : line.LinkChars) * weight;
        var plain = (line.Chars * weight) - links;
        if (line.Punctuation == 0 && plain < 25)
        {
            return (-0.5 * line.Chars * weight) - 1;
        }

        return plain - (2.0 * links) + Math.Min(line.Punctuation, 10);
    }

    /// <summary>
    /// How much one line speaks for the area holding it when areas are compared: <see cref="Value"/> (the page-block
    /// model's feature, left as it was trained), except that a copyright notice counts against its area as furniture
    /// does, and Latin letters count a quarter each — a Latin word is several letters where a Chinese word is one or
    /// two characters, so a line of English (a footer's disclaimer) must not outweigh Chinese paragraphs of the same
    /// reading length.
    /// </summary>
    public static double AreaValue(PageLine line)
    {
        if (line.Chars == 0 || line.InFurniture || line.IsLinks)
        {
            return Value(line);
        }

        if (CopyrightNotice.IsNotice(line.Text))
        {
            return -line.Chars - 3;
        }

        var latin = 0;
        foreach (var c in line.Text)
        {
            latin += c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') ? 1 : 0;
        }

        return latin == 0 ? Value(line) : Weighed(line, Math.Max(0, line.Chars - (LatinDiscount * latin)) / line.Chars);
    }

    /// <summary>True for a line that reads like a sentence of the article (not links, not furniture, has punctuation or length).</summary>
    public static bool IsProse(PageLine line) =>
        !line.InFurniture && !line.IsLinks && line.Chars >= 10 && (line.Punctuation > 0 || line.Chars >= 25);
}
