using System.Collections.Immutable;

namespace Extract.Recognition.Places;

/// <summary>
/// A compact character trie over gazetteer surface forms: nodes in breadth-first order with sorted, contiguous children
/// (binary-searched), so a scan costs O(text × longest name) independent of the number of names.
/// </summary>
internal sealed class NameTrie
{
    private readonly char[] _labels;
    private readonly int[] _firstChild;
    private readonly int[] _childCount;
    private readonly int[] _valueStart;
    private readonly int[] _valueCount;
    private readonly DivisionName[] _values;

    private NameTrie(char[] labels, int[] firstChild, int[] childCount, int[] valueStart, int[] valueCount, DivisionName[] values)
    {
        _labels = labels;
        _firstChild = firstChild;
        _childCount = childCount;
        _valueStart = valueStart;
        _valueCount = valueCount;
        _values = values;
    }

    /// <summary>Every name that starts at <paramref name="start"/>, as (length, divisions), shortest first.</summary>
    public IEnumerable<(int Length, ImmutableArray<DivisionName> Names)> PrefixesAt(string text, int start)
    {
        var node = 0;
        for (var i = start; i < text.Length; i++)
        {
            node = Child(node, text[i]);
            if (node < 0)
            {
                yield break;
            }

            if (_valueCount[node] > 0)
            {
                yield return (i - start + 1, [.. _values.AsSpan(_valueStart[node], _valueCount[node])]);
            }
        }
    }

    /// <summary>The divisions named exactly <paramref name="name"/>, or empty.</summary>
    public ImmutableArray<DivisionName> Lookup(ReadOnlySpan<char> name)
    {
        var node = 0;
        foreach (var c in name)
        {
            node = Child(node, c);
            if (node < 0)
            {
                return [];
            }
        }

        return [.. _values.AsSpan(_valueStart[node], _valueCount[node])];
    }

    private int Child(int node, char c)
    {
        int lo = _firstChild[node], hi = lo + _childCount[node] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var label = _labels[mid];
            if (label == c)
            {
                return mid;
            }

            if (label < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Collects names, then lays the trie out breadth-first.</summary>
    internal sealed class Builder
    {
        private readonly List<(string Name, DivisionName Value)> _items = [];

        public void Add(string name, DivisionName value)
        {
            if (name.Length > 0)
            {
                _items.Add((name, value));
            }
        }

        public NameTrie Build()
        {
            // Temporary pointer trie, then flattened breadth-first so each node's children are contiguous and sorted.
            var root = new TempNode();
            foreach (var (name, value) in _items)
            {
                var node = root;
                foreach (var c in name)
                {
                    if (!node.Children.TryGetValue(c, out var next))
                    {
                        next = new TempNode();
                        node.Children.Add(c, next);
                    }

                    node = next;
                }

                node.Values.Add(value);
            }

            var order = new List<(char Label, TempNode Node)> { ('\0', root) };
            var labels = new List<char>();
            var firstChild = new List<int>();
            var childCount = new List<int>();
            var valueStart = new List<int>();
            var valueCount = new List<int>();
            var values = new List<DivisionName>();
            for (var i = 0; i < order.Count; i++)
            {
                var (label, node) = order[i];
                labels.Add(label);
                firstChild.Add(order.Count);
                childCount.Add(node.Children.Count);
                valueStart.Add(values.Count);
                valueCount.Add(node.Values.Count);
                values.AddRange(node.Values.OrderBy(v => v.Form).ThenBy(v => v.Division));
                foreach (var child in node.Children.OrderBy(kv => kv.Key))
                {
                    order.Add((child.Key, child.Value));
                }
            }

            return new NameTrie([.. labels], [.. firstChild], [.. childCount], [.. valueStart], [.. valueCount], [.. values]);
        }

        private sealed class TempNode
        {
            public Dictionary<char, TempNode> Children { get; } = [];

            public List<DivisionName> Values { get; } = [];
        }
    }
}
