using System.Globalization;
using Extract.Evaluation;
using Extract.Learning;
using Extract.Recognition;
using Extract.Recognition.Achievements;
using Extract.Recognition.Dates;
using Extract.Recognition.Numbers;

namespace Extract.Training.AchievementLearning;

/// <summary>
/// <c>train-actors --gold corpus/entities [--cv 5] [--out models/actors/actors.zip]</c>: the actor ranker, a FastTree
/// classifier over <see cref="ActorResolver.Candidates"/> (the rules' pick is one feature) whose most probable candidate is
/// the actor, cross-validated by article against the rules on the same achievements: the achievements the default
/// pipeline finds and matches to gold by (value, unit) (as <c>extract eval</c> does), actor right as ANNOTATION.md scores it.
/// </summary>
internal static class TrainActorsCommand
{
    private static TreeSettings Settings = new(Trees: 200, Leaves: 16, MinLeaf: 10, LearningRate: 0.1);

    /// <summary>One matched achievement: its candidates' rows and names, the gold actor and the rules' pick.</summary>
    private sealed record Group(List<ActorCandidateRow> Rows, List<string?> Names, string? Gold, string? Rule, string Text);

    public static int Run(string[] args)
    {
        if (CommandArgs.Option(args, "--gold") is not { } goldDirectory)
        {
            Console.Error.WriteLine("usage: train-actors --gold DIR [--cv 5] [--out models/actors/actors.zip] [--margin 0] [--misses FILE.tsv] [--score MODEL: no training, the model on DIR]");
            return 2;
        }

        Settings = new TreeSettings(
            int.Parse(CommandArgs.Option(args, "--trees") ?? "200", CultureInfo.InvariantCulture),
            int.Parse(CommandArgs.Option(args, "--leaves") ?? "16", CultureInfo.InvariantCulture),
            int.Parse(CommandArgs.Option(args, "--min-leaf") ?? "10", CultureInfo.InvariantCulture),
            double.Parse(CommandArgs.Option(args, "--learning-rate") ?? "0.1", CultureInfo.InvariantCulture));
        var folds = int.Parse(CommandArgs.Option(args, "--cv") ?? "5", CultureInfo.InvariantCulture);
        var options = ExtractorOptions.Default with { UseLearnedActors = false }; // the ranker being trained must not be needed to load
        var extractor = new ArticleExtractor(options);
        var recognizers = new List<IRecognizer> { new DateRecognizer(), new QuantityRecognizer() };
        recognizers.AddRange(ArticleExtractor.EntityRecognizers(options.Entities));
        var rules = new AchievementRecognizer(AchievementDecisionModel.Default, options.MaxClauseLength);
        var articles = new List<(string Id, List<Group> Groups)>();
        foreach (var gold in GoldSet.Load(goldDirectory))
        {
            var (_, document) = extractor.Prepare(gold.Source(), CancellationToken.None);
            var found = Mentions.Empty;
            foreach (var recognizer in recognizers)
            {
                found = recognizer.Recognize(document, found, CancellationToken.None);
            }

            var achievements = rules.Recognize(document, found, CancellationToken.None).Achievements;
            var actors = new ActorResolver(document, found);
            var spans = QuantitySpans(achievements, found);
            var index = new Dictionary<Achievement, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < achievements.Length; i++)
            {
                index[achievements[i]] = i;
            }

            var groups = new List<Group>();
            foreach (var (predicted, goldAchievement) in AchievementScoring.Match(achievements, gold.Gold.Achievements))
            {
                var span = spans[index[predicted]];
                if (span is null)
                {
                    continue;
                }

                var rule = actors.Actor(span.Value);
                var candidates = actors.Candidates(span.Value, rule);
                var rows = candidates.Select(c => new ActorCandidateRow { Features = c.Features, Label = AchievementScoring.SameActor(c.Name, goldAchievement.Actor) }).ToList();
                groups.Add(new Group(rows, [.. candidates.Select(c => c.Name)], goldAchievement.Actor, rule, goldAchievement.Text));
            }

            articles.Add((gold.Id, groups));
        }

        var all = articles.SelectMany(a => a.Groups).ToList();
        Console.WriteLine($"{articles.Count} articles, {all.Count} matched achievements, {all.Sum(g => g.Rows.Count)} candidates, "
            + $"gold actor among the candidates {Fraction(all.Count(g => g.Rows.Any(r => r.Label)), all.Count)}, rules' pick = the rules' actor in the record");

        // Cross-validation by article: each fold's ranker never saw its articles. --score MODEL: no training, the given
        // ranker on every article (the seeds, never trained on). Every margin is scored: the ranker overrides the rules'
        // pick only when its choice is more probable by more than the margin.
        var margin = float.Parse(CommandArgs.Option(args, "--margin") ?? "0", CultureInfo.InvariantCulture);
        float[] margins = [.. new[] { 0f, 0.05f, 0.1f, 0.2f, 0.3f, 0.5f, 1f }.Append(margin).Distinct().Order()];
        var ranked = new Dictionary<float, Dictionary<Group, string?>>();
        foreach (var m in margins)
        {
            ranked[m] = new Dictionary<Group, string?>(ReferenceEqualityComparer.Instance);
        }

