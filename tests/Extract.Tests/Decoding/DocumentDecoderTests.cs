using System.Text;
using Extract.Decoding;

namespace Extract.Tests.Decoding;

public sealed class DocumentDecoderTests
{
    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("gb18030")!;

    private static DecodedDocument Decode(byte[] bytes, bool? isHtml = null) =>
        new DocumentDecoder().Decode(ArticleSource.FromBytes("t", bytes, isHtml), ExtractorOptions.Default, CancellationToken.None);

    [Fact]
    public void Decodes_gbk_declared_pages()
    {
        var html = "<html><head><meta charset=\"gb2312\"></head><body><p>零陵区税务局</p></body></html>";
        var decoded = Decode(Gb18030.GetBytes(html));
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
    public void Undeclared_non_utf8_bytes_fall_back_to_gb18030()
    {
        Decode(Gb18030.GetBytes("市委组织部组织党员志愿者"), isHtml: false).Content.Should().Be("市委组织部组织党员志愿者");
    }

    [Fact]
    public void Strips_a_utf8_bom()
    {
        Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("正文")], isHtml: false).Content.Should().Be("正文");
    }

    [Fact]
    public void Truncated_utf8_still_decodes_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("党员志愿者服务群众");
        Decode(bytes[..^1], isHtml: false).Content.Should().StartWith("党员志愿者服务群");
    }
}
