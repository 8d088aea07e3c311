using System.IO.Compression;
using Extract.Learning;
using Extract.Recognition;
using Extract.Recognition.Entities;
using Extract.Recognition.Tagging;
using Extract.Resources;
using Extract.Segmentation;
using Extract.Tokens;
using Extract.Calendar;

namespace Extract.Tests.Recognition.Entities;

public sealed class EntityDecisionTests
{
    private static EntityCandidate Candidate(int start, int end, NameType type = NameType.Organization) => new(new TextSpan(start, end), type);

    [Fact]
    public void Selection_keeps_the_non_overlapping_set_with_the_most_probability_above_the_threshold()
    {
        EntityCandidate[] candidates = [Candidate(0, 6), Candidate(0, 3), Candidate(3, 6), Candidate(7, 9), Candidate(8, 10)];
        float[] probabilities = [0.7f, 0.6f, 0.65f, 0.9f, 0.4f];

        // 0.6 + 0.65 - 2 × 0.5 beats 0.7 - 0.5; [7,9) beats the overlapping [8,10), which is below the threshold anyway.
        EntityDecision.Select(candidates, probabilities, 0.5f).Select(c => c.Span)
            .Should().Equal(new TextSpan(0, 3), new TextSpan(3, 6), new TextSpan(7, 9));

        // A higher threshold makes the one long span worth more than its two halves.
        EntityDecision.Select(candidates, probabilities, 0.62f).Select(c => c.Span).Should().Equal(new TextSpan(0, 6), new TextSpan(7, 9));
    }

    [Fact]
    public void A_person_both_sources_propose_inside_a_list_of_names_is_kept()
    {
        const string text = "名单：王建国李秀英（女）张志强、赵卫东。另据报道，刘德华来访。";
        const CandidateSources both = CandidateSources.RulePerson | CandidateSources.Tagger;
        EntityCandidate Person(string name, CandidateSources sources)
        {
            var start = text.IndexOf(name, StringComparison.Ordinal);
            return new EntityCandidate(new TextSpan(start, start + name.Length), NameType.Person) { Sources = sources };
        }

        EntityCandidate[] candidates =
        [
            Person("王建国", both), Person("李秀英", both), Person("张志强", both), Person("赵卫东", CandidateSources.Tagger), Person("刘德华", both),
        ];
        float[] probabilities = [0.1f, 0.1f, 0.2f, 0.1f, 0.1f];
        float[] thresholds = [0.5f, 0.5f, 0.5f, 0.5f, 0.5f];

        var raised = EntityDecision.ListedNames(text, candidates, probabilities, thresholds);

        // 李秀英 (across （女）) and 张志强 (across 、) have a name on both sides and both sources; 王建国 has none before it,
        // 赵卫东 only the tagger's word, and 刘德华 stands alone: the model's probability stands for them.
        raised.Select(p => p > 0.5f).Should().Equal(false, true, true, false, false);
        EntityDecision.ListedNames(text, candidates, [0.9f, 0.9f, 0.9f, 0.9f, 0.9f], thresholds).Should().Equal(0.9f, 0.9f, 0.9f, 0.9f, 0.9f);
    }

