using Extract.Recognition.Dates;
using Extract.Recognition.Numbers;

namespace Extract.Tests.Recognition.Numbers;

public sealed class RobustnessTests
{
    private const string Alphabet = "0123456789０１２３４５６７８９一二两三四五六七八九十百千万亿兆零点余多几第%分之年月日号时点:：-/. 当天次日周元旦春节上午凌晨晚上个名人次小时元万元";

    [Fact]
    public void Random_numeral_soup_neither_throws_nor_yields_spans_outside_the_text()
    {
        var random = new Random(20221102);
        var numbers = new NumberExtractor();
        var quantities = new QuantityExtractor(numbers, UnitLexicon.Default);
        var dates = new DateExtractor();
        var resolver = new DateResolver();
        for (var round = 0; round < 300; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 120)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

            var found = numbers.Extract(text);
            var counted = quantities.Extract(text, CancellationToken.None);
            var expressions = dates.Extract(text);
            var resolved = resolver.Resolve(text, expressions, [], new DateOnly(2022, 11, 20));

            found.Should().NotContain(n => n.Span.Start < 0 || n.Span.End > text.Length || n.Span.Start >= n.Span.End);
            counted.Should().NotContain(q => q.Span.Start < 0 || q.Span.End > text.Length || q.Text != text.Substring(q.Span.Start, q.Span.End - q.Span.Start));
            resolved.Should().NotContain(r => r.Expression.Span.End > text.Length || r.Value.Length == 0);
        }
    }

    [Fact]
    public void Numbers_too_large_for_a_decimal_are_rejected_not_thrown()
    {
        ChineseNumberParser.TryParse("九九九九九九九九九九兆兆兆兆兆兆", out _, out _).Should().BeFalse();
        new NumberExtractor().Extract("共9999999999999999999999999999999999个").Should().BeEmpty();
    }
}
