using System.Collections.Immutable;
using Extract.Page;
using Extract.Metadata;
using Extract.Layout;

namespace Extract.Page;

/// <summary>
/// Features of the page's text blocks (the lines <see cref="PageWalker"/> cuts the DOM into), one fixed-size vector per
/// block, for the page-block model: the block's own text statistics (length, CJK share, punctuation per character, link
/// density), the heuristic's view of it (<see cref="ContentScorer"/> value and area), its tag, depth and ancestry (list,
/// table, form, header/footer, nav/aside, article/main), hashed class/id words of its element and of its ancestors, its
/// position on the page and distance to the title and date lines, the density of its block and parent block, and the
/// core statistics of the two blocks before and after it. Nothing here names a site: class/id words go through a hash.
/// </summary>
internal static class PageBlockFeatures
{
    /// <summary>Layout version: a model trained on another layout must not be used with this one.</summary>
    public const int Version = 1;

    /// <summary>The length of every feature vector.</summary>
    public const int Count = OwnStart + OwnCount;

    private const int CoreCount = 13;
    private const int Neighbours = 4; // blocks -2, -1, +1, +2
    private const int HashBuckets = 32;
    private const int OwnStart = CoreCount * (1 + Neighbours);
    private const int OwnCount = 1 + TagSlots + 7 + 2 + (2 * HashBuckets) + 2 + 8 + 7 + 10;
    private const int TagSlots = 10;
    private const int AncestorNames = 4;