    [Fact]
    public void A_rule_organisation_ending_in_a_fixed_name_is_kept_unless_a_longer_kept_body_holds_it()
    {
        const string text = "住建部和市国资委、七届全国人大，证监会";
        EntityCandidate Body(string name, CandidateSources sources, int from = 0)
        {
            var start = text.IndexOf(name, from, StringComparison.Ordinal);
            return new EntityCandidate(new TextSpan(start, start + name.Length), NameType.Organization) { Sources = sources };
        }

        EntityCandidate[] candidates =
        [
            Body("住建部", CandidateSources.RuleOrganization), Body("市国资委", CandidateSources.RuleOrganization),
            Body("全国人大", CandidateSources.RuleOrganization), Body("七届全国人大", CandidateSources.Tagger),
            Body("证监会", CandidateSources.Tagger), Body("和市", CandidateSources.RuleOrganization),
        ];
        float[] thresholds = [0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f];

        // 住建部 and 市国资委 (level + fixed name) rise to the threshold; 全国人大 sits inside the kept 七届全国人大; the
        // tagger's 证监会 and a rule body that ends in no fixed name keep the model's probability.
        EntityDecision.FixedNames(text, candidates, [0.1f, 0.2f, 0.1f, 0.8f, 0.1f, 0.1f], thresholds, EntityLexicons.Default.OrgFixed)
            .Select(p => p > 0.5f).Should().Equal(true, true, false, true, false, false);
        EntityDecision.FixedNames(text, candidates, [0.1f, 0.2f, 0.1f, 0.3f, 0.1f, 0.1f], thresholds, EntityLexicons.Default.OrgFixed)
            .Select(p => p > 0.5f).Should().Equal(true, true, true, false, false, false);
    }

    [Fact]
    public void A_tagger_body_read_on_through_former_yields_to_the_rule_body_before_it()
    {
        const string text = "辽宁省政协原党组副书记，市委原书记";
        var rule = Candidate(0, 5) with { Sources = CandidateSources.RuleOrganization };
        var tagger = Candidate(0, 8) with { Sources = CandidateSources.Tagger };
        var both = Candidate(0, 8) with { Sources = CandidateSources.Tagger | CandidateSources.RuleOrganization };
        var city = Candidate(12, 14) with { Sources = CandidateSources.RuleOrganization };
        float[] thresholds = [0.5f, 0.5f, 0.5f, 0.5f];

        // The tagger-only 辽宁省政协原党组 drops and 辽宁省政协 is kept; a reading the rules share, and a body with no
        // longer tagger reading (市委 before 原书记), keep the model's probability.
        EntityDecision.FormerRoles(text, [rule, tagger, both, city], [0.02f, 0.96f, 0.9f, 0.3f], thresholds)
            .Should().Equal(0.51f, 0f, 0.9f, 0.3f);
        EntityDecision.FormerRoles("辽宁省政协党组", [rule, tagger], [0.02f, 0.96f], [0.5f, 0.5f]).Should().Equal(0.02f, 0.96f);
    }

    [Theory]
    [InlineData("冯警官", true)]
    [InlineData("徐阿婆", true)]
    [InlineData("王书记", true)]
    [InlineData("李总", true)]
    [InlineData("欧阳老师", true)]
    [InlineData("冯敏", false)]
    [InlineData("总书记", false)]
    [InlineData("王总理", false)]
    [InlineData("警官", false)]
    public void A_surname_and_a_title_is_no_person(string surface, bool vetoed)
    {
        // ANNOTATION.md: not surname + title (王书记); 总 is the short form of 总经理/总裁 (李总). A title alone, a surname
        // and a given name, or a surname before a word that is no title (总理 is not listed) are left to the model.
        NotNames.IsSurnameAndTitle(surface, Surnames.Default, EntityLexicons.Default.Titles).Should().Be(vetoed);
    }

