using System.Collections.Immutable;

namespace Extract;

/// <summary>
/// Element-by-element equality for the records' lists: <see cref="ImmutableArray{T}"/> compares by reference, so without
/// this two identical extractions would not be equal. A default (uninitialised) array counts as empty.
/// </summary>
internal static class ValueEquality
{
    public static bool Equal<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        left.IsDefaultOrEmpty ? right.IsDefaultOrEmpty : !right.IsDefault && left.AsSpan().SequenceEqual(right.AsSpan(), EqualityComparer<T>.Default);

    public static void Add<T>(ref HashCode hash, ImmutableArray<T> values)
    {
        if (values.IsDefault)
        {
            hash.Add(0);
            return;
        }

        hash.Add(values.Length);
        foreach (var value in values)
        {
            hash.Add(value);
        }
    }
}