        var scoring = CommandArgs.Option(args, "--score");
        var shipped = scoring is null ? null : ActorRankerModel.FromStream(File.OpenRead(scoring), scoring);
        for (var fold = 0; fold < (shipped is null ? folds : 1); fold++)
        {
            var model = shipped ?? Fit(articles.Where((_, i) => i % folds != fold).SelectMany(a => a.Groups).SelectMany(g => g.Rows).ToList());
            foreach (var group in articles.Where((_, i) => shipped is not null || i % folds == fold).SelectMany(a => a.Groups))
            {
                List<ActorCandidate> candidates = [.. group.Names.Select((n, j) => new ActorCandidate(n, group.Rows[j].Features))];
                foreach (var m in margins)
                {
                    ranked[m][group] = model.WithMargin(m).Choose(candidates, group.Rule);
                }
            }
        }

        var chosen = ranked[margin];
        if (CommandArgs.Option(args, "--misses") is { } missesPath)
        {
            // For reading: every matched achievement the ranker or the rules get wrong, with the candidates in order.
            File.WriteAllLines(missesPath, articles.SelectMany(a => a.Groups
                .Where(g => !AchievementScoring.SameActor(chosen[g], g.Gold) || !AchievementScoring.SameActor(g.Rule, g.Gold))
                .Select(g => string.Join('\t', a.Id, g.Text, g.Gold ?? "null", g.Rule ?? "null", chosen[g] ?? "null", g.Rows.Any(r => r.Label) ? "in" : "absent", MissClass(g, chosen[g]), string.Join('|', g.Names.Select(n => n ?? "none"))))));

            // The ranker's misses by class (ANNOTATION.md's actor rules: team for its organisation, a place acting as a
            // body, the paragraph's topic, back-references, the subject carried over), counted over all folds.
            var misses = articles.SelectMany(a => a.Groups).Where(g => !AchievementScoring.SameActor(chosen[g], g.Gold)).Select(g => MissClass(g, chosen[g])).ToList();
            Console.WriteLine($"{misses.Count} misses by kind, then by where the gold actor stands:");
            foreach (var c in misses.GroupBy(m => m.Split(" | ")[0]).Concat(misses.Where(m => m.Contains(" | ", StringComparison.Ordinal)).GroupBy(m => m.Split(" | ")[1])).OrderByDescending(c => c.Count()))
            {
                Console.WriteLine($"  {c.Count(),4}  {c.Key}");
            }
        }

        var how = shipped is null ? $"{folds}-fold CV by article" : $"model {scoring}";
        var report = new Dictionary<string, object>();
        foreach (var (label, subset) in new[] { ("all", articles), ("a-d", articles.Where(a => a.Id[0] is >= 'a' and <= 'd').ToList()), ("e-h", articles.Where(a => a.Id[0] is >= 'e' and <= 'h').ToList()) })
        {
            var groups = subset.SelectMany(a => a.Groups).ToList();
            if (groups.Count == 0 || (label != "all" && groups.Count == all.Count))
            {
                continue;
            }

            var rule = groups.Count(g => AchievementScoring.SameActor(g.Rule, g.Gold));
            Console.WriteLine($"{label,-4} rules {Fraction(rule, groups.Count)}   ({how}, {groups.Count} matched achievements)");
            foreach (var m in margins)
            {
                var right = groups.Count(g => AchievementScoring.SameActor(ranked[m][g], g.Gold));
                Console.WriteLine($"     ranker, margin {m:0.00}: {Fraction(right, groups.Count)}");
            }

            var learned = groups.Count(g => AchievementScoring.SameActor(chosen[g], g.Gold));
            report[label] = new { matched = groups.Count, rules = Math.Round((double)rule / groups.Count, 3), ranker = Math.Round((double)learned / groups.Count, 3) };
        }

        if (shipped is not null)
        {
            return 0;
        }