    /// <summary>Writes the features of every line of <paramref name="layout"/> into <paramref name="features"/> (lines × <see cref="Count"/>, row-major).</summary>
    /// <param name="layout">The walked page.</param>
    /// <param name="title">The page title as <see cref="PageTitle.Choose(Extract.Layout.PageLayout)"/> found it, or null.</param>
    /// <param name="area">The heuristic's article area.</param>
    /// <param name="features">Destination, at least <c>layout.Lines.Length * Count</c> long; cleared here.</param>
    public static void Write(PageLayout layout, string? title, ContentArea area, Span<float> features)
    {
        var lines = layout.Lines;
        var blocks = layout.Blocks;
        var n = lines.Length;
        if (n == 0)
        {
            return;
        }

        features[..(n * Count)].Clear();
        var depth = Depths(blocks);
        var (blockChars, blockLinks, blockLines, blockProse) = BlockTotals(layout);
        var dated = new bool[n];
        var totalChars = 0;
        var maxChars = 1;
        for (var i = 0; i < n; i++)
        {
            dated[i] = PublishDate.FromLine(lines[i].Text) is not null;
            totalChars += lines[i].Chars;
            maxChars = Math.Max(maxChars, lines[i].Chars);
        }

        var titleLine = TitleLine(lines, title, area.First);
        var dateLine = DateLine(dated, titleLine);
        var areaTotal = Math.Max(1.0, blockProse.Length > 0 ? blockProse[0] : 0);

        // The core statistics of each line, then copied beside its neighbours.
        var core = new float[n * CoreCount];
        for (var i = 0; i < n; i++)
        {
            WriteCore(lines[i], blocks[lines[i].Block].Hint, dated[i], i >= area.First && i <= area.Last, core.AsSpan(i * CoreCount, CoreCount));
        }

        var before = 0;
        for (var i = 0; i < n; i++)
        {
            var row = features.Slice(i * Count, Count);
            core.AsSpan(i * CoreCount, CoreCount).CopyTo(row);
            var slot = 1;
            foreach (var offset in (ReadOnlySpan<int>)[-2, -1, 1, 2])
            {
                var j = i + offset;
                if (j >= 0 && j < n)
                {
                    core.AsSpan(j * CoreCount, CoreCount).CopyTo(row.Slice(slot * CoreCount, CoreCount));
                }
                else
                {
                    row[(slot * CoreCount) + 0] = -1; // no block there
                }

                slot++;
            }

            var own = row[OwnStart..];
            var line = lines[i];
            var b = line.Block;
            var k = 0;
            own[k++] = depth[b];

            // Tag of the block holding the line.
            own[k + TagSlot(blocks[b].Tag)] = 1;
            k += TagSlots;

            // Ancestry and the nearest ancestors' hints.
            int minHint = 0, maxHint = 0;
            bool inList = false, inTable = false, inForm = false, inHeader = false, inNav = false, inArticle = false, inHeading = false;
            for (var a = b; a >= 0; a = blocks[a].Parent)
            {
                var tag = blocks[a].Tag;
                inList |= tag is "li" or "ul" or "ol" or "dl" or "dd" or "dt" or "menu";
                inTable |= tag is "td" or "th" or "table" or "tr";
                inForm |= tag is "form" or "fieldset";
                inHeader |= tag is "header" or "footer";
                inNav |= tag is "nav" or "aside";
                inArticle |= tag is "article" or "main";
                inHeading |= tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
                if (a != b)
                {
                    minHint = Math.Min(minHint, blocks[a].Hint);
                    maxHint = Math.Max(maxHint, blocks[a].Hint);
                }
            }

            own[k++] = inList ? 1 : 0;
            own[k++] = inTable ? 1 : 0;
            own[k++] = inForm ? 1 : 0;
            own[k++] = inHeader ? 1 : 0;
            own[k++] = inNav ? 1 : 0;
            own[k++] = inArticle ? 1 : 0;
            own[k++] = inHeading ? 1 : 0;
            own[k++] = minHint;
            own[k++] = maxHint;

            // Hashed class/id words: the block's own element, then its nearest ancestors.
            HashWords(blocks[b].Names, own.Slice(k, HashBuckets));
            k += HashBuckets;
            var ancestor = blocks[b].Parent;
            for (var level = 0; level < AncestorNames && ancestor >= 0; level++, ancestor = blocks[ancestor].Parent)
            {
                HashWords(blocks[ancestor].Names, own.Slice(k, HashBuckets));
            }

            k += HashBuckets;

            // Position on the page.
            own[k++] = n > 1 ? (float)i / (n - 1) : 0;
            own[k++] = totalChars > 0 ? (float)before / totalChars : 0;
            before += line.Chars;

            // Distance to the title line and to the date line (signed, in lines, and as a share of the page).
            k = Distance(own, k, i, titleLine, n);
            k = Distance(own, k, i, dateLine, n);

            // Density of the block holding the line, and of its parent's subtree.
            var parent = blocks[b].Parent >= 0 ? blocks[b].Parent : b;
            own[k++] = Log(blockChars[b]);
            own[k++] = blockChars[b] > 0 ? (float)blockLinks[b] / blockChars[b] : 0;
            own[k++] = Log(blockLines[b]);
            own[k++] = Log(blockChars[parent]);
            own[k++] = blockChars[parent] > 0 ? (float)blockLinks[parent] / blockChars[parent] : 0;
            own[k++] = blockChars[parent] > 0 ? (float)blockProse[parent] / blockChars[parent] : 0;
            own[k++] = (float)(blockProse[b] / areaTotal);

            // The heuristic's area as a whole, and the page.
            own[k++] = area.Block >= 0 && layout.Contains(area.Block, b) ? 1 : 0;
            own[k++] = Log(area.Score > 0 ? area.Score : 0);
            own[k++] = Log(totalChars);
            own[k++] = Log(n);
            own[k++] = (float)line.Chars / maxChars;
            own[k++] = area.First < 0 ? 0 : i < area.First ? -Log(area.First - i) : i > area.Last ? Log(i - area.Last) : 0;
            own[k++] = titleLine == i ? 1 : 0;
            own[k++] = Log(i);
            own[k++] = Log(n - 1 - i);
            own[k++] = line.Text.Length > 0 && char.IsAsciiDigit(line.Text[0]) ? 1 : 0;
            System.Diagnostics.Debug.Assert(k == OwnCount, "feature layout and OwnCount disagree");
        }
    }

    private static void WriteCore(PageLine line, int hint, bool dated, bool inArea, Span<float> core)
    {
        var text = line.Text;
        var cjk = 0;
        foreach (var c in text)
        {
            cjk += c is >= '\u4e00' and <= '\u9fff' ? 1 : 0;
        }

        var value = ContentScorer.Value(line);
        var last = text.Length > 0 ? text[^1] : ' ';
        core[0] = Log(line.Chars);
        core[1] = Log(text.Length);
        core[2] = text.Length > 0 ? (float)cjk / text.Length : 0;
        core[3] = line.Chars > 0 ? (float)line.Punctuation / line.Chars : 0;
        core[4] = (float)line.LinkDensity;
        core[5] = line.IsLinks ? 1 : 0;
        core[6] = line.InFurniture ? 1 : 0;
        core[7] = ContentScorer.IsProse(line) ? 1 : 0;
        core[8] = (float)(Math.Sign(value) * Math.Log(1 + Math.Abs(value)));
        core[9] = inArea ? 1 : 0;
        core[10] = dated ? 1 : 0;
        core[11] = hint;
        core[12] = last is '。' or '！' or '？' or '”' or '…' or '.' or '!' or '?' or '；' ? 1 : 0;
    }

