using Extract.Segmentation.Dictionary;

namespace Extract.Segmentation.Tests;

public sealed class SegmenterTests
{
    [Fact]
    public void Tokenize_gives_words_with_utf16_offsets()
    {
        var tokens = JiebaSegmenter.Default.Tokenize("永和服装饰品有限公司😀abc");
        tokens.Should().Equal(
            new Token("永和", 0, 2),
            new Token("服装", 2, 4),
            new Token("饰品", 4, 6),
            new Token("有限公司", 6, 10),
            new Token("😀", 10, 12),
            new Token("abc", 12, 15));
    }

    [Fact]
    public void Search_mode_tokens_carry_sub_word_offsets()
    {
        var tokens = JiebaSegmenter.Default.Tokenize("永和服装饰品有限公司", TokenizerMode.Search);
        tokens.Should().Equal(
            new Token("永和", 0, 2),
            new Token("服装", 2, 4),
            new Token("饰品", 4, 6),
            new Token("有限", 6, 8),
            new Token("公司", 8, 10),
            new Token("有限公司", 6, 10));
    }

    [Fact]
    public void Pos_tokens_carry_tags_and_offsets()
    {
        PosSegmenter.Default.Tokenize("我爱北京天安门 ok").Should().Equal(
            new TaggedToken("我", "r", 0, 1),
            new TaggedToken("爱", "v", 1, 2),
            new TaggedToken("北京", "ns", 2, 4),
            new TaggedToken("天安门", "ns", 4, 7),
            new TaggedToken(" ", "x", 7, 8),
            new TaggedToken("ok", "eng", 8, 10));
    }

    [Fact]
    public void Empty_and_odd_inputs_do_not_throw()
    {
        JiebaSegmenter.Default.Cut(string.Empty).Should().BeEmpty();
        JiebaSegmenter.Default.Tokenize(string.Empty).Should().BeEmpty();
        PosSegmenter.Default.Tokenize(string.Empty).Should().BeEmpty();
        var rnd = new Random(7);
        for (var n = 0; n < 300; n++)
        {
            var chars = new char[rnd.Next(0, 400)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = rnd.Next(4) switch
                {
                    0 => (char)rnd.Next(0, 0x10000),
                    1 => (char)rnd.Next(0x4E00, 0x9FD6),
                    2 => "ab1.%-+#&_ \r\n\t"[rnd.Next(14)],
                    _ => (char)rnd.Next(0xD800, 0xE000),
                };
            }

            var text = new string(chars);
            var tokens = JiebaSegmenter.Default.Tokenize(text);
            string.Concat(tokens.Select(t => t.Word)).Should().Be(text);
            string.Concat(JiebaSegmenter.Default.Cut(text, hmm: false)).Should().Be(text);
            string.Concat(PosSegmenter.Default.Tokenize(text).Select(t => t.Word)).Should().Be(text);
            string.Concat(PosSegmenter.Default.Tokenize(text, hmm: false).Select(t => t.Word)).Should().Be(text);
            JiebaSegmenter.Default.Cut(text, cutAll: true).Should().NotBeNull();
            JiebaSegmenter.Default.Tokenize(text, TokenizerMode.Search).Should().NotBeNull();
            TfidfExtractor.Default.ExtractTags(text).Should().NotBeNull();
        }

        var huge = string.Concat(Enumerable.Repeat("中华人民共和国国务院总理李克强主持召开国务院常务会议，Hello 123。", 5000));
        string.Concat(JiebaSegmenter.Default.Cut(huge)).Should().Be(huge);
        var unknown = new string('\u9F98', 20000);
        string.Concat(PosSegmenter.Default.Tokenize(unknown).Select(t => t.Word)).Should().Be(unknown);
    }

    [Fact]
    public void Cutting_is_thread_safe()
    {
        const string text = "小明硕士毕业于中国科学院计算所，后在日本京都大学深造";
        var expected = JiebaSegmenter.Default.Cut(text).ToList();
        Parallel.For(0, 2000, _ => JiebaSegmenter.Default.Cut(text).Should().Equal(expected));
    }

    [Fact]
    public void Corrupt_models_throw_naming_the_resource()
    {
        var bad = () => JiebaModel.FromStream(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), () => Stream.Null, "x.bin");
        bad.Should().Throw<InvalidDataException>().WithMessage("*x.bin*");
        using var real = typeof(JiebaModel).Assembly.GetManifestResourceStream(ModelFormat.ModelResource)!;
        var bytes = new byte[4096];
        real.ReadExactly(bytes);
        var truncated = () => JiebaModel.FromStream(new MemoryStream(bytes), () => Stream.Null, "cut.bin");
        truncated.Should().Throw<InvalidDataException>().WithMessage("*cut.bin*");
    }
}
