using System.Text;
using Extract.Decoding;
using Extract.Tests.Page.Fixtures;

namespace Extract.Tests.Decoding;

public sealed class DocumentDecoderTests
{
    private const string Chinese = "城南街道组织志愿者走进辖区各小区，开展环境整治、政策宣传和关爱老人等志愿服务活动。";
    private const string Traditional = "城南街道組織志願者走進轄區各小區，開展環境整治、政策宣傳和關愛老人等志願服務活動。這是繁體中文網頁的內容。";

    private static DecodedDocument Decode(byte[] bytes, string? transportCharset = null) =>
        new DocumentDecoder().Decode(ArticleSource.FromBytes("t", bytes) with { DeclaredCharset = transportCharset }, ExtractorOptions.Default, CancellationToken.None);

    private static string Page(string head, string text) => $"<html><head>{head}<title>测试</title></head><body><p>{text}</p></body></html>";

    [Fact]
    public void True_gbk_bytes_declared_gb2312_decode_as_gb18030()
    {
        var bytes = PageFixtures.Gbk.GetBytes(Page("<meta charset=\"gb2312\">", Chinese));

        var decoded = Decode(bytes);

        decoded.Content.Should().Contain(Chinese);
        decoded.Charset.Should().Be("gb18030");
        decoded.IsHtml.Should().BeTrue();
    }

    [Fact]
    public void Gbk_declared_through_http_equiv_is_honoured()
    {
        var bytes = PageFixtures.Gbk.GetBytes(Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">", Chinese));

