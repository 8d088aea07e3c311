using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DuckDB.NET.Data;
using Extract.Batch;
using Extract.Json;

namespace Extract.Store;

/// <summary>
/// An embedded DuckDB file holding <c>extract.article/1</c> records in the tables of <see cref="RecordSchema"/>:
/// batched upserts by id (with the input's content hash, for resume), Parquet and JSON Lines export, achievement totals.
/// </summary>
/// <remarks>
/// One process opens a store file at a time (DuckDB locks it). Writes and reads are serialised inside the store;
/// <see cref="ContainingAsync"/> runs on a second connection so a batch run can check ahead while a batch is written.
/// </remarks>
public sealed class DuckDbArticleStore : IArticleStore, IAsyncDisposable, IDisposable
{
    private const int ReadChunk = 512;

    private readonly DuckDBConnection _write;
    private readonly DuckDBConnection _read;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _readGate = new(1, 1);

    private DuckDbArticleStore(DuckDBConnection write, DuckDBConnection read, string path)
    {
        _write = write;
        _read = read;
        Path = path;
    }

    /// <summary>The store file (<c>:memory:</c> for an in-memory store).</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="path"/>, creating the file and the schema when it is new.</summary>
    /// <exception cref="InvalidDataException">The file holds a store of another schema version.</exception>
    public static async Task<DuckDbArticleStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var write = new DuckDBConnection($"Data Source={path}");
        try
        {
            await write.OpenAsync(cancellationToken).ConfigureAwait(false);
            await EnsureSchemaAsync(write, cancellationToken).ConfigureAwait(false);
            // A second connection to the same file shares the open database within the process.
            var read = new DuckDBConnection($"Data Source={path}");
            await read.OpenAsync(cancellationToken).ConfigureAwait(false);
            return new DuckDbArticleStore(write, read, path);
        }
        catch
        {
            await write.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task EnsureSchemaAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, Tables.CreateVersionTableSql(SqlDialect.DuckDb), cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT max(version) FROM {Tables.VersionTable}";
        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (version is null or DBNull)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var table in Tables.All)
            {
                await ExecuteAsync(connection, table.CreateSql(SqlDialect.DuckDb), cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, $"INSERT INTO {Tables.VersionTable} (version) VALUES ({RecordSchema.Version})", cancellationToken).ConfigureAwait(false);
            transaction.Commit();
        }
        else if (Convert.ToInt32(version, CultureInfo.InvariantCulture) != RecordSchema.Version)
        {
            throw new InvalidDataException(Tables.RefusalMessage("the store", version));
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ContainsAsync(string id, string contentHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(contentHash);
        var found = await ContainingAsync([new RecordKey(id, contentHash)], cancellationToken).ConfigureAwait(false);
        return found.Count > 0;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlySet<string>> ContainingAsync(IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        var wanted = StoreKeys.Wanted(keys);
        await _readGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _read.CreateCommand();
            command.CommandText = $"SELECT id, content_hash FROM articles WHERE id IN ({Parameters(command, wanted.Keys)})";
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                StoreKeys.Match(wanted, reader.GetString(0), reader.GetString(1), found);
            }
        }
        finally
        {
            _readGate.Release();
        }

        return found;
    }

