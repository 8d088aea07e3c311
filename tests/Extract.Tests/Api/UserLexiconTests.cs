namespace Extract.Tests.Api;

public sealed class UserLexiconTests
{
    private const string Text = "紫荆湾社区党员冲在前，筑牢疫情防控屏障。";

    [Fact]
    public void A_user_word_changes_the_tokens_the_recognisers_read()
    {
        var source = ArticleSource.FromText("t", Text);
        var before = ArticleExtractor.Default.Prepare(source, CancellationToken.None).Document.Tokens.Select(t => t.Word).ToList();
        var extractor = new ArticleExtractor(ExtractorOptions.Default with { UserWords = ["紫荆湾社区 ns"] });
        var after = extractor.Prepare(source, CancellationToken.None).Document.Tokens;

        before.Should().NotContain("紫荆湾社区", "the embedded dictionary splits it");
        after.Should().ContainSingle(t => t.Word == "紫荆湾社区").Which.Tag.Should().Be("ns");
        ArticleExtractor.Default.Prepare(source, CancellationToken.None).Document.Tokens.Select(t => t.Word)
            .Should().Equal(before, "user words stay in the extractor that was given them");
    }
}
