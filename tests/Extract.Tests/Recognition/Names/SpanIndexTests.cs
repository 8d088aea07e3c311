using Extract.Recognition.Names;

namespace Extract.Tests.Recognition.Names;

/// <summary>The span indexes the name rules query per name answer as the pairwise scans they replaced.</summary>
public sealed class SpanIndexTests
{
    private static TextSpan[] RandomSpans(Random random, int count, bool allowEmpty)
    {
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var start = random.Next(0, 40);
            return new TextSpan(start, start + random.Next(allowEmpty ? 0 : 1, 7));
        })];
    }

    [Fact]
    public void Coverage_says_overlap_exactly_when_a_taken_span_overlaps()
    {
        var random = new Random(3);
        for (var round = 0; round < 200; round++)
        {
            var taken = RandomSpans(random, random.Next(0, 12), allowEmpty: true).ToList();
            var coverage = new SpanCoverage(50, taken);
            foreach (var query in RandomSpans(random, 30, allowEmpty: true))
            {
                coverage.Overlaps(query).Should().Be(taken.Any(t => NameText.Overlaps(t, query)), $"query {query} against {string.Join(" ", taken)}");
            }

            // Taking more keeps the answers exact.
            var more = RandomSpans(random, 3, allowEmpty: false);
            foreach (var span in more)
            {
                coverage.Add(span);
                taken.Add(span);
            }

            foreach (var query in RandomSpans(random, 30, allowEmpty: false))
            {
                coverage.Overlaps(query).Should().Be(taken.Any(t => NameText.Overlaps(t, query)));
            }
        }
    }

    [Fact]
    public void Lookup_finds_the_first_holder_and_the_spans_ending_at_a_point()
    {
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var spans = RandomSpans(random, random.Next(0, 15), allowEmpty: false);
            var lookup = new SpanLookup(spans);
            foreach (var query in RandomSpans(random, 30, allowEmpty: false))
            {
                lookup.FirstHolding(query).Should().Be(Array.FindIndex(spans, s => NameText.Within(query, s)));
                lookup.AnyEndingAtAfter(query.End, query.Start).Should().Be(spans.Any(s => s.End == query.End && s.Start > query.Start));
            }
        }
    }

    [Fact]
    public void Occurrences_of_a_name_skip_what_is_taken_and_each_other()
    {
        const string Text = "青禾社区青禾社区党委青禾社区，青禾社区";
        var taken = new List<TextSpan> { new(4, 10) };

        var found = NameText.OtherOccurrences(Text, [new TextSpan(0, 4)], s => s, taken);

        found.Select(f => f.Span).Should().Equal(new TextSpan(0, 4), new TextSpan(10, 14), new TextSpan(15, 19));
        taken.Should().HaveCount(4);
    }
}
