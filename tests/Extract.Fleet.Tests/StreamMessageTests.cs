using Extract.Json;
using StackExchange.Redis;

namespace Extract.Fleet.Tests;

public sealed class StreamMessageTests
{
    private static StreamEntry Entry(ArticleSource source)
    {
        // Redis hands every field back as bytes: go through byte[] as a round trip through the server would.
        var fields = StreamMessages.ToFields(source).Select(f => new NameValueEntry(f.Name, (byte[])f.Value!)).ToArray();
        return new StreamEntry("1-0", fields);
    }

    [Fact]
    public void Every_kind_of_source_survives_the_stream_fields()
    {
        var fetched = new DateTimeOffset(2022, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));
        ArticleSource[] sources =
        [
            ArticleSource.FromText("t1", "11月2日，社区志愿者配送生活物资300份。") with { Url = "http://example.gov.cn/t20221104_1.html", FetchedAt = fetched },
            ArticleSource.FromHtml("h1", "<html><body><p>正文</p></body></html>"),
            ArticleSource.FromBytes("b1", new byte[] { 0xD5, 0xFD, 0xCE, 0xC4, 0x00, 0xFF }, isHtml: true) with { DeclaredCharset = "gbk" },
            ArticleSource.FromBytes("b2", "text"u8.ToArray()),
        ];
        foreach (var source in sources)
        {
            var back = StreamMessages.FromEntry(Entry(source));
            back.Id.Should().Be(source.Id);
            back.Kind.Should().Be(source.Kind);
            back.Content.Should().Be(source.Content);
            back.Bytes.ToArray().Should().Equal(source.Bytes.ToArray());
            back.BytesAreHtml.Should().Be(source.BytesAreHtml);
            back.Url.Should().Be(source.Url);
            back.FetchedAt.Should().Be(source.FetchedAt);
            back.DeclaredCharset.Should().Be(source.DeclaredCharset);
            Extract.Batch.ContentHash.Of(back).Should().Be(Extract.Batch.ContentHash.Of(source));
        }
    }

    [Fact]
    public void A_message_without_content_or_with_an_unknown_kind_is_malformed()
    {
        var noContent = new StreamEntry("1-0", [new NameValueEntry("id", "x"), new NameValueEntry("kind", "text")]);
        var badKind = new StreamEntry("2-0", [new NameValueEntry("id", "y"), new NameValueEntry("kind", "pdf"), new NameValueEntry("content", "z")]);
        var read1 = () => StreamMessages.FromEntry(noContent);
        var read2 = () => StreamMessages.FromEntry(badKind);
        read1.Should().Throw<FormatException>().WithMessage("*x*content*");
        read2.Should().Throw<FormatException>().WithMessage("*pdf*");
        ArticleJson.SerializeError(StreamMessages.IdOf(new StreamEntry("3-0", [new NameValueEntry("kind", "text")])), "e").Should().Contain("message 3-0");
    }
}
