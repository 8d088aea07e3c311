namespace Extract.Segmentation;

/// <summary>A growable list of (start, end) pairs: the cutting code's output before strings are made.</summary>
internal sealed class SpanList
{
    private int[] _items;

    public SpanList(int capacity = 32) => _items = new int[Math.Max(capacity, 4) * 2];

    public int Count { get; private set; }

    public int Start(int i) => _items[2 * i];

    public int End(int i) => _items[(2 * i) + 1];

    public void Add(int start, int end)
    {
        if ((2 * Count) + 2 > _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[2 * Count] = start;
        _items[(2 * Count) + 1] = end;
        Count++;
    }

    public void Clear() => Count = 0;
}
