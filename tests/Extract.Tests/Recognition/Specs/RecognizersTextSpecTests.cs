using System.Globalization;
using Extract.Recognition.Dates;
using Extract.Recognition.Numbers;

namespace Extract.Tests.Recognition.Specs;

public sealed class RecognizersTextSpecTests
{
    public static TheoryData<SpecCase> NumberCases => SpecCases.Load("numbers.json");

    public static TheoryData<SpecCase> DateCases => SpecCases.Load("dates.json");

    [Fact]
    public void Spec_files_hold_a_few_hundred_cases()
    {
        NumberCases.Cast<object[]>().Should().HaveCountGreaterThan(300);
        DateCases.Cast<object[]>().Should().HaveCountGreaterThan(120);
    }

    [Theory]
    [MemberData(nameof(NumberCases))]
    public void Number_model_case(SpecCase spec)
    {
        var found = new NumberExtractor().Extract(spec.Input);

        found.Select(n => (n.Span.Start, n.Span.End)).Should().Equal(spec.Results.Select(r => (r.Start, r.End)));
        found.Select(n => decimal.Parse(n.Value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            .Should().Equal(spec.Results.Select(r => decimal.Parse(r.Value!, NumberStyles.Float, CultureInfo.InvariantCulture)), (a, b) => Math.Abs(a - b) <= 1e-9m * Math.Max(1m, Math.Abs(b)));
    }

    [Theory]
    [MemberData(nameof(DateCases))]
    public void Date_case(SpecCase spec)
    {
        var expressions = new DateExtractor().Extract(spec.Input);
        if (spec.SpansOnly)
        {
            expressions.Select(e => (e.Span.Start, e.Span.End)).Should().Equal(spec.Results.Select(r => (r.Start, r.End)));
            return;
        }

        var resolved = new DateResolver().Resolve(spec.Input, expressions, [], spec.ReferenceDate, keepTimeOnly: true);
        resolved.Select(r => (r.Expression.Span.Start, r.Expression.Span.End, (string?)r.Value))
            .Should().Equal(spec.Results.Select(r => (r.Start, r.End, r.Value)));
    }
}
