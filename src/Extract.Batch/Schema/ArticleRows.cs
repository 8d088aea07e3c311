using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using Extract.Json;

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
            var kind = r.ErrorKind is { } k ? ArticleJson.Name(k) : null;
            return [r.Id, record.ContentHash, r.Error, kind, r.Stage, null, null, null, null, null, null, null, null, null, null, null];
        }

        return [a.Id, record.ContentHash, null, null, null, a.Url, a.Title, a.Outlet, a.PublishedAt, a.Authors.ToArray(), a.Editors.ToArray(),
            a.Body, a.Removed.ToArray(), a.Keywords.ToArray(), a.IsArticle, a.Truncated];
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
            "people" => a.People.Select((p, i) => new object?[] { id, i, p.Name, p.Roles.ToArray(), p.Organization, Starts(p.Mentions), Ends(p.Mentions), Starts(p.TitleMentions), Ends(p.TitleMentions) }),
            "organizations" => a.Organizations.Select((o, i) => new object?[] { id, i, o.Name, ArticleJsonNames.Of(o.Kind), Starts(o.Mentions), Ends(o.Mentions), Starts(o.TitleMentions), Ends(o.TitleMentions) }),
            "places" => a.Places.Select((p, i) => new object?[] { id, i, p.Name, ArticleJsonNames.Of(p.Level), p.Code, p.Path.ToArray(), Starts(p.Mentions), Ends(p.Mentions), Starts(p.TitleMentions), Ends(p.TitleMentions) }),
            "dates" => a.Dates.Select((d, i) => new object?[] { id, i, d.Text, d.Value, d.Span?.Start, d.Span?.End, d.TitleSpan?.Start, d.TitleSpan?.End }),
            "achievements" => a.Achievements.Select((x, i) => new object?[]
            {
                id, i, x.Text, x.Value, x.Value.ToString(CultureInfo.InvariantCulture), x.Unit, x.Approx, x.Actor, x.Action, x.Date,
                x.Span?.Start, x.Span?.End, x.TitleSpan?.Start, x.TitleSpan?.End,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table.Name, "not an item table"),
        };
    }

    private static int[] Starts(ImmutableArray<TextSpan> spans) => spans.IsDefault ? [] : [.. spans.Select(s => s.Start)];

    private static int[] Ends(ImmutableArray<TextSpan> spans) => spans.IsDefault ? [] : [.. spans.Select(s => s.End)];

    /// <summary>Rebuilds a record from its <c>articles</c> row and its item rows (each list in ordinal order).</summary>
    public static ArticleRecord Read(object?[] article, IReadOnlyDictionary<string, List<object?[]>> items)
    {
        var id = (string)article[0]!;
        var hash = (string)article[1]!;
        if (article[2] is string error)
        {
            // A version 2 row always has a kind; the stage is null when the failure had none.
            var kind = article[3] is string name ? ArticleJsonNames.ErrorKind(name) : ExtractionErrorKind.Internal;
            return new ArticleRecord(hash, ExtractionResult.Failure(id, error, kind, article[4] as string));
        }

        IEnumerable<object?[]> Rows(Table t) => items.TryGetValue(t.Name, out var rows) ? rows : [];
        var result = new Article
        {
            Id = id,
            Url = article[5] as string,
            Title = article[6] as string,
            Outlet = article[7] as string,
            PublishedAt = article[8] as string,
            Authors = Strings(article[9]),
            Editors = Strings(article[10]),
            Body = article[11] as string ?? "",
            Removed = Strings(article[12]),
            Keywords = Strings(article[13]),
            IsArticle = article[14] as bool? ?? true,
            Truncated = article[15] as bool? ?? false,
            People = [.. Rows(Tables.People).Select(r => new Person
            {
                Name = (string)r[2]!, Roles = Strings(r[3]), Organization = r[4] as string, Mentions = Spans(r[5], r[6]), TitleMentions = Spans(r[7], r[8]),
            })],
            Organizations = [.. Rows(Tables.Organizations).Select(r => new Organization
            {
                Name = (string)r[2]!, Kind = ArticleJsonNames.Organization((string)r[3]!), Mentions = Spans(r[4], r[5]), TitleMentions = Spans(r[6], r[7]),
            })],
            Places = [.. Rows(Tables.Places).Select(r => new Place
            {
                Name = (string)r[2]!, Level = ArticleJsonNames.Level((string)r[3]!), Code = r[4] as string, Path = Strings(r[5]), Mentions = Spans(r[6], r[7]),
                TitleMentions = Spans(r[8], r[9]),
            })],
            Dates = [.. Rows(Tables.Dates).Select(r => new DateMention
            {
                Text = (string)r[2]!, Value = (string)r[3]!, Span = Span(r[4], r[5]), TitleSpan = Span(r[6], r[7]),
            })],
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
                TitleSpan = Span(r[12], r[13]),
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
            throw new InvalidDataException("a mention_starts column and its mention_ends differ in length");
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

    /// <summary>The error kind <see cref="ArticleJson.Name(ExtractionErrorKind)"/> spells <paramref name="name"/>.</summary>
    public static ExtractionErrorKind ErrorKind(string name)
    {
        foreach (var kind in Enum.GetValues<ExtractionErrorKind>())
        {
            if (ArticleJson.Name(kind) == name)
            {
                return kind;
            }
        }

        throw new InvalidDataException($"'{name}' is not an error kind");
    }

    public static PlaceLevel Level(string name) =>
        Enum.TryParse<PlaceLevel>(name, ignoreCase: true, out var level) ? level : throw new InvalidDataException($"'{name}' is not a place level");
}
