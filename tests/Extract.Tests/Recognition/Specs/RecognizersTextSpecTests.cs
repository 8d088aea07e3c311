using System.Globalization;
using Extract.Recognition.Dates;
using Extract.Recognition.Numbers;

namespace Extract.Tests.Recognition.Specs;

/// <summary>
/// Every in-scope case of the Recognizers-Text Chinese NumberModel and date specs (NOTICE.md). A case flagged
/// <c>notSupported</c> in the data is a known failure: skipped with its reason while it fails (the test output lists
/// them), passed once it passes; every other case must pass.
/// </summary>
public sealed class RecognizersTextSpecTests
{
    public static TheoryData<SpecCase> NumberCases => SpecCases.Load("numbers.json");

    public static TheoryData<SpecCase> DateCases => SpecCases.Load("dates.json");

    [Fact]
    public void Spec_files_hold_every_in_scope_case_and_few_known_failures()
    {
        var numbers = NumberCases.Cast<object[]>().Select(row => (SpecCase)row[0]).ToList();
        var dates = DateCases.Cast<object[]>().Select(row => (SpecCase)row[0]).ToList();

        // eval-specs: NumberModel 336 cases in scope, the date files 141.
        numbers.Should().HaveCount(336);
        dates.Should().HaveCount(141);
        numbers.Count(c => c.NotSupported is not null).Should().BeLessThanOrEqualTo(14, "the known number failures when the data was exported");
        dates.Count(c => c.NotSupported is not null).Should().BeLessThanOrEqualTo(11, "the known date failures when the data was exported");
    }

    [SkippableTheory]
    [MemberData(nameof(NumberCases))]
    public void Number_model_case(SpecCase spec)
    {
        var found = new NumberExtractor().Extract(spec.Input);
        var spans = found.Select(n => (n.Span.Start, n.Span.End)).ToList();
        var values = found.Select(n => decimal.Parse(n.Value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToList();
        if (spec.NotSupported is { } reason)
        {
            var passes = spans.SequenceEqual(spec.Results.Select(r => (r.Start, r.End)))
                && values.Zip(spec.Results).All(p => decimal.TryParse(p.Second.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && Close(p.First, e));
            Skip.IfNot(passes, $"not supported: {reason}");
            return;
        }

        spans.Should().Equal(spec.Results.Select(r => (r.Start, r.End)));
        values.Should().Equal(spec.Results.Select(r => decimal.Parse(r.Value!, NumberStyles.Float, CultureInfo.InvariantCulture)), Close);
    }

    [SkippableTheory]
    [MemberData(nameof(DateCases))]
    public void Date_case(SpecCase spec)
    {
        var expressions = new DateExtractor().Extract(spec.Input);
        IEnumerable<(int, int, string?)> got = spec.SpansOnly
            ? expressions.Select(e => (e.Span.Start, e.Span.End, (string?)null))
            : new DateResolver().Resolve(spec.Input, expressions, [], spec.ReferenceDate, keepTimeOnly: true)
                .Select(r => (r.Expression.Span.Start, r.Expression.Span.End, (string?)r.Value));
        var expected = spec.Results.Select(r => (r.Start, r.End, spec.SpansOnly ? null : r.Value));
        if (spec.NotSupported is { } reason)
        {
            Skip.IfNot(got.SequenceEqual(expected), $"not supported: {reason}");
            return;
        }

        got.Should().Equal(expected);
    }

    private static bool Close(decimal a, decimal b) => Math.Abs(a - b) <= 1e-9m * Math.Max(1m, Math.Abs(b));
}
