using System.Data.Common;

namespace Extract.Batch;

/// <summary>Reads records back from the tables of <see cref="Tables"/> over any ADO.NET connection, a chunk of ids at a time.</summary>
internal static class RecordReader
{
    /// <summary>Up to <paramref name="limit"/> records with ids after <paramref name="after"/> (null: from the first), in ordinal id order.</summary>
    public static async Task<List<ArticleRecord>> ReadChunkAsync(DbConnection connection, SqlDialect dialect, string? after, int limit, CancellationToken cancellationToken)
    {
        var p = dialect == SqlDialect.DuckDb ? "$" : "@";
        var articles = new List<object?[]>(limit);
        using (var command = connection.CreateCommand())
        {
            // COLLATE "C": PostgreSQL's default collation is not byte order; DuckDB's is.
            var order = dialect == SqlDialect.Postgres ? "id COLLATE \"C\"" : "id";
            command.CommandText = $"SELECT {Tables.Articles.ColumnList} FROM articles {(after is null ? "" : $"WHERE {order} > {p}after")} ORDER BY {order} LIMIT {limit}";
            if (after is not null)
            {
                Add(command, "after", after);
            }

            articles.AddRange(await RowsAsync(command, cancellationToken).ConfigureAwait(false));
        }

        if (articles.Count == 0)
        {
            return [];
        }

        var items = new Dictionary<string, Dictionary<string, List<object?[]>>>(StringComparer.Ordinal);
        foreach (var table in Tables.Items)
        {
            using var command = connection.CreateCommand();
            var key = dialect == SqlDialect.Postgres ? "article_id COLLATE \"C\"" : "article_id";
            command.CommandText = $"SELECT {table.ColumnList} FROM {table.Name} WHERE {key} >= {p}first AND {key} <= {p}last ORDER BY {key}, ordinal";
            Add(command, "first", (string)articles[0][0]!);
            Add(command, "last", (string)articles[^1][0]!);
            foreach (var row in await RowsAsync(command, cancellationToken).ConfigureAwait(false))
            {
                var id = (string)row[0]!;
                if (!items.TryGetValue(id, out var byTable))
                {
                    items[id] = byTable = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
                }

                if (!byTable.TryGetValue(table.Name, out var rows))
                {
                    byTable[table.Name] = rows = [];
                }

                rows.Add(row);
            }
        }

        var none = new Dictionary<string, List<object?[]>>();
        return [.. articles.Select(a => ArticleRows.Read(a, items.GetValueOrDefault((string)a[0]!, none)))];
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public static async Task<List<object?[]>> RowsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
