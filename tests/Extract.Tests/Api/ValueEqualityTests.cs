using System.Diagnostics.CodeAnalysis;

namespace Extract.Tests.Api;

public sealed class ValueEqualityTests
{
    [Fact]
    public void Two_identical_extractions_are_equal()
    {
        var path = Path.Combine(RepoPaths.Seeds, "000_6e7b0bd164a179b3.txt");
        var first = ArticleExtractor.Default.Extract(ArticleSource.FromText("seed", File.ReadAllText(path))).Article!;
        var second = new ArticleExtractor(ExtractorOptions.Default).Extract(ArticleSource.FromText("seed", File.ReadAllText(path))).Article!;

        first.People.Should().NotBeEmpty("the comparison must cover nested lists");
        ReferenceEquals(first, second).Should().BeFalse();
        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
        (first with { People = [.. first.People] }).Should().Be(first, "a copy of a list is the same value");
        (first with { Keywords = first.Keywords.Add("另一个词") }).Should().NotBe(first);
        (first with { People = first.People.SetItem(0, first.People[0] with { Roles = first.People[0].Roles.Add("主任") }) }).Should().NotBe(first);
        new Place { Name = "零陵区", Path = default }.Should().Be(new Place { Name = "零陵区" }, "a default list counts as empty");
    }

    [Fact]
    public void The_entry_point_tells_trimmed_and_aot_publishing_it_is_unsupported()
    {
        // The trim and AOT analyzers turn these into warnings IL2026 / IL3050 where an app creates an extractor.
        typeof(ArticleExtractor).GetCustomAttributes(typeof(RequiresUnreferencedCodeAttribute), false).Should().ContainSingle()
            .Which.As<RequiresUnreferencedCodeAttribute>().Message.Should().Contain("trimming");
        typeof(ArticleExtractor).GetCustomAttributes(typeof(RequiresDynamicCodeAttribute), false).Should().ContainSingle();
    }
}