    [Fact]
    public void A_country_that_opens_a_kept_organisation_is_not_kept_as_a_place()
    {
        // 中国农业银行常德分行: 中国 is part of the bank's name (no division of the gazetteer), 常德 a division inside it.
        const string text = "中国农业银行常德分行，英国《星报》编辑部";
        var bank = Candidate(0, 10);
        var china = Candidate(0, 2, NameType.Location) with
        {
            Sources = CandidateSources.RulePlace,
            Place = new PlaceMention(new TextSpan(0, 2), "中国", PlaceLevel.Other, null, ["中国"]),
        };
        var city = Division(6, 8, "常德", PlaceLevel.City, "湖南省", "常德市");
        var britain = Candidate(11, 13, NameType.Location) with
        {
            Sources = CandidateSources.RulePlace,
            Place = new PlaceMention(new TextSpan(11, 13), "英国", PlaceLevel.Other, null, ["英国"]),
        };
        var desk = Candidate(11, 20);
        EntityCandidate[] candidates = [bank, china, city, britain, desk];
        float[] thresholds = [0.5f, 0.5f, 0.5f, 0.5f, 0.5f];

        EntityDecision.NamePrefixes(text, candidates, [0.9f, 0.95f, 0.9f, 0.9f, 0.9f], thresholds)
            .Should().Equal(0.9f, 0f, 0.9f, 0.9f, 0.9f);

        // Without the body above its threshold the country stands; a division that opens a body stays inside it.
        EntityDecision.NamePrefixes(text, candidates, [0.3f, 0.95f, 0.9f, 0.9f, 0.9f], thresholds)
            .Should().Equal(0.3f, 0.95f, 0.9f, 0.9f, 0.9f);
        var county = Division(0, 2, "零陵", PlaceLevel.County, "湖南省", "永州市", "零陵区");
        EntityDecision.NamePrefixes(text, [bank, county], [0.9f, 0.9f], [0.5f, 0.5f]).Should().Equal(0.9f, 0.9f);
    }

    private static EntityCandidate Division(int start, int end, string name, PlaceLevel level, params string[] path) =>
        new(new TextSpan(start, end), NameType.Location)
        {
            Sources = CandidateSources.RulePlace,
            Place = new PlaceMention(new TextSpan(start, end), name, level, "000000", [.. path]),
        };

    [Fact]
    public void A_kept_chain_of_divisions_each_inside_the_one_before_is_split_into_them()
    {
        // 甘肃兰州、偃师商城、北京朝阳: the tagger reads each chain whole; 兰州 lies in 甘肃, 商城(县) not in 偃师.
        var gansu = Division(0, 2, "甘肃", PlaceLevel.Province, "甘肃省");
        var lanzhou = Division(2, 4, "兰州", PlaceLevel.City, "甘肃省", "兰州市");
        var yanshi = Division(5, 7, "偃师", PlaceLevel.County, "河南省", "洛阳市", "偃师区");
        var shangcheng = Division(7, 9, "商城", PlaceLevel.County, "河南省", "信阳市", "商城县");
        var chain = Candidate(0, 4, NameType.Location) with { Sources = CandidateSources.Tagger };
        var site = Candidate(5, 9, NameType.Location) with { Sources = CandidateSources.Tagger };
        EntityCandidate[] candidates = [gansu, lanzhou, chain, yanshi, shangcheng, site];

        EntityDecision.SplitChains([chain, site], candidates).Should().Equal(gansu, lanzhou, site);

        // What the place rules propose whole is atomic already; a place no divisions tile stays as it is.
        var ruled = chain with { Sources = CandidateSources.Tagger | CandidateSources.RulePlace };
        EntityDecision.SplitChains([ruled], [gansu, lanzhou, ruled]).Should().Equal(ruled);
        EntityDecision.SplitChains([chain], [gansu, chain]).Should().Equal(chain);
    }

    [Fact]
    public void Selection_takes_one_type_per_span_and_nothing_below_the_threshold()
    {
        EntityCandidate[] candidates = [Candidate(0, 2, NameType.Person), Candidate(0, 2, NameType.Location), Candidate(4, 6)];
        EntityDecision.Select(candidates, [0.8f, 0.6f, 0.3f], 0.5f).Should().ContainSingle().Which.Type.Should().Be(NameType.Person);
        EntityDecision.Select(candidates, [0.1f, 0.2f, 0.3f], 0.5f).Should().BeEmpty();
        EntityDecision.Select([], [], 0.5f).Should().BeEmpty();
    }

