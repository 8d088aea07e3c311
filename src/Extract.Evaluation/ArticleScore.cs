using System.Collections.Immutable;
using Extract.Text;

namespace Extract.Evaluation;

/// <summary>How one extracted article compares with its gold record, field by field.</summary>
internal sealed record ArticleScore
{
    public required string Id { get; init; }

    /// <summary>Per-field counts: people, organizations, places, entities (orgs ∪ places), dates, achievements, authors, editors, boilerplate.</summary>
    public required ImmutableDictionary<string, FieldScore> Fields { get; init; }

    /// <summary>Exact-match fields (title, outlet, publishedAt, authors, editors): 1 when right.</summary>
    public required ImmutableDictionary<string, bool> Exact { get; init; }

    /// <summary>Share of the non-boilerplate source characters (CJK, letters, digits) found in title, body and metadata; null for an HTML source (its markup is no reference).</summary>
    public double? ContentKept { get; init; }

    /// <summary>Matched achievements whose actor / action is right (<see cref="AchievementScoring"/>), out of all matched achievements.</summary>
    public (int Right, int Total) Actor { get; init; }

    public (int Right, int Total) Action { get; init; }

    /// <summary>Gold items the article missed and predicted items gold does not have, per field, for the verbose report.</summary>
    public ImmutableDictionary<string, (ImmutableArray<string> Missed, ImmutableArray<string> Spurious)> Differences { get; init; } =
        ImmutableDictionary<string, (ImmutableArray<string>, ImmutableArray<string>)>.Empty;
}

/// <summary>Scores an <see cref="Article"/> against a <see cref="GoldRecord"/> (the rules of ANNOTATION.md; used by <c>extract eval</c> and the seed test).</summary>
internal static class GoldScorer
{
    /// <summary>Scores the fields <paramref name="gold"/> states (<see cref="GoldRecord.Has"/>); <paramref name="sourceText"/> is null for an HTML source.</summary>
    public static ArticleScore Score(Article article, GoldRecord gold, string? sourceText)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, FieldScore>();
        var differences = ImmutableDictionary.CreateBuilder<string, (ImmutableArray<string>, ImmutableArray<string>)>();

        void Names(string field, IReadOnlyList<string> predicted, IReadOnlyList<string> expected)
        {
            if (!gold.Has(field == "entities" ? "organizations" : field) && !(field == "entities" && gold.Has("places")))
            {
                return;
            }

            var p = predicted.Select(Key).Distinct().ToList();
            var g = expected.Select(Key).Distinct().ToList();
            fields[field] = FieldScore.Match(p, g, (a, b) => a == b);
            differences[field] = ([.. g.Except(p)], [.. p.Except(g)]);
        }

        Names("people", [.. article.People.Select(x => x.Name)], [.. gold.People.Select(x => x.Name)]);
        Names("organizations", [.. article.Organizations.Select(x => x.Name)], gold.Organizations);
        Names("places", [.. article.Places.Select(x => x.Name)], gold.Places);
        Names("entities", [.. article.Organizations.Select(x => x.Name).Concat(article.Places.Select(x => x.Name))], [.. gold.Organizations.Concat(gold.Places)]);
        Names("authors", article.Authors, gold.Authors);
        Names("editors", article.Editors, gold.Editors);

        var dates = article.Dates.ToList();
        if (gold.Has("dates"))
        {
            fields["dates"] = FieldScore.Match(dates, gold.Dates, (p, g) => p.Value == g.Value && TextsOverlap(p.Text, g.Text));
        differences["dates"] = (
            [.. gold.Dates.Where(g => !dates.Any(p => p.Value == g.Value && TextsOverlap(p.Text, g.Text))).Select(g => $"{g.Text}={g.Value}")],
            [.. dates.Where(p => !gold.Dates.Any(g => p.Value == g.Value && TextsOverlap(p.Text, g.Text))).Select(p => $"{p.Text}={p.Value}")]);
        }

        var achievements = article.Achievements.ToList();
        if (gold.Has("achievements"))
        {
            fields["achievements"] = FieldScore.Match(achievements, gold.Achievements, (p, g) => p.Value == g.Value && p.Unit == g.Unit);
        differences["achievements"] = (
            [.. gold.Achievements.Where(g => !achievements.Any(p => p.Value == g.Value && p.Unit == g.Unit)).Select(g => $"{g.Value}{g.Unit} «{g.Text}»")],
            [.. achievements.Where(p => !gold.Achievements.Any(g => p.Value == g.Value && p.Unit == g.Unit)).Select(p => $"{p.Value}{p.Unit} «{p.Text}»")]);
        }

