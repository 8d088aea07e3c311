using System.Collections.Immutable;

namespace Extract.Cli.Report;

/// <summary>One document of the corpus as the report's article table shows it (no body: the model stays small).</summary>
internal sealed record DocumentRow(
    string Id,
    string? Title,
    string? Outlet,
    string? PublishedAt,
    string? Url,
    int Authors,
    int Achievements,
    bool IsArticle,
    string? Error,
    string? Kind,
    string? Stage);

/// <summary>One achievement figure, with the row of the document it comes from.</summary>
internal sealed record Figure(int Row, string Unit, string? Action, string? Actor, string? Month, decimal Value, bool Approx);

/// <summary>A group of summed figures and the rows of the documents they come from (distinct, ascending).</summary>
internal sealed record GroupTotal(AchievementTotal Total, ImmutableArray<int> Rows);

/// <summary>How often a name occurs across the corpus: the documents naming it, its mentions, and what is said of it.</summary>
internal sealed class NameTally(string name)
{
    /// <summary>The name as written.</summary>
    public string Name { get; } = name;

    /// <summary>Rows of the documents naming it (distinct, ascending).</summary>
    public List<int> Rows { get; } = [];

    /// <summary>Mentions in bodies and headlines.</summary>
    public int Mentions { get; set; }

    /// <summary>Roles (people) or kinds (organisations), with the number of documents giving each.</summary>
    public Dictionary<string, int> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>The bodies a person's role names, with the number of documents giving each.</summary>
    public Dictionary<string, int> Organizations { get; } = new(StringComparer.Ordinal);
}

/// <summary>A node of the division tree: province, city or county, keyed by its name under its parent.</summary>
internal sealed class DivisionNode(string name, string? code)
{
    /// <summary>The division's name as the record's path gives it (广东省, 广州市…).</summary>
    public string Name { get; } = name;

    /// <summary>The division code (NBS, six digits).</summary>
    public string? Code { get; } = code;

    /// <summary>The divisions under it, by name.</summary>
    public SortedDictionary<string, DivisionNode> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows of the documents naming it or a place within it (distinct, ascending).</summary>
    public List<int> Rows { get; } = [];

    /// <summary>Documents whose most precise division on this branch is this one.</summary>
    public int Own { get; set; }

    /// <summary><see cref="Own"/> summed over this node and every node under it (the area a treemap gives it).</summary>
    public int Weight => Own + Children.Values.Sum(c => c.Weight);
}

/// <summary>
/// Everything <c>extract summarize</c> and <c>extract report</c> show, gathered in one pass over the records: documents,
/// errors, achievement figures, names and divisions. Both commands read their figures from here, so they agree by
/// construction; <see cref="Totals"/> sums as <see cref="AchievementSummary.Sum"/> and the store's SQL do.
/// </summary>
internal sealed class CorpusModel
{
    private readonly Dictionary<string, NameTally> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameTally> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _credits = new(StringComparer.Ordinal);

    /// <summary>Every document read, in reading order (its index is its row).</summary>
    public List<DocumentRow> Rows { get; } = [];

    /// <summary>Every achievement figure of every article.</summary>
    public List<Figure> Figures { get; } = [];

    /// <summary>The root of the division tree (its children are provinces).</summary>
    public DivisionNode Divisions { get; } = new("", null);

    /// <summary>Lines that were neither an article record nor an error record.</summary>
    public int UnreadableLines { get; private set; }

    /// <summary>Documents read (articles and error records).</summary>
    public int Documents => Rows.Count;

    /// <summary>Documents extracted (not error records).</summary>
    public int Articles => Rows.Count(r => r.Error is null);

    /// <summary>Error records.</summary>
    public int Errors => Rows.Count(r => r.Error is not null);

    /// <summary>Extracted documents without a publish date.</summary>
    public int WithoutPublishedAt => Rows.Count(r => r.Error is null && r.PublishedAt is null);

    /// <summary>Extracted documents without authors.</summary>
    public int WithoutAuthors => Rows.Count(r => r.Error is null && r.Authors == 0);

