using Extract.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Extract.Tests.Api;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddArticleExtractor_registers_one_shared_extractor_with_the_configured_options()
    {
        using var provider = new ServiceCollection()
            .AddArticleExtractor(o => o with { MaxDegreeOfParallelism = 3, UserWords = ["紫荆湾社区 ns"] })
            .BuildServiceProvider();

        var extractor = provider.GetRequiredService<ArticleExtractor>();
        extractor.Should().BeSameAs(provider.GetRequiredService<ArticleExtractor>());
        extractor.Options.MaxDegreeOfParallelism.Should().Be(3);
        extractor.Options.Should().BeSameAs(provider.GetRequiredService<ExtractorOptions>());
        extractor.Prepare(ArticleSource.FromText("t", "党员冲在前\n紫荆湾社区党员冲在前。"), CancellationToken.None).Document.Tokens
            .Should().Contain(t => t.Word == "紫荆湾社区");
    }

    [Fact]
    public void Without_configuration_the_defaults_are_used()
    {
        using var provider = new ServiceCollection().AddArticleExtractor().BuildServiceProvider();
        provider.GetRequiredService<ArticleExtractor>().Options.Should().Be(ExtractorOptions.Default);
    }
}
