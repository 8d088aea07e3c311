namespace Extract.Segmentation.Dictionary;

/// <summary>
/// One immutable snapshot of a segmenter's user words: explicit frequencies (0 = deleted), user tags,
/// words forced apart in the HMM output (Jieba's <c>Force_Split_Words</c>, filled by words added with frequency 0),
/// and the change to Jieba's <c>total</c>. A change makes a new snapshot (copy-on-write).
/// </summary>
internal sealed class UserOverlay
{
    private UserOverlay(
        Dictionary<string, int> freqs,
        Dictionary<string, string> tags,
        HashSet<string> forceSplit,
        long totalDelta)
    {
        Freqs = freqs;
        Tags = tags;
        ForceSplit = forceSplit;
        TotalDelta = totalDelta;
        Root = new OverlayNode();
        foreach (var (word, freq) in freqs)
        {
            var node = Root;
            foreach (var c in word)
            {
                node = node.GetOrAdd(c);
            }

            node.HasFreq = true;
            node.Freq = freq;
        }


    }

    /// <summary>The empty overlay.</summary>
    public static UserOverlay Empty { get; } = new([], [], [], 0);

    public Dictionary<string, int> Freqs { get; }

    public Dictionary<string, string> Tags { get; }

    public HashSet<string> ForceSplit { get; }

    public long TotalDelta { get; }

    public bool IsEmpty => Freqs.Count == 0 && Tags.Count == 0 && ForceSplit.Count == 0;

    /// <summary>Trie of the explicit words (and their prefixes).</summary>
    public OverlayNode Root { get; }

    /// <summary>Returns a new overlay with the given words added, in order, as Jieba's <c>add_word</c> would.</summary>
    public UserOverlay With(IEnumerable<(string Word, int Freq, string? Tag)> words)
    {
        var freqs = new Dictionary<string, int>(Freqs, StringComparer.Ordinal);
        var tags = new Dictionary<string, string>(Tags, StringComparer.Ordinal);
        var force = new HashSet<string>(ForceSplit, StringComparer.Ordinal);
        var delta = TotalDelta;
        foreach (var (word, freq, tag) in words)
        {
            freqs[word] = freq;
            delta += freq;
            if (!string.IsNullOrEmpty(tag))
            {
                tags[word] = tag;
            }

            if (freq == 0)
            {
                force.Add(word);
            }
        }

        return new UserOverlay(freqs, tags, force, delta);
    }

    /// <summary>A node of the overlay trie.</summary>
    internal sealed class OverlayNode
    {
        private readonly Dictionary<char, OverlayNode> _children = [];

        public bool HasFreq { get; set; }

        public int Freq { get; set; }

        public OverlayNode? Child(char c) => _children.TryGetValue(c, out var n) ? n : null;

        /// <summary>Used only while the owning overlay is being built; never after it is published.</summary>
        public OverlayNode GetOrAdd(char c)
        {
            if (!_children.TryGetValue(c, out var n))
            {
                _children[c] = n = new OverlayNode();
            }

            return n;
        }
    }
}