    /// <summary>Extracted documents without achievements.</summary>
    public int WithoutAchievements => Rows.Count(r => r.Error is null && r.Achievements == 0);

    /// <summary>Extracted documents that are list or index pages rather than articles.</summary>
    public int ListPages => Rows.Count(r => r.Error is null && !r.IsArticle);

    /// <summary>Error records per kind (<c>unknown</c> when the record names none), in name order.</summary>
    public SortedDictionary<string, int> ErrorsByKind => Count(Rows.Where(r => r.Error is not null).Select(r => r.Kind ?? "unknown"));

    /// <summary>Error records per stage (<c>unknown</c> when the record names none), in name order.</summary>
    public SortedDictionary<string, int> ErrorsByStage => Count(Rows.Where(r => r.Error is not null).Select(r => r.Stage ?? "unknown"));

    /// <summary>People by the number of documents naming them, then mentions, then name.</summary>
    public IEnumerable<NameTally> People => Ranked(_people);

    /// <summary>Organisations by the number of documents naming them, then mentions, then name.</summary>
    public IEnumerable<NameTally> Organizations => Ranked(_organizations);

    /// <summary>Achievement figures credited to <paramref name="actor"/> (the achievement's actor is exactly this name).</summary>
    public int CreditedTo(string actor) => _credits.GetValueOrDefault(actor);

    /// <summary>Counts a line that was neither an article nor an error record.</summary>
    public void AddUnreadable() => UnreadableLines++;

    /// <summary>Adds one record.</summary>
    public void Add(CorpusRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = Rows.Count;
        if (record.Article is not { } article)
        {
            Rows.Add(new DocumentRow(record.Id, null, null, null, null, 0, 0, true, record.Error ?? "", record.Kind, record.Stage));
            return;
        }

        Rows.Add(new DocumentRow(record.Id, article.Title, article.Outlet, article.PublishedAt, article.Url, article.Authors,
            article.Achievements.Length, article.IsArticle, null, null, null));
        foreach (var a in article.Achievements)
        {
            Figures.Add(new Figure(row, a.Unit, a.Action, a.Actor, MonthOf(a.Date ?? article.PublishedAt), a.Value, a.Approx));
            if (a.Actor is { } actor)
            {
                _credits[actor] = _credits.GetValueOrDefault(actor) + 1;
            }
        }

        foreach (var person in article.People)
        {
            var tally = Tally(_people, person.Name, row);
            tally.Mentions += person.Mentions;
            foreach (var role in person.Roles.Distinct(StringComparer.Ordinal))
            {
                tally.Roles[role] = tally.Roles.GetValueOrDefault(role) + 1;
            }

            if (person.Organization is { } body)
            {
                tally.Organizations[body] = tally.Organizations.GetValueOrDefault(body) + 1;
            }
        }

        foreach (var organization in article.Organizations)
        {
            var tally = Tally(_organizations, organization.Name, row);
            tally.Mentions += organization.Mentions;
            var kind = organization.Kind;
            tally.Roles[kind] = tally.Roles.GetValueOrDefault(kind) + 1;
        }

        AddDivisions(article, row);
    }

    private void AddDivisions(CorpusArticle article, int row)
    {
        var ends = new List<List<DivisionNode>>();
        foreach (var place in article.Places)
        {
            if (Chain(place) is not { } chain)
            {
                continue;
            }

            var node = Divisions;
            var nodes = new List<DivisionNode>();
            for (var i = 0; i < chain.Count; i++)
            {
                var (name, code) = chain[i];
                if (!node.Children.TryGetValue(name, out var child))
                {
                    child = new DivisionNode(name, code);
                    node.Children.Add(name, child);
                }

                if (child.Rows.Count == 0 || child.Rows[^1] != row)
                {
                    child.Rows.Add(row);
                }

                nodes.Add(child);
                node = child;
            }

            ends.Add(nodes);
        }

        // Each document counts once at its most precise divisions: 成都市 and 武侯区 named together count at 武侯区.
        var counted = new HashSet<DivisionNode>();
        foreach (var chain in ends)
        {
            var end = chain[^1];
            var covered = ends.Any(other => other.Count > chain.Count && other[chain.Count - 1] == end);
            if (!covered && counted.Add(end))
            {
                end.Own++;
            }
        }
    }

