namespace Extract;

/// <summary>
/// The one binary search over items kept in order of an integer key (tokens, names, quantities and paragraphs in body
/// order; sorted positions): the stages each carried their own copy.
/// </summary>
internal static class SortedSearch
{
    /// <summary>The index of the first item whose key is at least <paramref name="value"/>; the count when none is.</summary>
    public static int FirstAtLeast<T>(ReadOnlySpan<T> items, int value, Func<T, int> key)
    {
        int low = 0, high = items.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (key(items[middle]) < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The index of the first value at least <paramref name="value"/> in the ascending <paramref name="sorted"/>.</summary>
    public static int FirstAtLeast(ReadOnlySpan<int> sorted, int value) => FirstAtLeast(sorted, value, static v => v);
}
