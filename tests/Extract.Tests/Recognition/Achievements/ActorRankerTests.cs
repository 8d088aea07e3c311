using System.Collections.Immutable;
using System.IO.Compression;
using Extract.Calendar;
using Extract.Recognition;
using Extract.Recognition.Achievements;
using Extract.Recognition.Numbers;
using Extract.Segmentation;
using Extract.Tokens;

namespace Extract.Tests.Recognition.Achievements;

/// <summary>The actor ranker's candidates (ActorResolver.Candidates), the embedded ranker (ActorRankerModel) and its option.</summary>
public sealed class ActorRankerTests
{
    private const string Text = "青禾社区党委成立于2010年。\n社区开展志愿活动。青禾社区党支部志愿服务队由李明带领，为居民配送生活物资300份。";

    private static (DocumentText Document, Mentions Found) Prepare(string body, params (string Name, char Kind)[] names)
    {
        var tokens = PosSegmenter.Default.Tokenize(body).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End)).ToImmutableArray();
        var paragraphs = ImmutableArray.CreateBuilder<TextSpan>();
        var start = 0;
        foreach (var line in body.Split('\n'))
        {
            paragraphs.Add(new TextSpan(start, start + line.Length));
            start += line.Length + 1;
        }

        var document = new DocumentText(body, paragraphs.ToImmutable(), tokens, new ReferenceDates(null, null, null, null));
        var found = Mentions.Empty with
        {
            Quantities = new QuantityRecognizer().Recognize(document, Mentions.Empty, CancellationToken.None).Quantities,
            Organizations = [.. names.Where(n => n.Kind == 'o').SelectMany(n => Spans(body, n.Name)).Select(s => new OrganizationMention(s, body[s.Start..s.End], OrganizationKind.Other))],
            Places = [.. names.Where(n => n.Kind == 'p').SelectMany(n => Spans(body, n.Name)).Select(s => new PlaceMention(s, body[s.Start..s.End], PlaceLevel.Township, null, []))],
            People = [.. names.Where(n => n.Kind == 'r').SelectMany(n => Spans(body, n.Name)).Select(s => new PersonMention(s, body[s.Start..s.End], [], null))],
        };
        return (document, found);
    }

    private static IEnumerable<TextSpan> Spans(string body, string name)
    {
        for (var i = body.IndexOf(name, StringComparison.Ordinal); i >= 0; i = body.IndexOf(name, i + name.Length, StringComparison.Ordinal))
        {
            yield return new TextSpan(i, i + name.Length);
        }
    }

    private static (ActorResolver Actors, TextSpan Quantity) Resolver()
    {
        var (document, found) = Prepare(Text, ("青禾社区党委", 'o'), ("青禾社区党支部", 'o'), ("青禾社区党支部志愿服务队", 'o'), ("李明", 'r'));
        var quantity = found.Quantities.Single(q => q.Unit == "份").Span;
        return (new ActorResolver(document, found), quantity);
    }

    [Fact]
    public void The_candidates_hold_the_names_in_scope_the_earlier_paragraph_subject_a_teams_parent_and_none()
    {
        var (actors, quantity) = Resolver();
        var rule = actors.Actor(quantity);
        var candidates = actors.Candidates(quantity, rule);

        candidates.Select(c => c.Name).Should().Contain(["李明", "青禾社区党支部志愿服务队", "青禾社区党支部", "青禾社区党委", null]);
        candidates.Should().OnlyHaveUniqueItems(c => c.Name);
        candidates.Should().AllSatisfy(c => c.Features.Should().HaveCount(ActorResolver.CandidateFeatureCount));
        candidates.Single(c => c.Name is null).Features[0].Should().Be(1, "'none' is marked as such");
        candidates.Single(c => c.Name == rule).Features[4].Should().Be(1, "the rules' pick is marked");
        candidates.Where(c => c.Name != rule).Should().AllSatisfy(c => c.Features[4].Should().Be(0));
    }

    [Fact]
    public void The_candidate_features_say_where_each_name_stands()
    {
        var (actors, quantity) = Resolver();
        var candidates = actors.Candidates(quantity, actors.Actor(quantity)).ToDictionary(c => c.Name ?? "none");

        var team = candidates["青禾社区党支部志愿服务队"].Features;
        team[2].Should().Be(1, "an organisation");
        team[6].Should().Be(1, "named in an earlier clause of the quantity's sentence");
        team[25].Should().Be(1, "a volunteer team whose parent the record lists");
        team[24].Should().Be(1, "a team word ends the name");

        var parent = candidates["青禾社区党支部"].Features;
        parent[26].Should().Be(1, "the parent of a team in scope");

        var person = candidates["李明"].Features;
        person[1].Should().Be(1, "a person");
        person[17].Should().Be(1, "带领 stands between the person and the quantity");

        var earlier = candidates["青禾社区党委"].Features;
        earlier[9].Should().Be(1, "not named in the quantity's paragraph");
        earlier[40].Should().Be(1, "the subject of an earlier paragraph's first sentence");
        earlier[41].Should().Be(1, "one paragraph back");
    }

    /// <summary>The candidates for a quantity in the second of four paragraphs: a committee before it, a county that dispatches cadres, a town that is only a location and a commission after it.</summary>
    private static Dictionary<string, ActorCandidate> FourParagraphCandidates()
    {
        const string Body = "青禾社区党委成立于2010年。\n志愿者为居民配送生活物资300份。\n泌阳县选派干部下沉社区。在城关镇召开会议。\n市卫健委发来感谢信。";
        var (document, found) = Prepare(Body, ("青禾社区党委", 'o'), ("市卫健委", 'o'), ("泌阳县", 'p'), ("城关镇", 'p'));
        var quantity = found.Quantities.Single(q => q.Unit == "份").Span;
        var actors = new ActorResolver(document, found);
        var candidates = actors.Candidates(quantity, actors.Actor(quantity)).ToDictionary(c => c.Name ?? "none");
        return candidates;
    }

    [Fact]
    public void A_bare_unit_noun_stands_for_the_body_named_before_it_in_its_paragraph_only()
    {
        const string Same = "青禾社区党支部组织党员清理垃圾。城关镇卫生院派出医生义诊。党支部还为老人配送物资300份。";
        var (document, found) = Prepare(Same, ("青禾社区党支部", 'o'), ("城关镇卫生院", 'o'));
        var quantity = found.Quantities.Single(q => q.Unit == "份").Span;
        new ActorResolver(document, found).Actor(quantity).Should().Be("青禾社区党支部", "党支部 refers back to the branch named earlier in the paragraph, not to the latest subject");

        const string Other = "青禾社区党支部成立于2010年。\n城关镇卫生院派出医生义诊。党支部还为老人配送物资300份。";
        (document, found) = Prepare(Other, ("青禾社区党支部", 'o'), ("城关镇卫生院", 'o'));
        quantity = found.Quantities.Single(q => q.Unit == "份").Span;
        var actors = new ActorResolver(document, found);
        actors.Actor(quantity).Should().NotBe("青禾社区党支部", "a branch named only in another paragraph is not in scope (ANNOTATION.md)");
        actors.Candidates(quantity, actors.Actor(quantity)).Single(c => c.Name == "青禾社区党支部").Features[30].Should().Be(0, "no back-reference reached it");
    }

    [Fact]
    public void The_articles_bodies_and_the_places_it_makes_subjects_are_candidates_wherever_they_are_named()
    {
        var candidates = FourParagraphCandidates();

        candidates.Keys.Should().Contain(["市卫健委", "泌阳县"], "an organisation named in a later paragraph and a county that dispatches cadres");
        candidates.Keys.Should().NotContain("城关镇", "a place that is only where something happens (在城关镇) is not a body");
    }

    [Fact]
    public void The_context_features_say_how_the_article_uses_each_name()
    {
        var candidates = FourParagraphCandidates();

        var county = candidates["泌阳县"].Features;
        county[52].Should().Be(1, "an administrative place");
        county[56].Should().Be(1, "every mention heads its clause");
        county[57].Should().Be(0, "never after 在 or 到");

        var committee = candidates["青禾社区党委"].Features;
        committee[53].Should().Be(1, "a party committee");
        committee[61].Should().Be(1, "last named one paragraph back");

        candidates["市卫健委"].Features[61].Should().Be(30, "never named before the quantity");

        var (actors2, quantity2) = Resolver();
        var teamed = actors2.Candidates(quantity2, actors2.Actor(quantity2)).ToDictionary(c => c.Name ?? "none");
        teamed["青禾社区党支部"].Features[62].Should().BeLessThan(24, "its volunteer team is named before the quantity");
        teamed["李明"].Features[62].Should().Be(24, "no named unit holds a person's name");
    }

    [Fact]
    public void The_embedded_ranker_scores_its_trees_directly_as_MLNET_does()
    {
        var (actors, quantity) = Resolver();
        var candidates = actors.Candidates(quantity, actors.Actor(quantity));
        var ranker = ActorRankerModel.Default;

        var direct = ranker.Probabilities(candidates);
        var reference = ranker.ScoreWithTransform(candidates);

        direct.Should().HaveCount(candidates.Count);
        direct.Zip(reference).Should().AllSatisfy(p => p.First.Should().BeApproximately(p.Second, 1e-5f));
        direct.Should().AllSatisfy(p => p.Should().BeInRange(0f, 1f));
    }

    [Fact]
    public void The_ranker_keeps_the_rules_pick_within_its_margin_and_takes_the_most_probable_otherwise()
    {
        var (actors, quantity) = Resolver();
        var rule = actors.Actor(quantity);
        var candidates = actors.Candidates(quantity, rule);
        var probabilities = ActorRankerModel.Default.Probabilities(candidates);
        var best = candidates[Array.IndexOf(probabilities, probabilities.Max())].Name;

        ActorRankerModel.Default.WithMargin(1).Choose(candidates, rule).Should().Be(rule);
        ActorRankerModel.Default.WithMargin(0).Choose(candidates, rule).Should().Be(best);
        ActorRankerModel.Default.Choose([], rule).Should().BeNull();
    }

    [Fact]
    public void The_option_switches_between_the_ranker_and_the_rules()
    {
        var (document, found) = Prepare(Text, ("青禾社区党委", 'o'), ("青禾社区党支部", 'o'), ("青禾社区党支部志愿服务队", 'o'), ("李明", 'r'));
        var quantity = found.Quantities.Single(q => q.Unit == "份").Span;
        var actors = new ActorResolver(document, found);
        var rule = actors.Actor(quantity);
        var learned = ActorRankerModel.Default.Choose(actors.Candidates(quantity, rule), rule);

        new AchievementRecognizer(AchievementDecisionModel.Default, 200, null).Recognize(document, found, CancellationToken.None)
            .Achievements.Single(a => a.Unit == "份").Actor.Should().Be(rule);
        new AchievementRecognizer(AchievementDecisionModel.Default, 200, ActorRankerModel.Default).Recognize(document, found, CancellationToken.None)
            .Achievements.Single(a => a.Unit == "份").Actor.Should().Be(learned);
        ExtractorOptions.Default.UseLearnedActors.Should().BeTrue("the ranker beats the rules under cross-validation (models/actors/score.json)");
    }

    [Fact]
    public void A_text_naming_nobody_gives_none_as_the_only_candidate_and_a_null_actor()
    {
        var (document, found) = Prepare("志愿者们配送生活物资300份。");
        var quantity = found.Quantities.Single().Span;
        var actors = new ActorResolver(document, found);

        actors.Candidates(quantity, actors.Actor(quantity)).Should().ContainSingle().Which.Name.Should().BeNull();
        new AchievementRecognizer(AchievementDecisionModel.Default, 200, ActorRankerModel.Default).Recognize(document, found, CancellationToken.None)
            .Achievements.Should().ContainSingle().Which.Actor.Should().BeNull();
    }

    [Fact]
    public void A_zip_that_is_not_an_actor_ranker_is_refused_with_its_name()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("extract-decision.txt").Open());
            writer.Write("version=999\n");
        }

        buffer.Position = 0;
        var act = () => ActorRankerModel.FromStream(buffer, "old.zip");
        act.Should().Throw<InvalidOperationException>().WithMessage("*old.zip*train-actors*");
    }
}
