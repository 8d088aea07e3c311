using System.Text;
using Extract.Cli.Commands;

namespace Extract.Cli.Tests;

/// <summary>The tool warms the page models up only once an input may be a page.</summary>
public sealed class PageWarmUpTests
{
    [Fact]
    public void Html_and_bytes_not_said_to_be_text_may_be_pages()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>正文</p>");
        ExtractCommand.MayBePage(ArticleSource.FromHtml("a", "<p>正文</p>")).Should().BeTrue();
        ExtractCommand.MayBePage(ArticleSource.FromBytes("b", bytes, isHtml: true)).Should().BeTrue();
        ExtractCommand.MayBePage(ArticleSource.FromBytes("c", bytes)).Should().BeTrue("undecided bytes are read by content");
        ExtractCommand.MayBePage(ArticleSource.FromBytes("d", bytes, isHtml: false)).Should().BeFalse("a .txt file");
        ExtractCommand.MayBePage(ArticleSource.FromText("e", "正文")).Should().BeFalse();
    }
}
