using System.Collections;
using System.Collections.Immutable;
using System.Globalization;

namespace Extract.Batch;

/// <summary>
/// A record as rows of <see cref="Tables"/> (values in column order: string, string[], int, int[], decimal, bool or null)
/// and back. Reading back gives a record whose JSON equals the one written.
/// </summary>
internal static class ArticleRows
{
    public static object?[] ArticleRow(ArticleRecord record)
    {
        var r = record.Result;
        if (r.Article is not { } a)
        {
            return [r.Id, record.ContentHash, r.Error, null, null, null, null, null, null, null, null, null, null];
        }

        return [a.Id, record.ContentHash, null, a.Url, a.Title, a.Outlet, a.PublishedAt, a.Authors.ToArray(), a.Editors.ToArray(),
            a.Body, a.Removed.ToArray(), a.Keywords.ToArray(), a.IsArticle];
    }

    /// <summary>The rows of <paramref name="table"/> (an item table) for one record.</summary>
    public static IEnumerable<object?[]> ItemRows(Table table, ArticleRecord record)
    {
        if (record.Result.Article is not { } a)
        {
            return [];
        }

        var id = a.Id;
        return table.Name switch
        {
            "people" => a.People.Select((p, i) => new object?[] { id, i, p.Name, p.Roles.ToArray(), p.Organization, Starts(p.Mentions), Ends(p.Mentions) }),
            "organizations" => a.Organizations.Select((o, i) => new object?[] { id, i, o.Name, ArticleJsonNames.Of(o.Kind), Starts(o.Mentions), Ends(o.Mentions) }),
            "places" => a.Places.Select((p, i) => new object?[] { id, i, p.Name, ArticleJsonNames.Of(p.Level), p.Code, p.Path.ToArray(), Starts(p.Mentions), Ends(p.Mentions) }),
            "dates" => a.Dates.Select((d, i) => new object?[] { id, i, d.Text, d.Value, d.Span?.Start, d.Span?.End }),
            "achievements" => a.Achievements.Select((x, i) => new object?[]
            {
                id, i, x.Text, x.Value, x.Value.ToString(CultureInfo.InvariantCulture), x.Unit, x.Approx, x.Actor, x.Action, x.Date,
                x.Span?.Start, x.Span?.End,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table.Name, "not an item table"),
        };
    }

    private static int[] Starts(ImmutableArray<TextSpan> spans) => [.. spans.Select(s => s.Start)];

    private static int[] Ends(ImmutableArray<TextSpan> spans) => [.. spans.Select(s => s.End)];

    /// <summary>Rebuilds a record from its <c>articles</c> row and its item rows (each list in ordinal order).</summary>
    public static ArticleRecord Read(object?[] article, IReadOnlyDictionary<string, List<object?[]>> items)
    {
        var id = (string)article[0]!;
        var hash = (string)article[1]!;
        if (article[2] is string error)
        {
            return new ArticleRecord(hash, ExtractionResult.Failure(id, error));
        }

        IEnumerable<object?[]> Rows(Table t) => items.TryGetValue(t.Name, out var rows) ? rows : [];
        var result = new Article
        {
            Id = id,
            Url = article[3] as string,
            Title = article[4] as string,
            Outlet = article[5] as string,
            PublishedAt = article[6] as string,
            Authors = Strings(article[7]),
            Editors = Strings(article[8]),
            Body = article[9] as string ?? "",
            Removed = Strings(article[10]),
            Keywords = Strings(article[11]),
            IsArticle = article[12] as bool? ?? true,
            People = [.. Rows(Tables.People).Select(r => new Person
            {
                Name = (string)r[2]!, Roles = Strings(r[3]), Organization = r[4] as string, Mentions = Spans(r[5], r[6]),
            })],
            Organizations = [.. Rows(Tables.Organizations).Select(r => new Organization
            {
                Name = (string)r[2]!, Kind = ArticleJsonNames.Organization((string)r[3]!), Mentions = Spans(r[4], r[5]),
            })],
            Places = [.. Rows(Tables.Places).Select(r => new Place
            {
                Name = (string)r[2]!, Level = ArticleJsonNames.Level((string)r[3]!), Code = r[4] as string, Path = Strings(r[5]), Mentions = Spans(r[6], r[7]),
            })],
            Dates = [.. Rows(Tables.Dates).Select(r => new DateMention { Text = (string)r[2]!, Value = (string)r[3]!, Span = Span(r[4], r[5]) })],
            Achievements = [.. Rows(Tables.Achievements).Select(r => new Achievement
            {
                Text = (string)r[2]!,
                Value = decimal.Parse((string)r[4]!, NumberStyles.Number, CultureInfo.InvariantCulture),
                Unit = (string)r[5]!,
                Approx = (bool)r[6]!,
                Actor = r[7] as string,
                Action = r[8] as string,
                Date = r[9] as string,
                Span = Span(r[10], r[11]),
            })],
        };
        return new ArticleRecord(hash, ExtractionResult.Success(result));
    }

    private static ImmutableArray<string> Strings(object? value) => value switch
    {
        null => [],
        string[] array => [.. array],
        IEnumerable items => [.. items.Cast<object?>().Select(x => x as string ?? "")],
        _ => throw new InvalidCastException($"a text list column held {value.GetType().Name}"),
    };

    private static int[] Ints(object? value) => value switch
    {
        null => [],
        int[] array => array,
        IEnumerable items => [.. items.Cast<object?>().Select(x => Convert.ToInt32(x, CultureInfo.InvariantCulture))],
        _ => throw new InvalidCastException($"an integer list column held {value.GetType().Name}"),
    };

    private static ImmutableArray<TextSpan> Spans(object? starts, object? ends)
    {
        var s = Ints(starts);
        var e = Ints(ends);
        if (s.Length != e.Length)
        {
            throw new InvalidDataException("mention_starts and mention_ends differ in length");
        }

        return [.. s.Zip(e, (a, b) => new TextSpan(a, b))];
    }

    private static TextSpan? Span(object? start, object? end) =>
        start is null || end is null ? null : new TextSpan(Convert.ToInt32(start, CultureInfo.InvariantCulture), Convert.ToInt32(end, CultureInfo.InvariantCulture));
}

/// <summary>The lower-case names the JSON contract writes for kinds and levels.</summary>
internal static class ArticleJsonNames
{
    public static string Of(OrganizationKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(PlaceLevel level) => level.ToString().ToLowerInvariant();

    public static OrganizationKind Organization(string name) =>
        Enum.TryParse<OrganizationKind>(name, ignoreCase: true, out var kind) ? kind : throw new InvalidDataException($"'{name}' is not an organisation kind");

    public static PlaceLevel Level(string name) =>
        Enum.TryParse<PlaceLevel>(name, ignoreCase: true, out var level) ? level : throw new InvalidDataException($"'{name}' is not a place level");
}