    /// <inheritdoc/>
    public async ValueTask WriteAsync(IReadOnlyList<ArticleRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }
        // The same id twice in one batch: the later record wins, as it would across batches.
        var latest = StoreKeys.LatestPerId(records);

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _write.BeginTransaction();
            var existing = new List<string>();
            using (var command = _write.CreateCommand())
            {
                command.CommandText = $"SELECT id FROM articles WHERE id IN ({Parameters(command, latest.Select(r => r.Id))})";
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    existing.Add(reader.GetString(0));
                }
            }

            if (existing.Count > 0)
            {
                foreach (var table in Tables.All)
                {
                    using var delete = _write.CreateCommand();
                    delete.CommandText = $"DELETE FROM {table.Name} WHERE {(table.IsArticles ? "id" : "article_id")} IN ({Parameters(delete, existing)})";
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var table in Tables.All)
            {
                using var appender = _write.CreateAppender(table.Name);
                foreach (var record in latest)
                {
                    if (table.IsArticles)
                    {
                        Append(appender, table, ArticleRows.ArticleRow(record));
                    }
                    else
                    {
                        foreach (var row in ArticleRows.ItemRows(table, record))
                        {
                            Append(appender, table, row);
                        }
                    }
                }
            }

            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static void Append(DuckDBAppender appender, Table table, object?[] values)
    {
        var row = appender.CreateRow();
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is null)
            {
                row.AppendNullValue();
                continue;
            }

            switch (table.Columns[i].Type)
            {
                case ColumnType.Text:
                    row.AppendValue((string)value);
                    break;
                case ColumnType.TextList:
                    row.AppendValue((IEnumerable<string>)value);
                    break;
                case ColumnType.Int:
                    row.AppendValue((int?)(int)value);
                    break;
                case ColumnType.IntList:
                    row.AppendValue((IEnumerable<int>)value);
                    break;
                case ColumnType.Decimal:
                    row.AppendValue((decimal?)(decimal)value);
                    break;
                case ColumnType.Bool:
                    row.AppendValue((bool?)(bool)value);
                    break;
            }
        }

        row.EndRow();
    }

    /// <summary>The number of documents stored (articles and error records).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _write.CreateCommand();
            command.CommandText = "SELECT count(*) FROM articles";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Every stored record in id order (ordinal), read a chunk at a time.</summary>
    public async IAsyncEnumerable<ArticleRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            List<ArticleRecord> chunk;
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                chunk = await RecordReader.ReadChunkAsync(_write, SqlDialect.DuckDb, after, ReadChunk, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writeGate.Release();
            }

            if (chunk.Count == 0)
            {
                yield break;
            }

            foreach (var record in chunk)
            {
                yield return record;
            }

            after = chunk[^1].Id;
        }
    }

    /// <summary>Writes every stored record as a JSON line (the CLI's output: articles and error lines), in id order; returns the count.</summary>
    public async Task<long> ExportJsonLinesAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var count = 0L;
        await foreach (var record in ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteLineAsync(ArticleJson.Serialize(record.Result)).ConfigureAwait(false);
            count++;
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Writes each table to <c>DIRECTORY/TABLE.parquet</c> (DuckDB COPY, zstd), rows in key order; returns the files written.</summary>
    public async Task<ImmutableArray<string>> ExportParquetAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var files = ImmutableArray.CreateBuilder<string>();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var table in Tables.All)
            {
                var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, table.Name + ".parquet"));
                var order = table.IsArticles ? "id" : "article_id, ordinal";
                await ExecuteAsync(
                    _write,
                    $"COPY (SELECT * FROM {table.Name} ORDER BY {order}) TO '{file.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, COMPRESSION zstd)",
                    cancellationToken).ConfigureAwait(false);
                files.Add(file);
            }
        }
        finally
        {
            _writeGate.Release();
        }

        return files.ToImmutable();
    }

    /// <summary>
    /// Upserts the tables that <see cref="ExportParquetAsync"/> wrote to <paramref name="directory"/> (another store, a
    /// shard's store) in one transaction: every id in the files replaces what this store held for it.
    /// </summary>
    public async Task ImportParquetAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string FileOf(Table table)
        {
            var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, table.Name + ".parquet"));
            return File.Exists(file) ? "'" + file.Replace("'", "''", StringComparison.Ordinal) + "'" : throw new FileNotFoundException($"no {table.Name}.parquet in {directory}", file);
        }

        var files = Tables.All.ToDictionary(t => t.Name, FileOf);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var table in Tables.All)
            {
                await RequireColumnsAsync(table, files[table.Name], cancellationToken).ConfigureAwait(false);
            }

            using var transaction = _write.BeginTransaction();
            var incoming = $"(SELECT id FROM read_parquet({files[Tables.Articles.Name]}))";
            foreach (var table in Tables.All)
            {
                await ExecuteAsync(_write, $"DELETE FROM {table.Name} WHERE {(table.IsArticles ? "id" : "article_id")} IN {incoming}", cancellationToken).ConfigureAwait(false);
            }

            foreach (var table in Tables.All)
            {
                await ExecuteAsync(_write, $"INSERT INTO {table.Name} ({table.ColumnList}) SELECT {table.ColumnList} FROM read_parquet({files[table.Name]})", cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    // A folder exported by a store of an older schema version lacks columns: say so rather than fail in the binder.
    private async Task RequireColumnsAsync(Table table, string file, CancellationToken cancellationToken)
    {
        using var command = _write.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM read_parquet({file})";
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in await RecordReader.RowsAsync(command, cancellationToken).ConfigureAwait(false))
        {
            present.Add((string)row[0]!);
        }

        var missing = table.Columns.Select(c => c.Name).Where(c => !present.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{table.Name}.parquet lacks {string.Join(", ", missing)}: it was exported from a store of another schema version; "
                + $"this library imports version {RecordSchema.Version} only");
        }
    }

    /// <summary>
    /// Achievement totals over the whole store, as <see cref="AchievementSummary.Sum"/> computes them over the records
    /// (same groups, sums, counts and order); the month is the achievement's date, else the article's publish date.
    /// </summary>
    public async Task<ImmutableArray<AchievementTotal>> SummarizeAsync(AchievementGrouping grouping = AchievementGrouping.Action, CancellationToken cancellationToken = default)
    {
        const string when = "coalesce(x.\"date\", a.published_at)";
        var month = $"CASE WHEN length({when}) >= 7 AND substr({when}, 1, 1) BETWEEN '0' AND '9' THEN substr({when}, 1, 7) END";
        var sql = new StringBuilder()
            .Append("SELECT x.unit, ")
            .Append(grouping.HasFlag(AchievementGrouping.Action) ? "x.\"action\"" : "NULL::VARCHAR").Append(", ")
            .Append(grouping.HasFlag(AchievementGrouping.Actor) ? "x.actor" : "NULL::VARCHAR").Append(", ")
            .Append(grouping.HasFlag(AchievementGrouping.Month) ? month : "NULL::VARCHAR")
            .Append(" AS month, CAST(sum(x.\"value\") AS VARCHAR), count(*), bool_or(x.approx) ")
            .Append("FROM achievements x JOIN articles a ON a.id = x.article_id GROUP BY ALL")
            .ToString();
        var totals = new List<AchievementTotal>();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _write.CreateCommand();
            command.CommandText = sql;
            foreach (var row in await RecordReader.RowsAsync(command, cancellationToken).ConfigureAwait(false))
            {
                totals.Add(new AchievementTotal
                {
                    Unit = (string)row[0]!,
                    Action = row[1] as string,
                    Actor = row[2] as string,
                    Month = row[3] as string,
                    Value = Normalize(decimal.Parse((string)row[4]!, NumberStyles.Number, CultureInfo.InvariantCulture)),
                    Count = Convert.ToInt32(row[5], CultureInfo.InvariantCulture),
                    Approx = (bool)row[6]!,
                });
            }
        }
        finally
        {
            _writeGate.Release();
        }

        return [.. totals
            .OrderByDescending(t => t.Count)
            .ThenByDescending(t => t.Value)
            .ThenBy(t => t.Unit, StringComparer.Ordinal)
            .ThenBy(t => t.Action, StringComparer.Ordinal)
            .ThenBy(t => t.Actor, StringComparer.Ordinal)
            .ThenBy(t => t.Month, StringComparer.Ordinal)];
    }

    // DECIMAL(38, 10) sums come back with ten places; the in-memory sum has the places its inputs had.
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static string Parameters(DbCommand command, IEnumerable<string> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = "p" + names.Count.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(new DuckDBParameter(name, value));
            names.Add("$" + name);
        }

        return string.Join(", ", names);
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _read.Dispose();
        _write.Dispose();
        _writeGate.Dispose();
        _readGate.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _read.DisposeAsync().ConfigureAwait(false);
        await _write.DisposeAsync().ConfigureAwait(false);
        _writeGate.Dispose();
        _readGate.Dispose();
    }
}
