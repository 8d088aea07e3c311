using System.Buffers;
using System.Text;
using Extract.Segmentation.Dictionary;
using Extract.Segmentation.Hmm;

namespace Extract.Segmentation;

/// <summary>
/// Jieba's <c>Tokenizer.cut</c> (accurate mode with and without HMM, full mode) and <c>cut_for_search</c>,
/// over spans: every token is a substring of the input, reported as (start, end) in UTF-16 units.
/// </summary>
internal static class Cutter
{
    /// <summary>Accurate mode (<c>cut(text, cut_all=False, HMM=hmm)</c>).</summary>
    public static void Cut(ReadOnlySpan<char> text, DictionaryView dict, bool hmm, SpanList output)
    {
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var j = i;
            if (CharClasses.IsHanDefault(text[i]))
            {
                while (j < n && CharClasses.IsHanDefault(text[j]))
                {
                    j++;
                }

                CutBlock(text, i, j, dict, hmm, output);
            }
            else
            {
                while (j < n && !CharClasses.IsHanDefault(text[j]))
                {
                    j++;
                }

                CutSkipBlock(text, i, j, output);
            }

            i = j;
        }
    }

    /// <summary>Search mode (<c>cut_for_search</c>): dictionary 2- and 3-grams of long words, then the word.</summary>
    public static void CutForSearch(ReadOnlySpan<char> text, DictionaryView dict, bool hmm, SpanList output)
    {
        var words = new SpanList();
        Cut(text, dict, hmm, words);
        for (var w = 0; w < words.Count; w++)
        {
            var s = words.Start(w);
            var e = words.End(w);
            var len = e - s;
            if (len > 2)
            {
                for (var i = s; i < e - 1; i++)
                {
                    if (dict.Freq(text.Slice(i, 2)) != 0)
                    {
                        output.Add(i, i + 2);
                    }
                }
            }

            if (len > 3)
            {
                for (var i = s; i < e - 2; i++)
                {
                    if (dict.Freq(text.Slice(i, 3)) != 0)
                    {
                        output.Add(i, i + 3);
                    }
                }
            }

            output.Add(s, e);
        }
    }

    /// <summary>
    /// Full mode (<c>cut(text, cut_all=True)</c>). Returns strings: Jieba's full mode can yield empty strings and,
    /// in rare Latin cases, a buffer that is not one substring.
    /// </summary>
    public static List<string> CutAll(string text, DictionaryView dict)
    {
        var result = new List<string>();
        var n = text.Length;
        var i = 0;
        var ends = new List<int>();
        while (i < n)
        {
            var j = i;
            if (CharClasses.IsHanDefault(text[i]))
            {
                while (j < n && CharClasses.IsHanDefault(text[j]))
                {
                    j++;
                }

                CutAllBlock(text.AsSpan(i, j - i), dict, ends, result);
            }
            else
            {
                while (j < n && !CharClasses.IsHanDefault(text[j]))
                {
                    j++;
                }

                // re_skip.split: pieces (possibly empty) alternate with separators; full mode yields them all.
                var piece = i;
                var k = i;
                while (k < j)
                {
                    var sep = CharClasses.SkipAt(text, k);
                    if (sep == 0)
                    {
                        k++;
                        continue;
                    }

                    result.Add(text[piece..k]);
                    result.Add(text.Substring(k, sep));
                    k += sep;
                    piece = k;
                }

                result.Add(text[piece..j]);
            }

            i = j;
        }

        return result;
    }

    private static void CutAllBlock(ReadOnlySpan<char> s, DictionaryView dict, List<int> ends, List<string> result)
    {
        var oldJ = -1;
        var engScan = false;
        var engBuf = new StringBuilder();
        for (var k = 0; k < s.Length; k++)
        {
            dict.DagAt(s, k, ends);
            if (engScan && !CharClasses.IsAsciiAlnum(s[k]))
            {
                engScan = false;
                result.Add(engBuf.ToString());
            }

            if (ends.Count == 1 && k > oldJ)
            {
                var word = s[k..(ends[0] + 1)];
                if (CharClasses.IsAsciiAlnum(word[0]))
                {
                    if (!engScan)
                    {
                        engScan = true;
                        engBuf.Clear().Append(word);
                    }
                    else
                    {
                        engBuf.Append(word);
                    }
                }

                if (!engScan)
                {
                    result.Add(word.ToString());
                }

                oldJ = ends[0];
            }
            else
            {
                foreach (var j in ends)
                {
                    if (j > k)
                    {
                        result.Add(s[k..(j + 1)].ToString());
                        oldJ = j;
                    }
                }
            }
        }

        if (engScan)
        {
            result.Add(engBuf.ToString());
        }
    }

    /// <summary>A non-Han block: separators as tokens, every other code point alone.</summary>
    private static void CutSkipBlock(ReadOnlySpan<char> text, int start, int end, SpanList output)
    {
        var k = start;
        while (k < end)
        {
            var sep = CharClasses.SkipAt(text, k);
            var len = sep > 0 ? sep : CharClasses.CodePointLength(text, k);
            output.Add(k, k + len);
            k += len;
        }
    }

    private static void CutBlock(ReadOnlySpan<char> text, int start, int end, DictionaryView dict, bool hmm, SpanList output)
    {
        var n = end - start;
        var block = text.Slice(start, n);
        int[]? nextRented = null;
        double[]? probRented = null;
        var next = n <= 128 ? stackalloc int[128] : (nextRented = ArrayPool<int>.Shared.Rent(n));
        var prob = n <= 128 ? stackalloc double[129] : (probRented = ArrayPool<double>.Shared.Rent(n + 1));
        dict.Route(block, next, prob);
        if (hmm)
        {
            EmitWithHmm(text, start, end, next, dict, output);
        }
        else
        {
            EmitWithoutHmm(text, start, end, next, output);
        }

        if (nextRented is not null)
        {
            ArrayPool<int>.Shared.Return(nextRented);
        }

        if (probRented is not null)
        {
            ArrayPool<double>.Shared.Return(probRented);
        }
    }

    private static void EmitWithHmm(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<int> next, DictionaryView dict, SpanList output)
    {
        var x = start;
        var buf = -1;
        while (x < end)
        {
            var y = next[x - start] + start;
            if (y - x == 1)
            {
                if (buf < 0)
                {
                    buf = x;
                }
            }
            else
            {
                if (buf >= 0)
                {
                    FlushBuffer(text, buf, x, dict, output);
                    buf = -1;
                }

                output.Add(x, y);
            }

            x = y;
        }

        if (buf >= 0)
        {
            FlushBuffer(text, buf, end, dict, output);
        }
    }

    private static void FlushBuffer(ReadOnlySpan<char> text, int start, int end, DictionaryView dict, SpanList output)
    {
        if (end - start == 1)
        {
            output.Add(start, end);
        }
        else if (dict.Freq(text[start..end]) == 0)
        {
            FinalSegViterbi.Cut(text, start, end, dict, output);
        }
        else
        {
            for (var i = start; i < end; i++)
            {
                output.Add(i, i + 1);
            }
        }
    }

    private static void EmitWithoutHmm(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<int> next, SpanList output)
    {
        var x = start;
        var buf = -1;
        while (x < end)
        {
            var y = next[x - start] + start;
            if (y - x == 1 && CharClasses.IsAsciiAlnum(text[x]))
            {
                if (buf < 0)
                {
                    buf = x;
                }

                x = y;
                continue;
            }

            if (buf >= 0)
            {
                output.Add(buf, x);
                buf = -1;
            }

            output.Add(x, y);
            x = y;
        }

        if (buf >= 0)
        {
            output.Add(buf, end);
        }
    }
}