    private static int Distance(Span<float> own, int k, int i, int target, int n)
    {
        if (target < 0)
        {
            own[k++] = 0;
            own[k++] = 0;
            own[k++] = 0;
            own[k++] = 1; // no such line
            return k;
        }

        var d = i - target;
        own[k++] = (float)d / n;
        own[k++] = Math.Sign(d) * Log(Math.Abs(d));
        own[k++] = d is > 0 and <= 3 ? 1 : 0;
        own[k++] = 0;
        return k;
    }

    private static int TagSlot(string tag) => tag switch
    {
        "p" => 0,
        "div" => 1,
        "td" or "th" => 2,
        "li" or "dd" or "dt" => 3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => 4,
        "pre" or "blockquote" => 5,
        "table" or "tr" or "tbody" or "thead" or "tfoot" or "ul" or "ol" or "dl" => 6,
        "center" or "section" or "article" or "main" => 7,
        "body" or "html" => 8,
        _ => 9,
    };

    /// <summary>The last line before the heuristic area that repeats the title, else the first anywhere; -1 if none.</summary>
    private static int TitleLine(ImmutableArray<PageLine> lines, string? title, int areaFirst)
    {
        if (title is null)
        {
            return -1;
        }

        var best = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Text;
            var agrees = text == title || (text.Length >= 4 && title.Contains(text, StringComparison.Ordinal) && text.Length * 2 >= title.Length)
                || (text.Contains(title, StringComparison.Ordinal) && text.Length <= title.Length + 12);
            if (!agrees)
            {
                continue;
            }

            if (best < 0 || i <= areaFirst)
            {
                best = i;
            }

            if (i > areaFirst && areaFirst >= 0)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>The first date line after the title line (within 40 lines), else the first date line on the page; -1 if none.</summary>
    private static int DateLine(bool[] dated, int titleLine)
    {
        if (titleLine >= 0)
        {
            for (var i = titleLine; i < Math.Min(dated.Length, titleLine + 40); i++)
            {
                if (dated[i])
                {
                    return i;
                }
            }
        }

        return Array.IndexOf(dated, true);
    }

    private static float[] Depths(ImmutableArray<PageBlock> blocks)
    {
        var depth = new float[blocks.Length];
        for (var i = 0; i < blocks.Length; i++)
        {
            var parent = blocks[i].Parent;
            depth[i] = parent >= 0 ? depth[parent] + 1 : 0;
        }

        return depth;
    }

    /// <summary>Letters, link letters, lines and prose letters in each block's subtree.</summary>
    private static (int[] Chars, int[] Links, int[] Lines, int[] Prose) BlockTotals(PageLayout layout)
    {
        var count = layout.Blocks.Length;
        var chars = new int[count];
        var links = new int[count];
        var lineCount = new int[count];
        var prose = new int[count];
        foreach (var line in layout.Lines)
        {
            chars[line.Block] += line.Chars;
            links[line.Block] += line.LinkChars;
            lineCount[line.Block]++;
            prose[line.Block] += ContentScorer.IsProse(line) ? line.Chars - line.LinkChars : 0;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var parent = layout.Blocks[i].Parent;
            if (parent >= 0)
            {
                chars[parent] += chars[i];
                links[parent] += links[i];
                lineCount[parent] += lineCount[i];
                prose[parent] += prose[i];
            }
        }

        return (chars, links, lineCount, prose);
    }

    /// <summary>Adds 1 to a bucket per class/id word (FNV-1a of the lower-case word: stable across runs and platforms).</summary>
    private static void HashWords(string names, Span<float> buckets)
    {
        if (names.Length == 0)
        {
            return;
        }

        foreach (var word in ElementHints.Words(names))
        {
            var hash = 2166136261u;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }

            buckets[(int)(hash % (uint)buckets.Length)] += 1;
        }
    }

    private static float Log(double value) => (float)Math.Log(1 + Math.Max(0, value));
}
