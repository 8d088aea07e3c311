using Extract.Recognition.Numbers;

namespace Extract.Tests.Recognition.Numbers;

public sealed class NumberExtractorTests
{
    private readonly NumberExtractor _extractor = new();

    [Theory]
    [InlineData("共有一千二百三十四人", 2, 9, 1234)]
    [InlineData("完成１，２３４份", 2, 7, 1234)]
    [InlineData("完成1,234份", 2, 7, 1234)]
    [InlineData("十多个小时", 0, 1, 10)]
    [InlineData("22.16万次", 0, 6, 221600)]
    [InlineData("约7 万5 千4 百元", 1, 10, 75400)]
    public void Finds_one_cardinal(string text, int start, int end, double value)
    {
        var found = _extractor.Extract(text);

        found.Should().ContainSingle();
        found[0].Span.Should().Be(new TextSpan(start, end));
        found[0].Value.Should().Be((decimal)value);
        found[0].Kind.Should().Be(NumberKind.Cardinal);
    }

    [Fact]
    public void Ordinal_is_flagged_and_spans_di()
    {
        var found = _extractor.Extract("第三批志愿者");

        found.Should().ContainSingle().Which.Should().Be(new NumberMention(new TextSpan(0, 2), 3m, NumberKind.Ordinal, false));
    }

    [Theory]
    [InlineData("增长了百分之三十", 3, 8, 30)]
    [InlineData("增长了30%", 3, 6, 30)]
    [InlineData("增长了３０％", 3, 6, 30)]
    public void Percent(string text, int start, int end, double value)
    {
        var found = _extractor.Extract(text);

        found.Should().ContainSingle().Which.Should().Be(new NumberMention(new TextSpan(start, end), (decimal)value, NumberKind.Percent, false));
    }

    [Fact]
    public void Fraction()
    {
        var found = _extractor.Extract("占三分之一");

        found.Should().ContainSingle();
        found[0].Span.Should().Be(new TextSpan(1, 5));
        found[0].Kind.Should().Be(NumberKind.Fraction);
        found[0].Value.Should().BeApproximately(1m / 3m, 0.0000001m);
    }

    [Theory]
    [InlineData("一切为了群众")]
    [InlineData("四川省")]
    [InlineData("陆地")]
    [InlineData("收拾房间")]
    [InlineData("十分重要")]
    [InlineData("两两结对")]
    [InlineData("万")]
    public void Words_are_not_numbers(string text) => _extractor.Extract(text).Should().BeEmpty();

    [Theory]
    [InlineData("大陆一个省份", 1)]
    [InlineData("奥斯陆一座古堡", 1)]
    [InlineData("入伍三年", 3)]
    public void A_financial_form_run_into_an_ordinary_numeral_ends_a_word(string text, double value)
    {
        var found = _extractor.Extract(text);

        found.Should().ContainSingle().Which.Value.Should().Be((decimal)value, "陆一 is not 61: only the ordinary numeral counts");
        NumeralChars.IsFinancial(text[found[0].Span.Start]).Should().BeFalse();
    }

    [Theory]
    [InlineData("人民币陆仟零伍元", 6005)]
    [InlineData("壹佰贰拾万元", 1200000)]
    public void Amounts_written_in_financial_forms_throughout_are_numbers(string text, double value) =>
        _extractor.Extract(text).Should().ContainSingle().Which.Value.Should().Be((decimal)value);

    [Fact]
    public void Shang_closing_yishang_does_not_open_a_round_number()
    {
        var found = _extractor.Extract("一万元以上十万元以下");

        found.Select(n => n.Value).Should().Equal(10000m, 100000m);
        found[1].Approx.Should().BeFalse();
        found[1].Span.Start.Should().Be("一万元以上".Length);
    }

    [Fact]
    public void Round_numbers_with_shang_are_approximate()
    {
        var found = _extractor.Extract("上万人");

        found.Should().ContainSingle().Which.Should().Be(new NumberMention(new TextSpan(0, 2), 10000m, NumberKind.Cardinal, true));
    }
}
