using System.Buffers;

namespace Extract.Segmentation.Hmm;

/// <summary>Jieba's <c>posseg.viterbi</c>: the best (position, tag) state per character of a Han run.</summary>
internal static class PosViterbi
{
    /// <summary>Fills <paramref name="route"/> (length of <paramref name="obs"/>) with state indices.</summary>
    public static void Run(PosHmmModel model, ReadOnlySpan<char> obs, Span<short> route)
    {
        var n = obs.Length;
        var s = model.StateCount;
        var v = ArrayPool<double>.Shared.Rent(s * 2);
        var back = ArrayPool<short>.Shared.Rent(n * s);
        var stamp = ArrayPool<int>.Shared.Rent(s);
        var inPrev = ArrayPool<int>.Shared.Rent(s);
        var listBuf = ArrayPool<short>.Shared.Rent(s * 4);
        var emitBuf = ArrayPool<double>.Shared.Rent(s);
        try
        {
            Array.Clear(stamp, 0, s);
            Array.Clear(inPrev, 0, s);
            var prevV = v.AsSpan(0, s);
            var curV = v.AsSpan(s, s);
            var prevActive = listBuf.AsSpan(0, s);
            var curActive = listBuf.AsSpan(s, s);
            var prevStates = listBuf.AsSpan(2 * s, s);
            var obsStates = listBuf.AsSpan(3 * s, s);
            var obsEmit = emitBuf.AsSpan(0, s);
            var prevCount = 0;
            foreach (var y in model.Allowed(obs[0]))
            {
                prevV[y] = model.Start[y] + model.Emit(y, obs[0]);
                back[y] = -1;
                prevActive[prevCount++] = y;
            }

            var mark = 0;
            for (var t = 1; t < n; t++)
            {
                var c = obs[t];
                var pc = 0;
                mark++;
                var expectMark = mark;
                var expectCount = 0;
                for (var i = 0; i < prevCount; i++)
                {
                    var x = prevActive[i];
                    var succ = model.Successors[x];
                    if (succ.Length == 0)
                    {
                        continue;
                    }

                    prevStates[pc++] = x;
                    foreach (var y in succ)
                    {
                        if (stamp[y] != expectMark)
                        {
                            stamp[y] = expectMark;
                            expectCount++;
                        }
                    }
                }

                var oc = 0;
                var allowed = model.Allowed(c);
                var allowedEmit = model.AllowedEmit(c);
                for (var a = 0; a < allowed.Length; a++)
                {
                    var y = allowed[a];
                    if (stamp[y] == expectMark)
                    {
                        stamp[y] = -expectMark; // taken (also guards against duplicates)
                        obsEmit[oc] = allowedEmit.IsEmpty ? model.Emit(y, c) : allowedEmit[a];
                        obsStates[oc++] = y;
                    }
                }

                if (oc == 0)
                {
                    if (expectCount > 0)
                    {
                        for (short y = 0; y < s; y++)
                        {
                            if (stamp[y] == expectMark || stamp[y] == -expectMark)
                            {
                                obsEmit[oc] = model.Emit(y, c);
                                obsStates[oc++] = y;
                            }
                        }
                    }
                    else
                    {
                        for (short y = 0; y < s; y++)
                        {
                            obsEmit[oc] = model.Emit(y, c);
                            obsStates[oc++] = y;
                        }
                    }
                }

                if (pc == 0)
                {
                    // Python's max() over an empty sequence raises here; we keep going from every live state instead.
                    prevActive[..prevCount].CopyTo(prevStates);
                    pc = prevCount;
                }

                // Only predecessors of y (finite transitions) can beat minus infinity. When none does, every
                // candidate ties at minus infinity and Python's max over (prob, state) tuples picks the largest state.
                mark++;
                var prevMark = mark;
                var maxPrev = -1;
                for (var i = 0; i < pc; i++)
                {
                    var y0 = prevStates[i];
                    inPrev[y0] = prevMark;
                    if (y0 > maxPrev)
                    {
                        maxPrev = y0;
                    }
                }

                var backRow = back.AsSpan(t * s, s);
                for (var k = 0; k < oc; k++)
                {
                    var y = obsStates[k];
                    var em = obsEmit[k];
                    var best = double.NegativeInfinity;
                    var bestState = -1;
                    var preds = model.Predecessors[y];
                    var predTrans = model.PredecessorTrans[y];
                    for (var i = 0; i < preds.Length; i++)
                    {
                        var y0 = preds[i];
                        if (inPrev[y0] != prevMark)
                        {
                            continue;
                        }

                        var p = prevV[y0] + predTrans[i] + em;
                        if (p > best || (p == best && y0 > bestState))
                        {
                            best = p;
                            bestState = y0;
                        }
                    }

                    if (bestState < 0 || double.IsNegativeInfinity(best))
                    {
                        best = double.NegativeInfinity;
                        bestState = maxPrev;
                    }

                    curV[y] = best;
                    backRow[y] = (short)bestState;
                    curActive[k] = y;
                }

                prevCount = oc;
                var tmp = prevV;
                prevV = curV;
                curV = tmp;
                var tmpList = prevActive;
                prevActive = curActive;
                curActive = tmpList;
            }

            var lastBest = 0.0;
            var last = -1;
            for (var i = 0; i < prevCount; i++)
            {
                var y = prevActive[i];
                var p = prevV[y];
                if (last < 0 || p > lastBest || (p == lastBest && y > last))
                {
                    lastBest = p;
                    last = y;
                }
            }

            var state = last;
            for (var t = n - 1; t >= 0; t--)
            {
                route[t] = (short)state;
                if (t > 0)
                {
                    state = back[(t * s) + state];
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(v);
            ArrayPool<short>.Shared.Return(back);
            ArrayPool<int>.Shared.Return(stamp);
            ArrayPool<int>.Shared.Return(inPrev);
            ArrayPool<short>.Shared.Return(listBuf);
            ArrayPool<double>.Shared.Return(emitBuf);
        }
    }
}
