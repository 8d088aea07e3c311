namespace Extract.Segmentation.Dictionary;

/// <summary>
/// Jieba's prefix dictionary (every word and every prefix of a word) as a trie in flat arrays:
/// nodes in breadth-first order, the children of node <c>n</c> are the nodes
/// <c>FirstChild[n] .. FirstChild[n + 1] - 1</c>, sorted by character. Node 0 is the root.
/// A node's frequency is 0 for a bare prefix; its tag index is 0 when the node is not a dictionary word.
/// Immutable once built.
/// </summary>
internal sealed class PrefixTrie
{
    private readonly char[] _chars;
    private readonly int[] _freqs;
    private readonly byte[] _tags;
    private readonly int[] _firstChild;
    private readonly int[] _rootIndex;
    private readonly double[] _smallLogs;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public PrefixTrie(char[] chars, int[] freqs, byte[] tags, int[] firstChild, string[] tagNames, long total)
    {
        if (freqs.Length != chars.Length || tags.Length != chars.Length || firstChild.Length != chars.Length + 1)
        {
            throw new InvalidDataException("Jieba trie arrays have inconsistent lengths.");
        }

        _chars = chars;
        _freqs = freqs;
        _tags = tags;
        _firstChild = firstChild;
        TagNames = tagNames;
        Total = total;
        _rootIndex = new int[65536];
        Array.Fill(_rootIndex, -1);
        for (var i = firstChild[0]; i < firstChild[1]; i++)
        {
            _rootIndex[chars[i]] = i;
        }

        // log(freq) for the small frequencies most words have: the same values Math.Log gives, looked up.
        _smallLogs = new double[SmallLogCount];
        for (var f = 1; f < SmallLogCount; f++)
        {
            _smallLogs[f] = Math.Log(f);
        }
    }

    private const int SmallLogCount = 1 << 14;

    /// <summary><c>Math.Log(freq)</c> for a positive frequency.</summary>
    public double Log(int freq) => freq < SmallLogCount ? _smallLogs[freq] : Math.Log(freq);

    /// <summary>Sum of the frequencies of all dictionary lines (Jieba's <c>total</c>).</summary>
    public long Total { get; }

    /// <summary>Tag names; index 0 is unused (no tag).</summary>
    public string[] TagNames { get; }

    /// <summary>Number of nodes, root included.</summary>
    public int NodeCount => _chars.Length;

    /// <summary>The node for the one-character prefix <paramref name="c"/>, or -1.</summary>
    public int Root(char c) => _rootIndex[c];

    /// <summary>The child of <paramref name="node"/> for <paramref name="c"/>, or -1.</summary>
    public int Child(int node, char c)
    {
        var lo = _firstChild[node];
        var hi = _firstChild[node + 1] - 1;
        var chars = _chars;
        while (hi - lo > 6)
        {
            var mid = (lo + hi) >>> 1;
            var m = chars[mid];
            if (m == c)
            {
                return mid;
            }

            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (; lo <= hi; lo++)
        {
            if (chars[lo] == c)
            {
                return lo;
            }
        }

        return -1;
    }

    /// <summary>The node of <paramref name="word"/>, or -1 when it is neither a word nor a prefix.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return -1;
        }

        var node = _rootIndex[word[0]];
        for (var i = 1; i < word.Length && node >= 0; i++)
        {
            node = Child(node, word[i]);
        }

        return node;
    }

    /// <summary>Frequency of a node (0 for a bare prefix).</summary>
    public int Freq(int node) => _freqs[node];

    /// <summary>Tag of a node, or null when the node is not a dictionary word.</summary>
    public string? Tag(int node)
    {
        var t = _tags[node];
        return t == 0 ? null : TagNames[t];
    }
}
