using System.Collections.Immutable;
using Extract.Resources;

namespace Extract.Recognition.Places;

/// <summary>
/// A compact character trie over gazetteer surface forms: nodes in breadth-first order with sorted, contiguous children
/// (binary-searched), so a scan costs O(text × longest name) independent of the number of names. The layout is what
/// the gazetteer stores (<see cref="Write"/>, <see cref="Read"/>): built once by the compiler, copied in place at start.
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

    /// <summary>
    /// The longest name of at least <paramref name="minLength"/> characters starting at <paramref name="start"/> and ending
    /// by <paramref name="limit"/>: its length (0 when none) and the first division it names. Allocates nothing.
    /// </summary>
    public int LongestPrefix(string text, int start, int limit, int minLength, out DivisionName first)
    {
        first = default;
        var best = 0;
        var node = 0;
        for (var i = start; i < limit; i++)
        {
            node = Child(node, text[i]);
            if (node < 0)
            {
                break;
            }

            if (_valueCount[node] > 0 && i - start + 1 >= minLength)
            {
                best = i - start + 1;
                first = _values[_valueStart[node]];
            }
        }

        return best;
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

    /// <summary>Every (surface, division) pair the trie holds, depth first (to build a larger trie from this one).</summary>
    public IEnumerable<(string Name, DivisionName Value)> Entries()
    {
        var stack = new Stack<(int Node, string Prefix)>();
        stack.Push((0, ""));
        while (stack.Count > 0)
        {
            var (node, prefix) = stack.Pop();
            for (var v = 0; v < _valueCount[node]; v++)
            {
                yield return (prefix, _values[_valueStart[node] + v]);
            }

            for (var c = 0; c < _childCount[node]; c++)
            {
                var child = _firstChild[node] + c;
                stack.Push((child, prefix + _labels[child]));
            }
        }
    }

    /// <summary>The number of nodes (the root included).</summary>
    public int NodeCount => _labels.Length;

    /// <summary>The number of (node, division) values.</summary>
    public int ValueCount => _values.Length;

    /// <summary>
    /// Writes the trie's arrays as they are (little-endian): node and value counts, then labels, first children, child
    /// counts, value starts, value counts, and the values as divisions then forms.
    /// </summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FlatArrays.RequireLittleEndian("the gazetteer's trie layout");
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(_labels.Length);
            writer.Write(_values.Length);
        }

        FlatArrays.Write(stream, _labels);
        FlatArrays.Write(stream, _firstChild);
        FlatArrays.Write(stream, _childCount);
        FlatArrays.Write(stream, _valueStart);
        FlatArrays.Write(stream, _valueCount);
        FlatArrays.Write(stream, _values.Select(v => v.Division).ToArray());
        FlatArrays.Write(stream, _values.Select(v => v.Form).ToArray());
    }

    /// <summary>
    /// Reads what <see cref="Write"/> wrote, the arrays copied straight into place; a node or value outside its array,
    /// or a value naming a division at or past <paramref name="divisions"/>, throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static NameTrie Read(Stream stream, int divisions)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FlatArrays.RequireLittleEndian("the gazetteer's trie layout");
        int nodes, count;
        using (var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            nodes = reader.ReadInt32();
            count = reader.ReadInt32();
        }

        if (nodes is < 1 or > 1 << 26 || count is < 0 or > 1 << 26)
        {
            throw new InvalidDataException($"a trie of {nodes} nodes and {count} values");
        }

        var labels = FlatArrays.Read<char>(stream, nodes);
        var firstChild = FlatArrays.Read<int>(stream, nodes);
        var childCount = FlatArrays.Read<int>(stream, nodes);
        var valueStart = FlatArrays.Read<int>(stream, nodes);
        var valueCount = FlatArrays.Read<int>(stream, nodes);
        var division = FlatArrays.Read<int>(stream, count);
        var form = FlatArrays.Read<NameForm>(stream, count);
        for (var n = 0; n < nodes; n++)
        {
            // Children come after their parent (breadth first), so every walk moves forward and ends.
            if (childCount[n] < 0 || (childCount[n] > 0 && (firstChild[n] <= n || firstChild[n] > nodes - childCount[n]))
                || valueCount[n] < 0 || valueStart[n] < 0 || valueStart[n] > count - valueCount[n])
            {
                throw new InvalidDataException($"trie node {n} points outside the trie");
            }
        }

        var values = new DivisionName[count];
        for (var v = 0; v < count; v++)
        {
            if ((uint)division[v] >= (uint)divisions)
            {
                throw new InvalidDataException($"a name points at entry {division[v]}");
            }

            values[v] = new DivisionName(division[v], form[v]);
        }

        return new NameTrie(labels, firstChild, childCount, valueStart, valueCount, values);
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
            // Sorted names make every trie node a contiguous range: a node's own names come first (a prefix sorts before
            // its extensions), then one run per next character. Ranges are laid out breadth-first, so each node's
            // children are contiguous and sorted, without building a pointer trie of dictionaries first.
            var items = _items.ToArray();
            Array.Sort(items, (x, y) => string.CompareOrdinal(x.Name, y.Name));
            var queue = new List<(char Label, int Lo, int Hi, int Depth)>(items.Length * 2) { ('\0', 0, items.Length, 0) };
            var labels = new List<char>(items.Length * 2);
            var firstChild = new List<int>(items.Length * 2);
            var childCount = new List<int>(items.Length * 2);
            var valueStart = new List<int>(items.Length * 2);
            var valueCount = new List<int>(items.Length * 2);
            var values = new List<DivisionName>(items.Length);
            for (var q = 0; q < queue.Count; q++)
            {
                var (label, lo, hi, depth) = queue[q];
                var end = lo;
                while (end < hi && items[end].Name.Length == depth)
                {
                    end++;
                }

                labels.Add(label);
                valueStart.Add(values.Count);
                valueCount.Add(end - lo);
                values.AddRange(items[lo..end].Select(x => x.Value).OrderBy(v => v.Form).ThenBy(v => v.Division));
                firstChild.Add(queue.Count);
                var children = 0;
                for (var i = end; i < hi;)
                {
                    var c = items[i].Name[depth];
                    var j = i + 1;
                    while (j < hi && items[j].Name[depth] == c)
                    {
                        j++;
                    }

                    queue.Add((c, i, j, depth + 1));
                    children++;
                    i = j;
                }

                childCount.Add(children);
            }

            return new NameTrie([.. labels], [.. firstChild], [.. childCount], [.. valueStart], [.. valueCount], [.. values]);
        }
    }
}
