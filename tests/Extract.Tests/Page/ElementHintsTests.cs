using Extract.Page;

namespace Extract.Tests.Page;

public sealed class ElementHintsTests
{
    [Theory]
    [InlineData("mainContent", new[] { "main", "content" })]
    [InlineData("TRS_Editor", new[] { "trs", "editor" })]
    [InlineData("news-list2 hot", new[] { "news", "list", "hot" })]
    public void Class_names_split_into_words(string names, string[] words) => ElementHints.Words(names).Should().Equal(words);
}
