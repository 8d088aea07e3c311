using Extract.Segmentation.Hmm;

namespace Extract.Segmentation.Dictionary;

/// <summary>
/// What the cutting code sees of Jieba's <c>FREQ</c>, <c>total</c> and <c>word_tag_tab</c>:
/// the shared compiled model plus one immutable <see cref="UserOverlay"/> snapshot.
/// </summary>
internal sealed class DictionaryView
{
    public DictionaryView(JiebaModel model, UserOverlay overlay)
    {
        Model = model;
        Trie = model.Trie;
        Overlay = overlay;
        HasOverlay = !overlay.IsEmpty;
        Total = model.Trie.Total + overlay.TotalDelta;
        LogTotal = Math.Log(Total);
    }

    public JiebaModel Model { get; }

    public PrefixTrie Trie { get; }

    public FinalSegModel FinalSeg => Model.FinalSeg;

    public PosHmmModel PosHmm => Model.PosHmm;

    public UserOverlay Overlay { get; }

    public bool HasOverlay { get; }

    /// <summary>Jieba's <c>total</c>.</summary>
    public long Total { get; }

    /// <summary><c>log(total)</c>.</summary>
    public double LogTotal { get; }

    /// <summary>
    /// Jieba's <c>FREQ.get(word)</c>: whether <paramref name="word"/> is a key (a word or a prefix of one) and its frequency.
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> word, out int freq)
    {
        if (HasOverlay && word.Length > 0)
        {
            var o = Overlay.Root.Child(word[0]);
            for (var i = 1; i < word.Length && o is not null; i++)
            {
                o = o.Child(word[i]);
            }

            if (o is not null && o.HasFreq)
            {
                freq = o.Freq;
                return true;
            }

            var b = Trie.Find(word);
            freq = b >= 0 ? Trie.Freq(b) : 0;
            return b >= 0 || o is not null;
        }

        var node = Trie.Find(word);
        if (node < 0)
        {
            freq = 0;
            return false;
        }

        freq = Trie.Freq(node);
        return true;
    }

    /// <summary>Jieba's <c>FREQ.get(word) or 0</c>.</summary>
    public int Freq(ReadOnlySpan<char> word) => TryGet(word, out var f) ? f : 0;

    /// <summary>Jieba's <c>word_tag_tab.get(word, "x")</c> with user tags applied.</summary>
    public string Tag(ReadOnlySpan<char> word)
    {
        if (HasOverlay && Overlay.Tags.Count > 0 && Overlay.Tags.TryGetValue(word.ToString(), out var userTag))
        {
            return userTag;
        }

        var node = Trie.Find(word);
        return (node >= 0 ? Trie.Tag(node) : null) ?? "x";
    }

    /// <summary>Whether the HMM must split <paramref name="word"/> into characters (a user word with frequency 0).</summary>
    public bool IsForceSplit(ReadOnlySpan<char> word) =>
        HasOverlay && Overlay.ForceSplit.Count > 0 && Overlay.ForceSplit.Contains(word.ToString());

    /// <summary>
    /// Jieba's <c>get_DAG</c> + <c>calc</c>: fills <paramref name="next"/>[i] with the exclusive end of the word the
    /// max log-probability route takes at <c>i</c> (ties go to the longer word, as Python's tuple max does).
    /// </summary>
    public void Route(ReadOnlySpan<char> s, Span<int> next, Span<double> prob)
    {
        var n = s.Length;
        prob[n] = 0;
        var logTotal = LogTotal;
        if (HasOverlay)
        {
            RouteWithOverlay(s, next, prob, logTotal);
            return;
        }

        var trie = Trie;
        for (var idx = n - 1; idx >= 0; idx--)
        {
            var node = trie.Root(s[idx]);
            var bestX = -1;
            var best = 0.0;
            var i = idx;
            while (node >= 0)
            {
                var f = trie.Freq(node);
                if (f > 0)
                {
                    var p = trie.Log(f) - logTotal + prob[i + 1];
                    if (bestX < 0 || p >= best)
                    {
                        best = p;
                        bestX = i;
                    }
                }

                if (++i >= n)
                {
                    break;
                }

                node = trie.Child(node, s[i]);
            }

            if (bestX < 0)
            {
                // DAG[idx] = [idx]; FREQ.get(char) is 0 or missing, "or 1" makes log 0.
                best = 0.0 - logTotal + prob[idx + 1];
                bestX = idx;
            }

            prob[idx] = best;
            next[idx] = bestX + 1;
        }
    }

    private void RouteWithOverlay(ReadOnlySpan<char> s, Span<int> next, Span<double> prob, double logTotal)
    {
        var n = s.Length;
        var trie = Trie;
        for (var idx = n - 1; idx >= 0; idx--)
        {
            var node = trie.Root(s[idx]);
            var o = Overlay.Root.Child(s[idx]);
            var bestX = -1;
            var best = 0.0;
            var i = idx;
            while (node >= 0 || o is not null)
            {
                var f = o is not null && o.HasFreq ? o.Freq : node >= 0 ? trie.Freq(node) : 0;
                if (f > 0)
                {
                    var p = trie.Log(f) - logTotal + prob[i + 1];
                    if (bestX < 0 || p >= best)
                    {
                        best = p;
                        bestX = i;
                    }
                }

                if (++i >= n)
                {
                    break;
                }

                node = node >= 0 ? trie.Child(node, s[i]) : -1;
                o = o?.Child(s[i]);
            }

            if (bestX < 0)
            {
                best = 0.0 - logTotal + prob[idx + 1];
                bestX = idx;
            }

            prob[idx] = best;
            next[idx] = bestX + 1;
        }
    }

    /// <summary>Jieba's <c>get_DAG</c> entry for position <paramref name="k"/>: the inclusive ends of the words there.</summary>
    public void DagAt(ReadOnlySpan<char> s, int k, List<int> ends)
    {
        ends.Clear();
        var n = s.Length;
        var node = Trie.Root(s[k]);
        var o = HasOverlay ? Overlay.Root.Child(s[k]) : null;
        var i = k;
        while (node >= 0 || o is not null)
        {
            var f = o is not null && o.HasFreq ? o.Freq : node >= 0 ? Trie.Freq(node) : 0;
            if (f > 0)
            {
                ends.Add(i);
            }

            if (++i >= n)
            {
                break;
            }

            node = node >= 0 ? Trie.Child(node, s[i]) : -1;
            o = o?.Child(s[i]);
        }

        if (ends.Count == 0)
        {
            ends.Add(k);
        }
    }
}
