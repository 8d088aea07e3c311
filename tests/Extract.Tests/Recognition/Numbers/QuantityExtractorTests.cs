using Extract.Recognition;
using Extract.Recognition.Numbers;

namespace Extract.Tests.Recognition.Numbers;

public sealed class QuantityExtractorTests
{
    private readonly QuantityExtractor _extractor = new(new NumberExtractor(), UnitLexicon.Default);

    private QuantityMention Single(string text)
    {
        var found = _extractor.Extract(text, CancellationToken.None);
        found.Should().ContainSingle();
        return found[0];
    }

    [Theory]
    [InlineData("协助完成核酸采样4万余人次", 8, 13, "4万余人次", 40000, "人次", true)]
    [InlineData("每天超长工作十多个小时", 6, 11, "十多个小时", 10, "小时", true)]
    [InlineData("上门采集核酸22.16万次", 6, 13, "22.16万次", 221600, "次", false)]
    [InlineData("消杀面积达300万平方米", 5, 12, "300万平方米", 3000000, "平方米", false)]
    [InlineData("1万余名党员主动请战", 0, 4, "1万余名", 10000, "名", true)]
    [InlineData("组建两支队伍", 2, 4, "两支", 2, "支", false)]
    [InlineData("完成三轮核酸检测", 2, 4, "三轮", 3, "轮", false)]
    [InlineData("筹集善款5万元", 4, 7, "5万元", 50000, "元", false)]
    [InlineData("捐款1.2亿元", 2, 7, "1.2亿元", 120000000, "元", false)]
    [InlineData("配送液化气罐到户1015瓶", 8, 13, "1015瓶", 1015, "瓶", false)]
    [InlineData("近500名志愿者", 0, 5, "近500名", 500, "名", true)]
    [InlineData("招募1000人左右", 2, 9, "1000人左右", 1000, "人", true)]
    [InlineData("共３０箱", 1, 4, "３０箱", 30, "箱", false)]
    [InlineData("十袋大米", 0, 2, "十袋", 10, "袋", false)]
    [InlineData("一万零五百户", 0, 6, "一万零五百户", 10500, "户", false)]
    [InlineData("有三四个人", 1, 4, "三四个", 3, "个", true)]
    [InlineData("提高30%", 2, 5, "30%", 30, "%", false)]
    [InlineData("全程12千米", 2, 6, "12千米", 12, "公里", false)]
    [InlineData("重2.3千克", 1, 6, "2.3千克", 2.3, "公斤", false)]
    [InlineData("保持两米半距离", 2, 5, "两米半", 2.5, "米", false)]
    [InlineData("工作一个半小时", 2, 7, "一个半小时", 1.5, "小时", false)]
    [InlineData("开展义诊48场次", 4, 8, "48场次", 48, "场次", false)]
    [InlineData("抽检食品样品226批次", 6, 11, "226批次", 226, "批次", false)]
    [InlineData("出动车辆680余台次", 4, 10, "680余台次", 680, "台次", true)]
    [InlineData("接收信访举报345.2万件次", 6, 14, "345.2万件次", 3452000, "件次", false)]
    public void Number_with_unit(string text, int start, int end, string written, double value, string unit, bool approx)
    {
        var quantity = Single(text);

        quantity.Span.Should().Be(new TextSpan(start, end));
        quantity.Text.Should().Be(written);
        quantity.Value.Should().Be((decimal)value);
        quantity.Unit.Should().Be(unit);
        quantity.Approx.Should().Be(approx);
    }

    [Fact]
    public void Ordinals_are_flagged()
    {
        var quantity = Single("第三批志愿者");

        quantity.Span.Should().Be(new TextSpan(0, 3));
        quantity.Value.Should().Be(3m);
        quantity.Unit.Should().Be("批");
        quantity.IsOrdinal.Should().BeTrue();
        Single("派出三批志愿者").IsOrdinal.Should().BeFalse();
    }

    [Fact]
    public void Qualifier_is_recorded_as_written()
    {
        Single("配送生活物资500余份").Qualifier.Should().Be("余");
        Single("近500名志愿者").Qualifier.Should().Be("近");
        Single("派出12名志愿者").Qualifier.Should().BeNull();
    }

    [Theory]
    [InlineData("进行二次分流")]
    [InlineData("拨打12355热线")]
    [InlineData("2021年")]
    [InlineData("65岁的老人")]
    [InlineData("对下沉干部提出“三个服从”要求")]
    [InlineData("连续三天三夜没回家")]
    [InlineData("走进千家万户")]
    [InlineData("锲而不舍落实中央八项规定精神")]
    [InlineData("增强四个意识，做到两个维护")]
    public void Not_quantities(string text) => _extractor.Extract(text, CancellationToken.None).Should().BeEmpty();
}