    /// <summary>
    /// The province → city → county chain of a place from its division code and path: a six-digit code names the place
    /// itself (province, city or county), a nine-digit one a township (one level under its county), a twelve-digit one a
    /// community or village (two levels under). Null for a place without a code (a road, a venue, a country).
    /// </summary>
    internal static List<(string Name, string Code)>? Chain(Place place)
    {
        if (place.Code is not { } code || place.Path.IsDefaultOrEmpty || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var length = code.Length switch
        {
            6 => place.Path.Length,
            9 => place.Path.Length - 1,
            12 => place.Path.Length - 2,
            _ => 0,
        };
        length = Math.Min(length, 3);
        if (length <= 0)
        {
            return null;
        }

        var chain = new List<(string, string)>(length);
        for (var i = 0; i < length; i++)
        {
            var nodeCode = i == 0 ? code[..2] + "0000"
                : i == length - 1 ? code[..6]
                : code[..4] + "00";
            chain.Add((place.Path[i], nodeCode));
        }

        return chain;
    }

    /// <summary>
    /// The figures summed by unit and <paramref name="grouping"/>, as <see cref="AchievementSummary.Sum"/> sums them (same
    /// groups, values, counts, approximation flags; most figures first, then the largest value, then unit, action, actor
    /// and month in ordinal order), each with the documents behind it.
    /// </summary>
    public ImmutableArray<GroupTotal> Totals(AchievementGrouping grouping) =>
    [
        .. Figures
            .GroupBy(f => (
                f.Unit,
                Action: grouping.HasFlag(AchievementGrouping.Action) ? f.Action : null,
                Actor: grouping.HasFlag(AchievementGrouping.Actor) ? f.Actor : null,
                Month: grouping.HasFlag(AchievementGrouping.Month) ? f.Month : null))
            .Select(g => new GroupTotal(
                new AchievementTotal
                {
                    Unit = g.Key.Unit,
                    Action = g.Key.Action,
                    Actor = g.Key.Actor,
                    Month = g.Key.Month,
                    Value = g.Sum(f => f.Value),
                    Count = g.Count(),
                    Approx = g.Any(f => f.Approx),
                },
                [.. g.Select(f => f.Row).Distinct().Order()]))
            .OrderByDescending(t => t.Total.Count)
            .ThenByDescending(t => t.Total.Value)
            .ThenBy(t => t.Total.Unit, StringComparer.Ordinal)
            .ThenBy(t => t.Total.Action, StringComparer.Ordinal)
            .ThenBy(t => t.Total.Actor, StringComparer.Ordinal)
            .ThenBy(t => t.Total.Month, StringComparer.Ordinal),
    ];

    /// <summary>YYYY-MM of an ISO date, null when it does not start with one (the rule <see cref="AchievementSummary"/> uses).</summary>
    internal static string? MonthOf(string? iso) => iso is { Length: >= 7 } && char.IsDigit(iso[0]) ? iso[..7] : null;

    private static NameTally Tally(Dictionary<string, NameTally> tallies, string name, int row)
    {
        if (!tallies.TryGetValue(name, out var tally))
        {
            tally = new NameTally(name);
            tallies.Add(name, tally);
        }

        if (tally.Rows.Count == 0 || tally.Rows[^1] != row)
        {
            tally.Rows.Add(row);
        }

        return tally;
    }

    private static IEnumerable<NameTally> Ranked(Dictionary<string, NameTally> tallies) => tallies.Values
        .OrderByDescending(t => t.Rows.Count)
        .ThenByDescending(t => t.Mentions)
        .ThenBy(t => t.Name, StringComparer.Ordinal);

    private static SortedDictionary<string, int> Count(IEnumerable<string> keys)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}
