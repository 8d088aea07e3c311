using System.Collections.Immutable;

namespace Extract.Tokens;

/// <summary>Searches over a document's tokens, which are in body order.</summary>
internal static class WordTokens
{
    /// <summary>The index of the first token starting at or after <paramref name="position"/> (binary search; the length when none does).</summary>
    public static int FirstAtOrAfter(ImmutableArray<WordToken> tokens, int position)
    {
        int low = 0, high = tokens.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (tokens[middle].Start < position)
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
}
