using System.Collections.Immutable;

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

    // A made-up name in an ordinary sentence: nothing in the embedded lists knows it.
    private const string DivisionText = "志愿服务纪实\n9月7日，翠微坪的党员志愿者为居民测体温、送物资。";

    [Theory]
    [InlineData(EntityStrategy.Learned)]
    [InlineData(EntityStrategy.Merged)]
    [InlineData(EntityStrategy.Rules)]
    [InlineData(EntityStrategy.Tagger)]
    public void A_user_gazetteer_entry_makes_a_place_found_with_its_code(EntityStrategy strategy)
    {
        var options = ExtractorOptions.Default with { Entities = strategy };
        Places(new ArticleExtractor(options), DivisionText).Should().NotContain(p => p.Name == "翠微坪", "no list knows the name");

        var user = new ArticleExtractor(options with { UserDivisions = [new UserDivision("翠微坪", "431102001001")] });
        var place = Places(user, DivisionText).Should().ContainSingle(p => p.Name == "翠微坪").Subject;
        place.Code.Should().Be("431102001001");
        place.Level.Should().Be(PlaceLevel.Village, "a 12-digit code is a village or community");
        place.Path.Should().HaveCountGreaterThan(1, "the new division sits under the longest code prefix the gazetteer holds");
        place.Path[^1].Should().Be("翠微坪");
        Places(ArticleExtractor.Default, DivisionText).Should().NotContain(p => p.Name == "翠微坪", "user entries stay in the extractor that was given them");
    }

    // A county-level division under a name with no county suffix, in a sentence that reads like a village: the learned
    // model alone would drop it, but a user's name is kept by every strategy.
    [Theory]
    [InlineData(EntityStrategy.Learned)]
    [InlineData(EntityStrategy.Merged)]
    [InlineData(EntityStrategy.Rules)]
    [InlineData(EntityStrategy.Tagger)]
    public void A_user_name_for_a_known_code_is_that_division(EntityStrategy strategy)
    {
        var county = Places(ArticleExtractor.Default, "零陵区召开会议\n零陵区委书记主持会议。").First(p => p.Name == "零陵区");
        var user = new ArticleExtractor(ExtractorOptions.Default with { Entities = strategy, UserDivisions = [new UserDivision("翠微坪", county.Code!)] });
        var place = Places(user, DivisionText).Should().ContainSingle(p => p.Name == "翠微坪").Subject;
        place.Code.Should().Be(county.Code);
        place.Level.Should().Be(PlaceLevel.County);
        place.Path.Should().Equal(county.Path);
    }

    // A place with no code (the learned model's features were trained on coded divisions): kept as written by every strategy.
    [Theory]
    [InlineData(EntityStrategy.Learned)]
    [InlineData(EntityStrategy.Merged)]
    [InlineData(EntityStrategy.Rules)]
    [InlineData(EntityStrategy.Tagger)]
    public void A_user_place_is_found_with_its_level_and_no_code(EntityStrategy strategy)
    {
        var user = new ArticleExtractor(ExtractorOptions.Default with { Entities = strategy, UserPlaces = [new UserPlace("翠微坪", PlaceLevel.Venue)] });
        var place = Places(user, DivisionText).Should().ContainSingle(p => p.Name == "翠微坪").Subject;
        place.Level.Should().Be(PlaceLevel.Venue);
        place.Code.Should().BeNull();
    }

    private const string OrganizationText = "公益活动纪实\n9月7日，金穗联合街道党员为居民测体温、送物资，金穗负责人介绍了活动安排。";

    [Theory]
    [InlineData(EntityStrategy.Learned)]
    [InlineData(EntityStrategy.Merged)]
    [InlineData(EntityStrategy.Rules)]
    [InlineData(EntityStrategy.Tagger)]
    public void A_user_organisation_entry_makes_an_organisation_found(EntityStrategy strategy)
    {
        var options = ExtractorOptions.Default with { Entities = strategy };
        Organizations(new ArticleExtractor(options), OrganizationText).Should().NotContain(o => o.Name == "金穗", "no list knows the name");

        var user = new ArticleExtractor(options with { UserOrganizations = [new UserOrganization("金穗", OrganizationKind.Team)] });
        var organization = Organizations(user, OrganizationText).Should().ContainSingle(o => o.Name == "金穗").Subject;
        organization.Kind.Should().Be(OrganizationKind.Team);
    }

    // The README's sentence: the learned model alone drops the user's organisation 金穗 here.
    private const string ReadmeText = "公益活动纪实\n9月7日，金穗联合翠微坪的党员为居民送物资。";

    [Theory]
    [InlineData(EntityStrategy.Learned)]
    [InlineData(EntityStrategy.Merged)]
    [InlineData(EntityStrategy.Rules)]
    [InlineData(EntityStrategy.Tagger)]
    public void Every_strategy_keeps_the_user_entries_of_the_readme_sentence(EntityStrategy strategy)
    {
        var options = ExtractorOptions.Default with { Entities = strategy };
        var user = new ArticleExtractor(options with
        {
            UserPlaces = [new UserPlace("翠微坪", PlaceLevel.Venue)],
            UserOrganizations = [new UserOrganization("金穗", OrganizationKind.Team)],
        });
        var article = user.Extract(ArticleSource.FromText("t", ReadmeText)).Article!;
        article.Organizations.Should().ContainSingle(o => o.Name == "金穗").Which.Kind.Should().Be(OrganizationKind.Team);
        var place = article.Places.Should().ContainSingle(p => p.Name == "翠微坪").Subject;
        place.Level.Should().Be(PlaceLevel.Venue);
        place.Code.Should().BeNull();

        var county = Places(ArticleExtractor.Default, "零陵区召开会议\n零陵区委书记主持会议。").First(p => p.Name == "零陵区");
        var renamed = new ArticleExtractor(options with { UserDivisions = [new UserDivision("翠微坪", county.Code!)] });
        Places(renamed, ReadmeText).Should().ContainSingle(p => p.Name == "翠微坪").Which.Code.Should().Be(county.Code);
    }

    [Fact]
    public void Empty_user_names_are_refused_naming_the_option()
    {
        var act = () => new ArticleExtractor(ExtractorOptions.Default with { UserOrganizations = [new UserOrganization(" ", OrganizationKind.Team)] });
        act.Should().Throw<ArgumentException>().WithMessage("*organisation*");
        var noCode = () => new ArticleExtractor(ExtractorOptions.Default with { UserDivisions = [new UserDivision("翠微坪", "")] });
        noCode.Should().Throw<ArgumentException>().WithMessage("*code*");
    }

    [Fact]
    public void Models_read_from_files_give_the_records_of_the_embedded_ones()
    {
        var options = ExtractorOptions.Default with
        {
            EntityModel = EntityModel.FromFile(Path.Combine(RepoPaths.Root, "models", "entities", "entities.zip")),
            PageModel = PageModel.FromFile(Path.Combine(RepoPaths.Root, "models", "page", "page.zip")),
            AchievementModel = AchievementModel.FromFile(Path.Combine(RepoPaths.Root, "models", "achievements", "achievements.zip")),
        };
        var fromFiles = new ArticleExtractor(options);
        var html = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "corpus", "district-trs-article", "source.html"));
        var sources = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => ArticleSource.FromText(Path.GetFileName(path), File.ReadAllText(path)))
            .Append(ArticleSource.FromBytes("page", html, isHtml: true))
            .ToList();
        foreach (var source in sources)
        {
            var expected = ArticleExtractor.Default.Extract(source);
            expected.IsSuccess.Should().BeTrue();
            Extract.Json.ArticleJson.Serialize(fromFiles.Extract(source)).Should().Be(Extract.Json.ArticleJson.Serialize(expected), source.Id);
        }
    }

    [Fact]
    public void A_stream_that_is_not_a_model_is_refused_naming_it()
    {
        var garbage = () => EntityModel.FromStream(new MemoryStream([1, 2, 3, 4]), "mine.zip");
        garbage.Should().Throw<InvalidOperationException>().WithMessage("*mine.zip*");
        var page = () => PageModel.FromStream(new MemoryStream([1, 2, 3, 4]), "page-mine.zip");
        page.Should().Throw<InvalidOperationException>().WithMessage("*page-mine.zip*");
        var swapped = () => AchievementModel.FromFile(Path.Combine(RepoPaths.Root, "models", "entities", "entities.zip"));
        swapped.Should().Throw<InvalidOperationException>("an entity model has another feature layout");
    }

    private static ImmutableArray<Place> Places(ArticleExtractor extractor, string text) =>
        extractor.Extract(ArticleSource.FromText("t", text)).Article!.Places;

    private static ImmutableArray<Organization> Organizations(ArticleExtractor extractor, string text) =>
        extractor.Extract(ArticleSource.FromText("t", text)).Article!.Organizations;
}
