using System.Buffers;
using Extract.Segmentation.Dictionary;

namespace Extract.Segmentation.Hmm;

/// <summary>Jieba's <c>finalseg.cut</c> for one buffer of unknown characters.</summary>
internal static class FinalSegViterbi
{
    /// <summary>
    /// Cuts <c>text[start..end)</c> as <c>finalseg.cut</c> does: Han runs through the B/M/E/S Viterbi,
    /// the rest split by <c>([a-zA-Z0-9]+(?:\.\d+)?%?)</c>.
    /// </summary>
    public static void Cut(ReadOnlySpan<char> text, int start, int end, DictionaryView dict, SpanList output)
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

                CutHan(text, k, j, dict, output);
            }
            else
            {
                while (j < end && !CharClasses.IsHan(text[j]))
                {
                    j++;
                }

                CutSkip(text, k, j, output);
            }

            k = j;
        }
    }

    private static void CutSkip(ReadOnlySpan<char> text, int start, int end, SpanList output)
    {
        var gap = start;
        var p = start;
        while (p < end)
        {
            if (!CharClasses.IsAsciiAlnum(text[p]))
            {
                p++;
                continue;
            }

            var q = p;
            while (q < end && CharClasses.IsAsciiAlnum(text[q]))
            {
                q++;
            }

            if (q + 1 < end && text[q] == '.' && char.IsAsciiDigit(text[q + 1]))
            {
                q += 2;
                while (q < end && char.IsAsciiDigit(text[q]))
                {
                    q++;
                }
            }

            if (q < end && text[q] == '%')
            {
                q++;
            }

            if (gap < p)
            {
                output.Add(gap, p);
            }

            output.Add(p, q);
            p = q;
            gap = q;
        }

        if (gap < end)
        {
            output.Add(gap, end);
        }
    }

    private static void CutHan(ReadOnlySpan<char> text, int start, int end, DictionaryView dict, SpanList output)
    {
        var n = end - start;
        var model = dict.FinalSeg;
        var emit = model.Emit;
        var trans = model.Trans;
        var startP = model.Start;
        const int B = FinalSegModel.B, E = FinalSegModel.E, M = FinalSegModel.M, S = FinalSegModel.S;
        var tB2E = trans[(B * 4) + E];
        var tB2M = trans[(B * 4) + M];
        var tE2B = trans[(E * 4) + B];
        var tE2S = trans[(E * 4) + S];
        var tM2E = trans[(M * 4) + E];
        var tM2M = trans[(M * 4) + M];
        var tS2B = trans[(S * 4) + B];
        var tS2S = trans[(S * 4) + S];

        var rented = n > 256 ? ArrayPool<byte>.Shared.Rent(n * 4) : null;
        var back = rented is null ? stackalloc byte[n * 4] : rented.AsSpan(0, n * 4);
        var e0 = model.Row(text[start]);
        var vB = startP[B] + emit[e0 + B];
        var vE = startP[E] + emit[e0 + E];
        var vM = startP[M] + emit[e0 + M];
        var vS = startP[S] + emit[e0 + S];
        for (var t = 1; t < n; t++)
        {
            var ei = model.Row(text[start + t]);
            var bt = back.Slice(t * 4, 4);

            // B <- E, S ; M <- M, B ; S <- S, E ; E <- B, M   (ties: the larger letter wins)
            var a = vE + tE2B + emit[ei + B];
            var b = vS + tS2B + emit[ei + B];
            double nB;
            if (b >= a)
            {
                nB = b;
                bt[B] = S;
            }
            else
            {
                nB = a;
                bt[B] = E;
            }

            a = vM + tM2M + emit[ei + M];
            b = vB + tB2M + emit[ei + M];
            double nM;
            if (a >= b)
            {
                nM = a;
                bt[M] = M;
            }
            else
            {
                nM = b;
                bt[M] = B;
            }

            a = vS + tS2S + emit[ei + S];
            b = vE + tE2S + emit[ei + S];
            double nS;
            if (a >= b)
            {
                nS = a;
                bt[S] = S;
            }
            else
            {
                nS = b;
                bt[S] = E;
            }

            a = vB + tB2E + emit[ei + E];
            b = vM + tM2E + emit[ei + E];
            double nE;
            if (b >= a)
            {
                nE = b;
                bt[E] = M;
            }
            else
            {
                nE = a;
                bt[E] = B;
            }

            vB = nB;
            vM = nM;
            vS = nS;
            vE = nE;
        }

        // max((V[E], 'E'), (V[S], 'S')): S wins ties.
        int state = vS >= vE ? S : E;
        var posRented = n > 256 ? ArrayPool<byte>.Shared.Rent(n) : null;
        var pos = posRented is null ? stackalloc byte[n] : posRented.AsSpan(0, n);
        for (var t = n - 1; t >= 0; t--)
        {
            pos[t] = (byte)state;
            if (t > 0)
            {
                state = back[(t * 4) + state];
            }
        }

        var begin = 0;
        var nexti = 0;
        for (var i = 0; i < n; i++)
        {
            switch (pos[i])
            {
                case B:
                    begin = i;
                    break;
                case E:
                    Emit(text, start + begin, start + i + 1, dict, output);
                    nexti = i + 1;
                    break;
                case S:
                    output.Add(start + i, start + i + 1);
                    nexti = i + 1;
                    break;
            }
        }

        if (nexti < n)
        {
            Emit(text, start + nexti, end, dict, output);
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (posRented is not null)
        {
            ArrayPool<byte>.Shared.Return(posRented);
        }
    }

    private static void Emit(ReadOnlySpan<char> text, int start, int end, DictionaryView dict, SpanList output)
    {
        if (end - start > 1 && dict.IsForceSplit(text[start..end]))
        {
            for (var i = start; i < end; i++)
            {
                output.Add(i, i + 1);
            }

            return;
        }

        output.Add(start, end);
    }
}
