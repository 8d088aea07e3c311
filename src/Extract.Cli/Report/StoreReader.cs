using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using DuckDB.NET.Data;

namespace Extract.Cli.Report;

/// <summary>
/// Reads a store's rows into a <see cref="CorpusModel"/> with one query per table and only the columns the model reads
/// (no bodies, no mention offsets): rebuilding every whole record costs several times more on a large store. Documents
/// come in id order, as <c>ReadAllAsync</c> gives them; an achievement's value is its <c>value_text</c>, as the record
/// writes it, so sums keep the scale the JSON Lines path gives them.
/// </summary>
internal static class StoreReader
{
    private sealed class Pending(string id)
    {
        public string Id { get; } = id;
        public object?[] Row { get; set; } = [];
        public List<Achievement> Achievements { get; } = [];
        public List<CorpusPerson> People { get; } = [];
        public List<CorpusOrganization> Organizations { get; } = [];
        public List<Place> Places { get; } = [];
    }

    public static async Task ReadAsync(string path, CorpusModel model, CancellationToken cancellationToken)
    {
        using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<Pending>();
        var byId = new Dictionary<string, Pending>(StringComparer.Ordinal);
        await QueryAsync(connection,
            "SELECT id, title, outlet, published_at, url, len(authors), is_article, error, error_kind, error_stage FROM articles ORDER BY id",
            row =>
            {
                var pending = new Pending((string)row[0]!) { Row = row };
                documents.Add(pending);
                byId[pending.Id] = pending;
            }, cancellationToken).ConfigureAwait(false);

        await QueryAsync(connection,
            "SELECT article_id, value_text, unit, approx, actor, \"action\", \"date\" FROM achievements ORDER BY article_id, ordinal",
            row => Of(byId, row)?.Achievements.Add(new Achievement
            {
                Text = "",
                Value = decimal.Parse((string)row[1]!, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
                Unit = (string)row[2]!,
                Approx = row[3] is true,
                Actor = row[4] as string,
                Action = row[5] as string,
                Date = row[6] as string,
            }), cancellationToken).ConfigureAwait(false);

        await QueryAsync(connection,
            "SELECT article_id, name, roles, organization, len(mention_starts) + coalesce(len(title_mention_starts), 0) FROM people ORDER BY article_id, ordinal",
            row => Of(byId, row)?.People.Add(new CorpusPerson((string)row[1]!, Strings(row[2]), row[3] as string, Convert.ToInt32(row[4], CultureInfo.InvariantCulture))),
            cancellationToken).ConfigureAwait(false);

        await QueryAsync(connection,
            "SELECT article_id, name, kind, len(mention_starts) + coalesce(len(title_mention_starts), 0) FROM organizations ORDER BY article_id, ordinal",
            row => Of(byId, row)?.Organizations.Add(new CorpusOrganization((string)row[1]!, row[2] as string ?? "other", Convert.ToInt32(row[3], CultureInfo.InvariantCulture))),
            cancellationToken).ConfigureAwait(false);

        // Only coded places reach the division tree.
        await QueryAsync(connection,
            "SELECT article_id, name, code, path FROM places WHERE code IS NOT NULL ORDER BY article_id, ordinal",
            row => Of(byId, row)?.Places.Add(new Place { Name = (string)row[1]!, Code = row[2] as string, Path = Strings(row[3]) }),
            cancellationToken).ConfigureAwait(false);

        foreach (var d in documents)
        {
            var r = d.Row;
            model.Add(r[7] is string error
                ? new CorpusRecord(d.Id, null, error, r[8] as string, r[9] as string)
                : new CorpusRecord(d.Id, new CorpusArticle(
                    r[1] as string, r[2] as string, r[3] as string, r[4] as string, Convert.ToInt32(r[5] ?? 0, CultureInfo.InvariantCulture), r[6] is not false,
                    [.. d.Achievements], [.. d.People], [.. d.Organizations], [.. d.Places])));
        }
    }

    private static Pending? Of(Dictionary<string, Pending> byId, object?[] row) => byId.GetValueOrDefault((string)row[0]!);

    private static ImmutableArray<string> Strings(object? value) =>
        value is IEnumerable items and not string ? [.. items.Cast<object?>().Select(x => x as string ?? "")] : [];

    private static async Task QueryAsync(DuckDBConnection connection, string sql, Action<object?[]> each, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            each(row);
        }
    }
}
