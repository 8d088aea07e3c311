using System.Collections.Immutable;
using Extract.Recognition;
using Extract.Recognition.Entities;
using Extract.Recognition.Places;
using Extract.Recognition.Tagging;
using Extract.Resolution;
using Extract.Resources;
using Extract.Calendar;

namespace Extract.Tests.Recognition.Entities;

/// <summary>
/// The hand merge of rule mentions and tagger names, with the tagger's names given, so each policy shows alone; its
/// verdict is resolved (described, occurrences added) as the extractor does.
/// </summary>
public sealed class EntityMergerTests
{
    private const float Confident = EntityMerger.MinMargin + 10;

    private static readonly EntityResolution Resolution = new(new EntityDescriber(Gazetteer.Default, EntityLexicons.Default));

    private static EntityMerger Merger(EntityStrategy strategy) =>
        new(strategy, TaggerResources.Default, CommonWords.Default.Contains);

    private static (string Text, Mentions Found) Merge(string text, EntityStrategy strategy, params (string Name, NameType Type, float Margin)[] tagged)
    {
        var rules = strategy == EntityStrategy.Tagger ? Mentions.Empty : EntityPipeline.Run(text);
        var names = tagged.Select(t =>
        {
            var at = text.IndexOf(t.Name, StringComparison.Ordinal);
            at.Should().BeGreaterThanOrEqualTo(0, t.Name);
            return new TaggedName(new TextSpan(at, at + t.Name.Length), t.Type, t.Margin);
        });
        var document = new DocumentText(text, [new TextSpan(0, text.Length)], [], ReferenceDates.Create(null, null, null, null));
        var decided = Merger(strategy).Recognize(document, rules with { TaggedNames = [.. names] }, CancellationToken.None);
        return (text, Resolution.Recognize(document, decided, CancellationToken.None));
    }

    [Fact]
    public void A_confident_name_no_rule_found_is_added_at_each_occurrence()
    {
        const string text = "昨天，财政局召开会议，财政局工作人员参加。";
        EntityPipeline.Run(text).Organizations.Should().BeEmpty();
        var (_, found) = Merge(text, EntityStrategy.Merged, ("财政局", NameType.Organization, Confident));
        found.Organizations.Should().OnlyContain(o => o.Name == "财政局" && o.Kind == OrganizationKind.Government);
        found.Organizations.Select(o => o.Span).Should().Equal(new TextSpan(3, 6), new TextSpan(11, 14));
    }

    [Fact]
    public void A_name_below_the_margin_is_not_added()
    {
        var (_, found) = Merge("昨天，财政局召开会议。", EntityStrategy.Merged, ("财政局", NameType.Organization, EntityMerger.MinMargin - 1));
        found.Organizations.Should().BeEmpty();
    }

    [Fact]
    public void Rules_win_where_both_speak()
    {
        const string text = "零陵区税务局组织志愿者开展活动。";
        var rulesOnly = EntityPipeline.Run(text);
        rulesOnly.Organizations.Should().Contain(o => o.Name == "零陵区税务局");
        var (_, found) = Merge(text, EntityStrategy.Merged, ("陵区税务局组织", NameType.Organization, Confident));
        found.Organizations.Select(o => o.Name).Should().Equal(rulesOnly.Organizations.Select(o => o.Name));
    }

    [Fact]
    public void A_transliterated_name_the_tagger_reads_whole_replaces_the_rule_fragments_inside_it()
    {
        const string text = "维吾尔族大学生热依拉·吐尔逊说，今年家里的杏子卖了好价钱。";
        var (_, found) = Merge(text, EntityStrategy.Merged, ("热依拉·吐尔逊", NameType.Person, Confident));
        found.People.Select(p => p.Name).Should().Equal("热依拉·吐尔逊");
    }