        var (actor, action) = AchievementScoring.Score(achievements, gold.Achievements);
        foreach (var (field, wrong) in AchievementScoring.Differences(achievements, gold.Achievements))
        {
            differences[field] = wrong;
        }

        if (gold.Has("boilerplateLines"))
        {
            var body = Key(article.Body);
            var removedRight = gold.BoilerplateLines.Count(line => Key(line) is { Length: > 0 } k && !body.Contains(k, StringComparison.Ordinal));
            fields["boilerplate"] = new FieldScore(removedRight, gold.BoilerplateLines.Length, gold.BoilerplateLines.Length);
        }

        var exact = ImmutableDictionary.CreateBuilder<string, bool>();
        void Exact(string field, bool right)
        {
            if (gold.Has(field))
            {
                exact[field] = right;
                if (!right && field is "title" or "outlet" or "publishedAt")
                {
                    var (want, got) = field switch
                    {
                        "title" => (gold.Title, article.Title),
                        "outlet" => (gold.Outlet, article.Outlet),
                        _ => (gold.PublishedAt, article.PublishedAt),
                    };
                    differences[field] = ([want ?? "(none)"], [got ?? "(none)"]);
                }
            }
        }

        Exact("title", Key(article.Title ?? "") == Key(gold.Title ?? ""));
        Exact("outlet", Key(article.Outlet ?? "") == Key(gold.Outlet ?? ""));
        Exact("publishedAt", gold.PublishedAt is null
            ? article.PublishedAt is null
            : article.PublishedAt is not null && article.PublishedAt.StartsWith(gold.PublishedAt, StringComparison.Ordinal));
        Exact("authors", SameSet(article.Authors, gold.Authors));
        Exact("editors", SameSet(article.Editors, gold.Editors));
        if (gold.IsArticle is { } isArticle)
        {
            exact["isArticle"] = article.IsArticle == isArticle;
        }

        return new ArticleScore
        {
            Id = gold.Id,
            Fields = fields.ToImmutable(),
            Exact = exact.ToImmutable(),
            ContentKept = sourceText is null ? null : ContentKept(article, gold, sourceText),
            Actor = actor,
            Action = action,
            Differences = differences.ToImmutable(),
        };
    }

    /// <summary>Comparison key: normalised, without spaces.</summary>
    internal static string Key(string text) => TextNormalizer.Normalize(text).Text.Replace(" ", "", StringComparison.Ordinal);

    private static bool TextsOverlap(string a, string b)
    {
        var (x, y) = (Key(a), Key(b));
        return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }

    private static bool SameSet(ImmutableArray<string> a, ImmutableArray<string> b) =>
        a.Select(Key).ToHashSet().SetEquals(b.Select(Key));

    /// <summary>Bag-of-characters recall of the source without its gold boilerplate, against title + body + metadata.</summary>
    private static double ContentKept(Article article, GoldRecord gold, string sourceText)
    {
        var reference = TextNormalizer.Normalize(sourceText.Replace('\n', ' ')).Text;
        foreach (var line in gold.BoilerplateLines.OrderByDescending(l => l.Length))
        {
            var k = TextNormalizer.Normalize(line).Text;
            if (k.Length > 0)
            {
                reference = reference.Replace(k, " ", StringComparison.Ordinal);
            }
        }

        var produced = string.Join(' ', [article.Title ?? "", article.Body, article.Outlet ?? "", .. article.Authors, .. article.Editors, article.PublishedAt ?? ""]);
        var have = Bag(produced);
        var need = Bag(reference);
        var total = need.Values.Sum();
        if (total == 0)
        {
            return 1;
        }

        var kept = need.Sum(kv => Math.Min(kv.Value, have.GetValueOrDefault(kv.Key)));
        return (double)kept / total;
    }

    internal static Dictionary<char, int> Bag(string text)
    {
        var bag = new Dictionary<char, int>();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                bag[c] = bag.GetValueOrDefault(c) + 1;
            }
        }

        return bag;
    }
}