        Decode(bytes).Content.Should().Contain(Chinese);
    }

    [Fact]
    public void Xml_declaration_names_the_charset()
    {
        var bytes = PageFixtures.Gbk.GetBytes("<?xml version=\"1.0\" encoding=\"gb2312\"?>" + Page("", Chinese));

        Decode(bytes).Content.Should().Contain(Chinese);
    }

    [Fact]
    public void Undeclared_gbk_bytes_are_sniffed()
    {
        var bytes = PageFixtures.Gbk.GetBytes(Page("", Chinese + Chinese + Chinese));

        Decode(bytes).Content.Should().Contain(Chinese);
    }

    [Fact]
    public void Utf8_bytes_declared_as_gb2312_stay_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Page("<meta charset=\"gb2312\">", Chinese));

        var decoded = Decode(bytes);

        decoded.Content.Should().Contain(Chinese);
        decoded.Charset.Should().Be("utf-8");
    }

    [Fact]
    public void Big5_declared_page_decodes_traditional_text()
    {
        var bytes = PageFixtures.Big5.GetBytes(Page("<meta charset=\"big5\">", Traditional));

        var decoded = Decode(bytes);

        decoded.Content.Should().Contain(Traditional);
        decoded.Charset.Should().Be("big5");
    }

    [Fact]
    public void Undeclared_big5_page_is_sniffed()
    {
        var bytes = PageFixtures.Big5.GetBytes(Page("", string.Concat(Enumerable.Repeat(Traditional, 6))));

        Decode(bytes).Content.Should().Contain(Traditional);
    }

    [Fact]
    public void Transport_charset_wins_over_sniffing()
    {
        var bytes = PageFixtures.Big5.GetBytes(Page("", Traditional));

        Decode(bytes, transportCharset: "big5").Content.Should().Contain(Traditional);
    }

    [Fact]
    public void Broken_gbk_bytes_are_replaced_not_thrown()
    {
        var good = PageFixtures.Gbk.GetBytes(Page("<meta charset=\"gbk\">", Chinese));
        var bytes = good.Concat(new byte[] { 0x81, 0x20, 0xFF, 0xFE, 0x80 }).Concat(PageFixtures.Gbk.GetBytes("<p>" + Chinese + "</p>")).ToArray();

        var decoded = Decode(bytes);

        decoded.Content.Should().Contain(Chinese);
        decoded.Content.Should().Contain("\uFFFD");
    }

    [Fact]
    public void Utf8_declared_page_with_a_few_broken_bytes_stays_utf8()
    {
        var text = Page("<meta charset=\"utf-8\">", string.Concat(Enumerable.Repeat(Chinese, 40)));
        var bytes = Encoding.UTF8.GetBytes(text).ToArray();
        bytes[bytes.Length / 2] = 0xFF;

        var decoded = Decode(bytes);

        decoded.Charset.Should().Be("utf-8");
        decoded.Content.Should().Contain(Chinese);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("<meta charset=\"gb2312\">")]
    public void Utf8_with_a_stray_byte_is_utf8_with_one_replacement_whatever_is_declared(string? head)
    {
        var text = head is null ? string.Concat(Enumerable.Repeat(Chinese + "\n", 20)) : Page(head, string.Concat(Enumerable.Repeat(Chinese, 20)));
        var bytes = Encoding.UTF8.GetBytes(text);
        byte[] damaged = [.. bytes.AsSpan(0, 600), 0xFF, .. bytes.AsSpan(600)];

        var decoded = new DocumentDecoder().Decode(ArticleSource.FromBytes("t", damaged, isHtml: head is not null), ExtractorOptions.Default, CancellationToken.None);

        decoded.Charset.Should().Be("utf-8");
        decoded.Content.Count(c => c == '\uFFFD').Should().BeInRange(1, 4, "one stray byte breaks at most the character it lands in");
        decoded.Content.Should().Contain(Chinese);
    }

    [Fact]
    public void Gbk_bytes_never_pass_for_damaged_utf8()
    {
        var text = string.Concat(Enumerable.Repeat(Chinese, 50));
        DocumentDecoder.DamagedUtf8(PageFixtures.Gbk.GetBytes(text)).Should().BeFalse();
        DocumentDecoder.DamagedUtf8(PageFixtures.Gbk.GetBytes("<html><body>" + new string('x', 50_000) + Chinese + "</body></html>")).Should().BeFalse();
        DocumentDecoder.DamagedUtf8(Encoding.UTF8.GetBytes(text)).Should().BeFalse("valid UTF-8 is not damaged");
    }

    [Fact]
    public void Strings_keep_their_text_with_unpaired_surrogates_replaced()
    {
        // Built in code: a test runner's data serialisation would itself replace the lone surrogates.
        (string Input, string Expected)[] cases =
        [
            ("a" + '\uD800' + "b", "a\uFFFDb"),
            ('\uDC00'.ToString(), "\uFFFD"),
            ("\uD83D\uDE00", "\uD83D\uDE00"),
            ("x" + '\uD83D', "x\uFFFD"),
            ('\uDE00' + "\uD83D\uDE00" + '\uD83D', "\uFFFD\uD83D\uDE00\uFFFD"),
            ("plain", "plain"),
        ];
        foreach (var (input, expected) in cases)
        {
            new DocumentDecoder().Decode(ArticleSource.FromText("t", input), ExtractorOptions.Default, CancellationToken.None).Content.Should().Be(expected);
        }
    }

    [Fact]
    public void Truncated_utf8_page_is_still_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Page("", Chinese));
        var cut = bytes.AsSpan(0, bytes.Length - "</p></body></html>".Length).ToArray();
        cut = [.. cut, 0xE5, 0x9F];

        Decode(cut).Charset.Should().Be("utf-8");
    }

    [Fact]
    public void Utf16_bom_is_honoured()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Page("", Chinese))).ToArray();

        Decode(bytes).Content.Should().Contain(Chinese);
    }

    [Theory]
    [InlineData("GB2312", "gb18030")]
    [InlineData("x-gbk", "gb18030")]
    [InlineData("big5-hkscs", "big5")]
    [InlineData("UTF8", "utf-8")]
    public void Charset_aliases_map_to_decoders(string name, string webName) =>
        DocumentDecoder.EncodingByName(name)!.WebName.Should().Be(webName);

    [Fact]
    public void Unknown_charset_name_gives_no_encoding() => DocumentDecoder.EncodingByName("no-such-charset").Should().BeNull();

    [Fact]
    public void Decodes_gbk_declared_pages()
    {
        var html = "<html><head><meta charset=\"gb2312\"></head><body><p>零陵区税务局</p></body></html>";
        var decoded = Decode(PageFixtures.Gbk.GetBytes(html));
        decoded.Content.Should().Contain("零陵区税务局");
        decoded.IsHtml.Should().BeTrue();
    }

    [Fact]
    public void Valid_utf8_wins_over_a_wrong_gbk_declaration()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body>永州日报</body></html>";
        Decode(Encoding.UTF8.GetBytes(html)).Content.Should().Contain("永州日报");
    }

    [Fact]
    public void Undeclared_non_utf8_bytes_fall_back_to_gb18030() =>
        DecodeText(PageFixtures.Gbk.GetBytes("市委组织部组织党员志愿者")).Content.Should().Be("市委组织部组织党员志愿者");

    [Fact]
    public void Strips_a_utf8_bom() =>
        DecodeText([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("正文")]).Content.Should().Be("正文");

    [Fact]
    public void Truncated_utf8_still_decodes_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("党员志愿者服务群众");
        DecodeText(bytes[..^1]).Content.Should().StartWith("党员志愿者服务群");
    }

    private static DecodedDocument DecodeText(byte[] bytes) =>
        new DocumentDecoder().Decode(ArticleSource.FromBytes("t", bytes, isHtml: false), ExtractorOptions.Default, CancellationToken.None);
}
