using System.Collections.Immutable;

namespace Extract.Recognition.Tagging;

/// <summary>The kinds of name the tagger marks.</summary>
internal enum NameType
{
    /// <summary>A person (MSRA nr).</summary>
    Person,

    /// <summary>A location (MSRA ns).</summary>
    Location,

    /// <summary>An organisation (MSRA nt).</summary>
    Organization,
}

/// <summary>A name span proposed by the tagger, with the margin of its best path over the best path without it.</summary>
internal readonly record struct TaggedName(TextSpan Span, NameType Type, float Margin);

/// <summary>
/// BIOES labels over characters: 0 is O; then for each <see cref="NameType"/> B, I, E, S in that order.
/// Labels are plain ints so the tagger's arrays stay small.
/// </summary>
internal static class EntityLabels
{
    public const int Outside = 0;

    public const int Count = 13;

    private static readonly ImmutableArray<string> Names =
        ["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "B-ORG", "I-ORG", "E-ORG", "S-ORG"];

    public static string NameOf(int label) => Names[label];

    public static int Begin(NameType type) => 1 + (4 * (int)type);

    public static NameType TypeOf(int label) => (NameType)((label - 1) / 4);

    /// <summary>0 = B, 1 = I, 2 = E, 3 = S; only for labels other than O.</summary>
    public static int PartOf(int label) => (label - 1) % 4;

    /// <summary>True when <paramref name="next"/> may follow <paramref name="previous"/> in a well-formed BIOES sequence.</summary>
    public static bool Allowed(int previous, int next)
    {
        var open = previous != Outside && PartOf(previous) is 0 or 1;
        if (next == Outside)
        {
            return !open;
        }

        var part = PartOf(next);
        return part is 1 or 2
            ? open && TypeOf(previous) == TypeOf(next)
            : !open;
    }

    /// <summary>True when <paramref name="label"/> may start a sentence.</summary>
    public static bool AllowedFirst(int label) => label == Outside || PartOf(label) is 0 or 3;

    /// <summary>True when <paramref name="label"/> may end a sentence.</summary>
    public static bool AllowedLast(int label) => label == Outside || PartOf(label) is 2 or 3;

    /// <summary>Writes the labels of <paramref name="spans"/> over a sentence of <paramref name="labels"/>.Length characters.</summary>
    public static void Encode(IEnumerable<(TextSpan Span, NameType Type)> spans, Span<int> labels)
    {
        labels.Clear();
        foreach (var (span, type) in spans)
        {
            var begin = Begin(type);
            if (span.End - span.Start == 1)
            {
                labels[span.Start] = begin + 3;
                continue;
            }

            labels[span.Start] = begin;
            for (var i = span.Start + 1; i < span.End - 1; i++)
            {
                labels[i] = begin + 1;
            }

            labels[span.End - 1] = begin + 2;
        }
    }

    /// <summary>The spans a well-formed label sequence marks.</summary>
    public static List<(TextSpan Span, NameType Type)> Decode(ReadOnlySpan<int> labels)
    {
        var spans = new List<(TextSpan, NameType)>();
        var start = -1;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label == Outside)
            {
                start = -1;
                continue;
            }

            switch (PartOf(label))
            {
                case 0:
                    start = i;
                    break;
                case 2 when start >= 0:
                    spans.Add((new TextSpan(start, i + 1), TypeOf(label)));
                    start = -1;
                    break;
                case 3:
                    spans.Add((new TextSpan(i, i + 1), TypeOf(label)));
                    start = -1;
                    break;
            }
        }

        return spans;
    }
}