        if (CommandArgs.Option(args, "--out") is { } output)
        {
            var rows = all.SelectMany(g => g.Rows).ToList();
            var zip = ModelZip.Reproducible(
                ModelZip.FitFastTree(rows, Settings, LearnedModel<ActorCandidateRow, BinaryScore>.Seed),
                (DecisionEntry.Name, ActorRankerModel.DecisionText(margin)));
            File.WriteAllBytes(output, zip);
            FlattenTreesCommand.WriteBeside(output);
            ModelZip.WriteScore(
                output,
                zip,
                $"actor ranker (ML.NET FastTree binary over ActorResolver.Candidates v{ActorResolver.CandidateLayoutVersion}, {ActorResolver.CandidateFeatureCount} features, the rules' pick among them; the most probable candidate is the actor)",
                "train-actors " + string.Join(' ', args),
                LearnedModel<ActorCandidateRow, BinaryScore>.Seed,
                Settings,
                [
                    new("margin", margin),
                    new("articles", articles.Count),
                    new("matchedAchievements", all.Count),
                    new("candidates", rows.Count),
                    new("goldAmongCandidates", Math.Round((double)all.Count(g => g.Rows.Any(r => r.Label)) / all.Count, 3)),
                    new("cvFolds", folds),
                    new("cv", report),
                ]);
            Console.WriteLine($"wrote {output} ({zip.Length} bytes)");
        }

        return 0;
    }

    /// <summary>
    /// What kind of miss: the gold actor absent from the candidates; null where a name was due or the reverse; a team
    /// confused with its host (one name holds the other); a person or a place (location) chosen for a body; else another
    /// body. Then where the gold candidate stands (clause, earlier clause, earlier sentence, after, outside the paragraph)
    /// and whether it is the paragraph's lead subject, the topic, or a back-reference.
    /// </summary>
    private static string MissClass(Group group, string? chosen)
    {
        var gold = group.Rows.FindIndex(r => r.Label);
        if (gold < 0)
        {
            return "absent";
        }

        var pick = group.Names.IndexOf(chosen);
        var g = group.Rows[gold].Features;
        var c = pick < 0 ? null : group.Rows[pick].Features;
        string kind;
        if (group.Gold is null)
        {
            kind = "null gold, named chosen";
        }
        else if (chosen is null)
        {
            kind = "named gold, null chosen";
        }
        else if (group.Gold.Contains(chosen, StringComparison.Ordinal) || chosen.Contains(group.Gold, StringComparison.Ordinal))
        {
            kind = group.Gold.Length > chosen.Length ? "team/unit gold, host chosen" : "host gold, team/unit chosen";
        }
        else if (c is not null && c[1] == 1 && g[1] == 0)
        {
            kind = "person chosen for a body";
        }
        else if (c is not null && c[3] == 1 && g[3] == 0)
        {
            kind = "place chosen for a body";
        }
        else if (g[3] == 1 || g[1] == 1)
        {
            kind = g[3] == 1 ? "place gold, other chosen" : "person gold, other chosen";
        }
        else
        {
            kind = "other body chosen";
        }

        if (group.Gold is null)
        {
            return kind;
        }

        var where = g[5] == 1 ? "same clause" : g[6] == 1 ? "earlier clause" : g[7] == 1 ? "earlier sentence" : g[8] == 1 ? "after" : "outside paragraph";
        var roles = (g[46] == 1 ? " +paragraph lead" : "") + (g[29] == 1 ? " +topic" : "") + (g[30] == 1 ? " +back-ref" : "") + (g[13] == 1 ? " +heads clause" : "");
        return $"{kind} | gold {where}{roles}";
    }

    private static ActorRankerModel Fit(List<ActorCandidateRow> rows)
    {
        var zip = ModelZip.Reproducible(
            ModelZip.FitFastTree(rows, Settings, LearnedModel<ActorCandidateRow, BinaryScore>.Seed),
            (DecisionEntry.Name, ActorRankerModel.DecisionText(0)));
        return ActorRankerModel.FromStream(new MemoryStream(zip), "fold");
    }

    /// <summary>
    /// The quantity each achievement was made from (the recogniser keeps quantities in body order): the first unused
    /// quantity inside the achievement's clause with its value and unit; null when none is (never, for the recogniser's own output).
    /// </summary>
    private static List<TextSpan?> QuantitySpans(IReadOnlyList<Achievement> achievements, Mentions found)
    {
        var quantities = found.Quantities.OrderBy(q => q.Span.Start).ToList();
        var used = new bool[quantities.Count];
        var spans = new List<TextSpan?>();
        foreach (var achievement in achievements)
        {
            var clause = achievement.Span;
            var index = quantities.FindIndex(q => clause is { } c && q.Span.Start >= c.Start && q.Span.End <= c.End
                && q.Unit == achievement.Unit && q.Value / 1.000000000000000000000000000000000m == achievement.Value);
            while (index >= 0 && used[index])
            {
                var next = quantities.FindIndex(index + 1, q => clause is { } c && q.Span.Start >= c.Start && q.Span.End <= c.End
                    && q.Unit == achievement.Unit && q.Value / 1.000000000000000000000000000000000m == achievement.Value);
                index = next;
            }

            if (index >= 0)
            {
                used[index] = true;
            }

            spans.Add(index >= 0 ? quantities[index].Span : null);
        }

        return spans;
    }

    private static string Fraction(int right, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{(total == 0 ? 0 : (double)right / total):0.000} ({right}/{total})");
}