    [Theory]
    [InlineData("按照集团公司党委的部署，各单位迅速行动。", "按照集团公司党委", "ORG")] // starts with a boundary verb
    [InlineData("按照集团公司党委的部署，各单位迅速行动。", "集团公司党委", "ORG")] // a generic back-reference
    [InlineData("宣传部负责组织学习。", "宣传部", "ORG")] // a bare suffix that needs a place or level prefix
    [InlineData("志愿服务中心开放了。", "志愿服务中心", "ORG")] // a generic head before the suffix
    [InlineData("太阳升起来了，大家出发。", "太阳", "LOC")] // a common word is not a place
    [InlineData("他走进城中村排查。", "城中村", "LOC")] // a generic head + place suffix
    [InlineData("大家表示感谢。", "大家", "PER")] // no surname, common word
    [InlineData("共有2000人参加。", "2000人", "ORG")] // digits are never a name
    public void Names_the_lexicons_disagree_with_are_not_added(string text, string name, string type)
    {
        var kind = type switch { "PER" => NameType.Person, "LOC" => NameType.Location, _ => NameType.Organization };
        var (_, found) = Merge(text, EntityStrategy.Merged, (name, kind, Confident));
        var all = found.Organizations.Select(o => o.Name).Concat(found.Places.Select(p => p.Name)).Concat(found.People.Select(p => p.Name));
        all.Should().NotContain(name);
    }

    [Fact]
    public void A_place_the_gazetteer_knows_gets_its_code_and_path()
    {
        var (_, found) = Merge("他从永州市来到冷水滩区。", EntityStrategy.Tagger, ("永州市", NameType.Location, Confident), ("冷水滩区", NameType.Location, Confident));
        var place = found.Places.Single(p => p.Name == "冷水滩区");
        place.Code.Should().Be("431103");
        place.Path.Should().Equal("湖南省", "永州市", "冷水滩区");
        place.Level.Should().Be(PlaceLevel.County);
    }

    [Fact]
    public void A_person_added_by_the_tagger_gets_the_roles_before_it()
    {
        var (_, found) = Merge("市司法局副局长欧阳振华带队检查。", EntityStrategy.Merged, ("欧阳振华", NameType.Person, Confident));
        var person = found.People.Single(p => p.Name == "欧阳振华");
        person.Roles.Should().Equal("市司法局副局长");
        person.Organization.Should().Be("市司法局");
    }

    [Fact]
    public void A_person_the_rules_took_on_weak_cues_needs_the_tagger_to_agree()
    {
        const string text = "社区里很忙，陶明文连续值守三天，居民都认识热心的陶明文。";
        var rules = EntityPipeline.Run(text);
        rules.People.Should().Contain(p => p.Name == "陶明文" && p.WeakEvidence);

        Merge(text, EntityStrategy.Merged).Found.People.Should().NotContain(p => p.Name == "陶明文");
        Merge(text, EntityStrategy.Merged, ("陶明文", NameType.Person, 1)).Found.People.Should().Contain(p => p.Name == "陶明文");
    }

    [Fact]
    public void A_person_with_a_title_before_stands_without_the_tagger()
    {
        const string text = "社区书记王永芳介绍情况。";
        var (_, found) = Merge(text, EntityStrategy.Merged);
        found.People.Should().Contain(p => p.Name == "王永芳" && !p.WeakEvidence);
    }

    [Fact]
    public void Names_inside_book_titles_are_not_added()
    {
        var (_, found) = Merge("学习《财政局工作手册》。", EntityStrategy.Merged, ("财政局", NameType.Organization, Confident));
        found.Organizations.Should().BeEmpty();
    }

    [Fact]
    public void Tagger_mode_describes_every_name_of_two_or_more_characters()
    {
        var (_, found) = Merge("江主席会见了李鹏。", EntityStrategy.Tagger, ("江", NameType.Person, Confident), ("李鹏", NameType.Person, 1));
        found.People.Select(p => p.Name).Should().Equal("李鹏");
    }
}
