using Extract.Text;

namespace Extract.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("５４６３人次", "5463人次")]
    [InlineData("ＡＢＣ１２", "ABC12")]
    [InlineData("核酸\u200B检测", "核酸检测")]
    [InlineData("  两个\u3000\u3000空格  ", "两个 空格")]
    [InlineData("tab\there", "tab here")]
    [InlineData("来源：永州日报，记者", "来源：永州日报，记者")]
    public void Normalizes_width_spaces_and_invisible_characters(string input, string expected)
    {
        TextNormalizer.Normalize(input).Text.Should().Be(expected);
    }

    [Fact]
    public void Maps_every_output_character_back_to_its_source()
    {
        const string input = " ５４\u200B６３ 人次";
        var normalized = TextNormalizer.Normalize(input);
        normalized.Text.Should().Be("5463 人次");
        normalized.SourceIndex.Should().HaveCount(normalized.Text.Length);
        normalized.SourceIndex.Should().Equal(1, 2, 4, 5, 6, 7, 8);
        for (var i = 0; i < normalized.Text.Length; i++)
        {
            var source = input[normalized.SourceIndex[i]];
            TextNormalizer.Map(source).Should().Be(normalized.Text[i]);
        }
    }
}
