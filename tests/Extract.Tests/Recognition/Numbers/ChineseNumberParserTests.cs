using Extract.Recognition.Numbers;

namespace Extract.Tests.Recognition.Numbers;

public sealed class ChineseNumberParserTests
{
    [Theory]
    [InlineData("一千二百三十四", 1234, false)]
    [InlineData("两万", 20000, false)]
    [InlineData("二万", 20000, false)]
    [InlineData("两千二百二十二", 2222, false)]
    [InlineData("一万零五百", 10500, false)]
    [InlineData("一千零五", 1005, false)]
    [InlineData("十", 10, false)]
    [InlineData("十五", 15, false)]
    [InlineData("十多", 10, true)]
    [InlineData("几十", 10, true)]
    [InlineData("二十几", 20, true)]
    [InlineData("22.16万", 221600, false)]
    [InlineData("1.2亿", 120000000, false)]
    [InlineData("4万余", 40000, true)]
    [InlineData("十余万", 100000, true)]
    [InlineData("３０", 30, false)]
    [InlineData("30", 30, false)]
    [InlineData("1,234", 1234, false)]
    [InlineData("一万三", 13000, false)]
    [InlineData("两千三", 2300, false)]
    [InlineData("九十二万四", 924000, false)]
    [InlineData("四万万", 400000000, false)]
    [InlineData("4.78万亿", 4780000000000, false)]
    [InlineData("3万4000", 34000, false)]
    [InlineData("5亿1万4千6百", 500014600, false)]
    [InlineData("五兆六十二亿四万五千二", 5006200045200, false)]
    [InlineData("二零二一", 2021, false)]
    [InlineData("两千零四", 2004, false)]
    [InlineData("壹佰伍拾", 150, false)]
    [InlineData("一点五万", 15000, false)]
    [InlineData("两千三点一", 2300.1, false)]
    [InlineData("负三十二", -32, false)]
    [InlineData("三四", 3, true)]
    public void Parses(string text, double expected, bool approx)
    {
        ChineseNumberParser.TryParse(text, out var value, out var isApprox).Should().BeTrue();

        value.Should().Be((decimal)expected);
        isApprox.Should().Be(approx);
    }

    [Theory]
    [InlineData("万")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("一千x")]
    public void Rejects(string text) => ChineseNumberParser.TryParse(text, out _, out _).Should().BeFalse();
}