    [Fact]
    public void Selection_reads_each_hypothesis_against_its_own_threshold()
    {
        EntityCandidate[] candidates = [Candidate(0, 4), Candidate(5, 8), Candidate(5, 7)];
        float[] probabilities = [0.2f, 0.3f, 0.45f];

        // At one threshold of 0.4 only the short span clears it; a lower threshold for the first two lets them in, and
        // [5,8) then outweighs the overlapping [5,7) (0.3 − 0.1 against 0.45 − 0.4).
        EntityDecision.Select(candidates, probabilities, 0.4f).Select(c => c.Span).Should().Equal(new TextSpan(5, 7));
        EntityDecision.Select(candidates, probabilities, [0.1f, 0.1f, 0.4f]).Select(c => c.Span)
            .Should().Equal(new TextSpan(0, 4), new TextSpan(5, 8));
    }

    [Fact]
    public void Hypotheses_the_hand_merge_kept_get_the_kept_threshold()
    {
        const string text = "社区书记王永芳在永州市零陵区税务局工作。";
        var tokens = PosSegmenter.Default.Tokenize(text).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End)).ToList();
        var document = new DocumentText(text, [new TextSpan(0, text.Length)], [.. tokens], ReferenceDates.Create(null, null, null, null));
        var (candidates, features) = EntityDecision.Hypotheses(EntityMerger.HandMerge(), document, EntityPipeline.Run(text), CancellationToken.None);

        var thresholds = EntityDecisionModel.Thresholds(features, candidates, 0.6f, 0.1f);
        var at = text.IndexOf("永州市", StringComparison.Ordinal);
        var city = candidates.FindIndex(c => c.Span == new TextSpan(at, at + 3) && c.Type == NameType.Location);
        city.Should().BeGreaterThanOrEqualTo(0);
        features.HandKept(candidates[city]).Should().BeTrue();
        thresholds[city].Should().Be(0.1f);
        thresholds.Where((_, i) => !features.HandKept(candidates[i])).Should().OnlyContain(t => t == 0.6f);
    }

    [Fact]
    public void Candidates_merge_every_source_of_the_same_span_and_type()
    {
        const string text = "社区书记王永芳在永州市零陵区税务局工作。";
        var rules = EntityPipeline.Run(text);
        var at = text.IndexOf("王永芳", StringComparison.Ordinal);
        var found = rules with { TaggedNames = [new TaggedName(new TextSpan(at, at + 3), NameType.Person, 120)] };
        var candidates = EntityCandidates.Collect(found);
        var person = candidates.Single(c => c.Span == new TextSpan(at, at + 3) && c.Type == NameType.Person);
        person.Sources.Should().HaveFlag(CandidateSources.RulePerson).And.HaveFlag(CandidateSources.Tagger);
        person.Sources.Should().NotHaveFlag(CandidateSources.PersonCandidate);
        person.Margin.Should().Be(120);
        person.Person!.Roles.Should().Equal("社区书记");
        candidates.Should().Contain(c => c.Type == NameType.Location && c.Place != null && c.Place.Code != null);
        candidates.Should().BeInAscendingOrder(c => c.Span.Start);
    }

    [Fact]
    public void Features_fill_the_layout_for_every_candidate_and_read_the_gazetteer_and_sources()
    {
        const string text = "社区书记王永芳在永州市零陵区税务局工作。";
        var tokens = PosSegmenter.Default.Tokenize(text).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End)).ToList();
        var candidates = EntityCandidates.Collect(EntityPipeline.Run(text));
        var document = new EntityCandidateFeatures.Document(text, tokens, candidates, new HashSet<(TextSpan, NameType)>());
        var features = new EntityCandidateFeatures(TaggerResources.Default, CommonWords.Default.Contains);
        var vector = new float[EntityCandidateFeatures.Count];
        foreach (var candidate in candidates)
        {
            features.Write(document, candidate, vector);
            vector.Should().OnlyContain(v => float.IsFinite(v));
            vector[(int)candidate.Type].Should().Be(1);
        }

        var city = candidates.Single(c => text[c.Span.Start..c.Span.End] == "永州市");
        features.Write(document, city, vector);
        vector[3].Should().Be(1, "the place rules proposed it");
        vector.Sum().Should().BeGreaterThan(5);
    }

    [Fact]
    public void The_hand_merge_verdict_is_one_feature_among_the_others()
    {
        const string text = "社区书记王永芳在永州市零陵区税务局工作。";
        var tokens = PosSegmenter.Default.Tokenize(text).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End)).ToList();
        var candidates = EntityCandidates.Collect(EntityPipeline.Run(text));
        var city = candidates.Single(c => text[c.Span.Start..c.Span.End] == "永州市");
        var features = new EntityCandidateFeatures(TaggerResources.Default, CommonWords.Default.Contains);
        var without = new float[EntityCandidateFeatures.Count];
        var kept = new float[EntityCandidateFeatures.Count];
        var otherType = new float[EntityCandidateFeatures.Count];
        features.Write(new EntityCandidateFeatures.Document(text, tokens, candidates, new HashSet<(TextSpan, NameType)>()), city, without);
        features.Write(new EntityCandidateFeatures.Document(text, tokens, candidates, new HashSet<(TextSpan, NameType)> { (city.Span, NameType.Location) }), city, kept);
        features.Write(new EntityCandidateFeatures.Document(text, tokens, candidates, new HashSet<(TextSpan, NameType)> { (city.Span, NameType.Organization) }), city, otherType);

        kept.Sum().Should().Be(without.Sum() + 1, "exactly one flag says the hand merge kept this span with this type");
        otherType.Sum().Should().Be(without.Sum() + 1, "exactly one flag says it kept the span as another type");
        kept.Zip(otherType).Count(p => p.First != p.Second).Should().Be(2, "the two verdicts are different flags");
    }

    [Fact]
    public void Hypotheses_carry_what_the_hand_merge_kept()
    {
        const string text = "社区书记王永芳在永州市零陵区税务局工作。";
        var tokens = PosSegmenter.Default.Tokenize(text).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End)).ToList();
        var document = new DocumentText(text, [new TextSpan(0, text.Length)], [.. tokens], ReferenceDates.Create(null, null, null, null));
        var merger = EntityMerger.HandMerge();
        var found = EntityPipeline.Run(text);
        var (candidates, features) = EntityDecision.Hypotheses(merger, document, found, CancellationToken.None);

        candidates.Should().BeEquivalentTo(EntityCandidates.Collect(found));
        var at = text.IndexOf("永州市", StringComparison.Ordinal);
        features.HandMergedOverlapping(new TextSpan(at, at + 3)).Should().Contain((new TextSpan(at, at + 3), NameType.Location));
        features.HandMergedOverlapping(new TextSpan(0, 2)).Should().BeEmpty("社区 alone is nothing the merge kept");
    }

    [Fact]
    public void The_direct_tree_scorer_gives_the_prediction_engines_probabilities()
    {
        var model = EntityDecisionModel.Default;
        model.ScoresDirectly.Should().BeTrue("the embedded model is a FastTree binary model");
        var features = new EntityCandidateFeatures(TaggerResources.Default, CommonWords.Default.Contains);
        var checkedCount = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "corpus", "entities"), "*.txt").Order(StringComparer.Ordinal).Take(6))
        {
            var text = File.ReadAllText(file);
            var tokens = PosSegmenter.Default.Tokenize(text).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End)).ToList();
            var document = new DocumentText(text, [new TextSpan(0, text.Length)], [.. tokens], ReferenceDates.Create(null, null, null, null));
            var (candidates, featureDocument) = EntityDecision.Hypotheses(EntityMerger.HandMerge(), document, EntityPipeline.Run(text), CancellationToken.None);

            var direct = model.Score(features, featureDocument, candidates, CancellationToken.None);
            var engine = model.ScoreWithEngine(features, featureDocument, candidates, CancellationToken.None);

            direct.Should().HaveCount(candidates.Count);
            for (var i = 0; i < direct.Length; i++)
            {
                direct[i].Should().BeApproximately(engine[i], 1e-5f);
            }

            checkedCount += direct.Length;
        }

        checkedCount.Should().BeGreaterThan(100);
    }

    [Fact]
    public void The_embedded_model_loads_with_a_threshold()
    {
        var model = EntityDecisionModel.Default;
        model.Threshold.Should().BeInRange(0.05f, 0.95f);
        model.KeptThreshold.Should().BeInRange(0f, 1f);
    }

    [Fact]
    public void A_zip_that_is_not_this_builds_model_is_refused_naming_it()
    {
        var notZip = () => EntityDecisionModel.FromStream(new MemoryStream([1, 2, 3]), "junk.zip");
        notZip.Should().Throw<InvalidOperationException>().WithMessage("*junk.zip*");

        using var raw = new MemoryStream();
        using (var source = EmbeddedResource.Open(EntityDecisionModel.ResourceName))
        {
            source.CopyTo(raw);
        }

        var withoutDecision = Rewrite(raw.ToArray(), zip => zip.GetEntry(EntityDecisionModel.DecisionEntry)!.Delete());
        var missing = () => EntityDecisionModel.FromStream(new MemoryStream(withoutDecision), "old.zip");
        missing.Should().Throw<InvalidOperationException>().WithMessage("*old.zip*retrain*");

        var otherLayout = Rewrite(raw.ToArray(), zip =>
        {
            zip.GetEntry(EntityDecisionModel.DecisionEntry)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(EntityDecisionModel.DecisionEntry).Open());
            writer.Write("version=999\nthreshold=0.5\n");
        });
        var wrongVersion = () => EntityDecisionModel.FromStream(new MemoryStream(otherLayout), "future.zip");
        wrongVersion.Should().Throw<InvalidOperationException>().WithMessage("*future.zip*layout 999*");

        var notProbability = Rewrite(raw.ToArray(), zip =>
        {
            zip.GetEntry(EntityDecisionModel.DecisionEntry)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(EntityDecisionModel.DecisionEntry).Open());
            writer.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"version={EntityCandidateFeatures.Version}\nthreshold=0.5\nkept-threshold=7\n"));
        });
        var badThreshold = () => EntityDecisionModel.FromStream(new MemoryStream(notProbability), "odd.zip");
        badThreshold.Should().Throw<InvalidOperationException>().WithMessage("*odd.zip*not probabilities*");
    }

    [Fact]
    public void The_learned_strategy_keeps_roles_codes_and_kinds_of_what_it_keeps()
    {
        var extractor = new ArticleExtractor(ExtractorOptions.Default with { Entities = EntityStrategy.Learned });
        var article = extractor.Extract(ArticleSource.FromText("t", "永州市零陵区税务局党委书记蒋文锋带领志愿者到东岳宫社区开展服务。\n蒋文锋说，大家辛苦了。")).Article!;
        article.People.Should().Contain(p => p.Name == "蒋文锋" && p.Roles.Contains("永州市零陵区税务局党委书记"));
        article.Places.Should().Contain(p => p.Name == "零陵区" && p.Code == "431102");
        article.Organizations.Should().Contain(o => o.Name == "永州市零陵区税务局党委" && o.Kind == OrganizationKind.Party);
    }

    [Fact]
    public async Task The_learned_strategy_gives_the_same_records_in_parallel_as_one_at_a_time()
    {
        var folder = Path.Combine(RepoPaths.Root, "corpus", "entities");
        var sources = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Take(12)
            .Select(f => ArticleSource.FromText(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var options = ExtractorOptions.Default with { Entities = EntityStrategy.Learned };
        var sequential = sources.Select(s => Extract.Json.ArticleJson.Serialize(new ArticleExtractor(options with { MaxDegreeOfParallelism = 1 }).Extract(s).Article!)).ToList();
        var parallel = new List<string>();
        await foreach (var result in new ArticleExtractor(options with { MaxDegreeOfParallelism = 4 }).ExtractAsync(sources))
        {
            parallel.Add(Extract.Json.ArticleJson.Serialize(result.Article!));
        }

        parallel.Should().Equal(sequential);
    }

    private static byte[] Rewrite(byte[] zip, Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(archive);
        }

        return stream.ToArray();
    }
}
