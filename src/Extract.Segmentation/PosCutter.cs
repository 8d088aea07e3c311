using System.Buffers;
using Extract.Segmentation.Dictionary;
using Extract.Segmentation.Hmm;

namespace Extract.Segmentation;

/// <summary>Jieba's <c>posseg.POSTokenizer.cut</c> over spans, with dictionary tags, the posseg HMM, and <c>eng</c>/<c>m</c>/<c>x</c>.</summary>
internal static class PosCutter
{
    public static void Cut(string text, DictionaryView dict, bool hmm, List<TaggedToken> output)
    {
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var j = i;
            if (CharClasses.IsHanInternal(text[i]))
            {
                while (j < n && CharClasses.IsHanInternal(text[j]))
                {
                    j++;
                }

                CutBlock(text, i, j, dict, hmm, output);
            }
            else
            {
                while (j < n && !CharClasses.IsHanInternal(text[j]))
                {
                    j++;
                }

                // re_skip_internal separators are 'x'; every other code point here is neither [.0-9] nor
                // [a-zA-Z0-9] (those belong to re_han_internal), so Jieba tags it 'x' as well.
                var k = i;
                while (k < j)
                {
                    var sep = CharClasses.SkipAt(text, k);
                    var len = sep > 0 ? sep : CharClasses.CodePointLength(text, k);
                    Add(text, k, k + len, "x", output);
                    k += len;
                }
            }

            i = j;
        }
    }

    private static void Add(string text, int start, int end, string tag, List<TaggedToken> output) =>
        output.Add(new TaggedToken(text[start..end], tag, start, end));

    private static void CutBlock(string text, int start, int end, DictionaryView dict, bool hmm, List<TaggedToken> output)
    {
        var n = end - start;
        var block = text.AsSpan(start, n);
        var next = ArrayPool<int>.Shared.Rent(n);
        var prob = ArrayPool<double>.Shared.Rent(n + 1);
        try
        {
            dict.Route(block, next, prob);
            var x = start;
            var buf = -1;
            while (x < end)
            {
                var y = next[x - start] + start;
                if (hmm)
                {
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
                            Flush(text, buf, x, dict, output);
                            buf = -1;
                        }

                        Add(text, x, y, dict.Tag(text.AsSpan(x, y - x)), output);
                    }
                }
                else if (y - x == 1 && CharClasses.IsAsciiAlnum(text[x]))
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
                        Add(text, buf, x, "eng", output);
                        buf = -1;
                    }

                    Add(text, x, y, dict.Tag(text.AsSpan(x, y - x)), output);
                }

                x = y;
            }

            if (buf >= 0)
            {
                if (hmm)
                {
                    Flush(text, buf, end, dict, output);
                }
                else
                {
                    Add(text, buf, end, "eng", output);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<double>.Shared.Return(prob);
        }
    }

    private static void Flush(string text, int start, int end, DictionaryView dict, List<TaggedToken> output)
    {
        var span = text.AsSpan(start, end - start);
        if (end - start == 1)
        {
            Add(text, start, end, dict.Tag(span), output);
        }
        else if (dict.Freq(span) == 0)
        {
            CutDetail(text, start, end, dict, output);
        }
        else
        {
            for (var i = start; i < end; i++)
            {
                Add(text, i, i + 1, dict.Tag(text.AsSpan(i, 1)), output);
            }
        }
    }

    /// <summary><c>__cut_detail</c>: Han runs through the posseg HMM, the rest split by <c>([\.0-9]+|[a-zA-Z0-9]+)</c>.</summary>
    private static void CutDetail(string text, int start, int end, DictionaryView dict, List<TaggedToken> output)
    {
        var k = start;
        while (k < end)
        {
            var j = k;
            if (CharClasses.IsHan(text[k]))
            {
                while (j < end && CharClasses.IsHan(text[j]))
                {
                    j++;
                }

                CutHan(text, k, j, dict.PosHmm, output);
                k = j;
                continue;
            }

            while (j < end && !CharClasses.IsHan(text[j]))
            {
                j++;
            }

            var gap = k;
            var p = k;
            while (p < j)
            {
                var c = text[p];
                int q;
                string tag;
                if (c == '.' || char.IsAsciiDigit(c))
                {
                    q = p + 1;
                    while (q < j && (text[q] == '.' || char.IsAsciiDigit(text[q])))
                    {
                        q++;
                    }

                    tag = "m";
                }
                else if (char.IsAsciiLetter(c))
                {
                    q = p + 1;
                    while (q < j && CharClasses.IsAsciiAlnum(text[q]))
                    {
                        q++;
                    }

                    tag = "eng";
                }
                else
                {
                    p++;
                    continue;
                }

                if (gap < p)
                {
                    Add(text, gap, p, "x", output);
                }

                Add(text, p, q, tag, output);
                p = q;
                gap = q;
            }

            if (gap < j)
            {
                Add(text, gap, j, "x", output);
            }

            k = j;
        }
    }

    private static void CutHan(string text, int start, int end, PosHmmModel model, List<TaggedToken> output)
    {
        var n = end - start;
        var rented = ArrayPool<short>.Shared.Rent(n);
        try
        {
            var route = rented.AsSpan(0, n);
            PosViterbi.Run(model, text.AsSpan(start, n), route);
            var begin = 0;
            var nexti = 0;
            for (var i = 0; i < n; i++)
            {
                var st = route[i];
                switch (model.Position[st])
                {
                    case 'B':
                        begin = i;
                        break;
                    case 'E':
                        Add(text, start + begin, start + i + 1, model.Tag[st], output);
                        nexti = i + 1;
                        break;
                    case 'S':
                        Add(text, start + i, start + i + 1, model.Tag[st], output);
                        nexti = i + 1;
                        break;
                }
            }

            if (nexti < n)
            {
                Add(text, start + nexti, end, model.Tag[route[nexti]], output);
            }
        }
        finally
        {
            ArrayPool<short>.Shared.Return(rented);
        }
    }
}
