using System.Globalization;
using System.Runtime.CompilerServices;
using Extract.Batch;
using Npgsql;
using NpgsqlTypes;

namespace Extract.Fleet;

/// <summary>
/// The tables of <see cref="RecordSchema"/> in PostgreSQL, written by any number of workers at once: each write is one
/// transaction that upserts the <c>articles</c> rows (locking them, in id order) and replaces their item rows.
/// </summary>
public sealed class PostgresArticleStore : IArticleStore, IAsyncDisposable
{
    private const int ReadChunk = 512;

    // Any fixed number: serialises concurrent schema creation by several workers starting at once.
    private const long SchemaLock = 0x45787472616374;

    private readonly NpgsqlDataSource _source;

    private PostgresArticleStore(NpgsqlDataSource source) => _source = source;

    /// <summary>Connects to <paramref name="connectionString"/> and creates the schema when the database has none.</summary>
    /// <exception cref="InvalidDataException">The database holds the tables of another schema version.</exception>
    public static async Task<PostgresArticleStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({SchemaLock})", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, Tables.CreateVersionTableSql(SqlDialect.Postgres), cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"SELECT max(version) FROM {Tables.VersionTable}", connection);
            var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (version is null or DBNull)
            {
                foreach (var table in Tables.All)
                {
                    await ExecuteAsync(connection, table.CreateSql(SqlDialect.Postgres), cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, $"INSERT INTO {Tables.VersionTable} (version) VALUES ({RecordSchema.Version})", cancellationToken).ConfigureAwait(false);
            }
            else if (Convert.ToInt32(version, CultureInfo.InvariantCulture) != RecordSchema.Version)
            {
                throw new InvalidDataException(Tables.RefusalMessage("the database", version));
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresArticleStore(source);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ContainsAsync(string id, string contentHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(contentHash);
        return (await ContainingAsync([new RecordKey(id, contentHash)], cancellationToken).ConfigureAwait(false)).Count > 0;
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
        await using var command = _source.CreateCommand("SELECT id, content_hash FROM articles WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", wanted.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            StoreKeys.Match(wanted, reader.GetString(0), reader.GetString(1), found);
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

        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The upsert locks each article row (in id order, so two workers cannot deadlock); a second writer of the same
        // id waits here and then replaces the item rows the first one committed.
        var columns = Tables.Articles.Columns;
        var upsert = $"INSERT INTO articles ({Tables.Articles.ColumnList}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))}) "
            + $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", columns.Skip(1).Select(c => $"{Table.Quote(c.Name)} = EXCLUDED.{Table.Quote(c.Name)}"))}";
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var record in latest)
            {
                var command = new NpgsqlBatchCommand(upsert);
                var row = ArticleRows.ArticleRow(record);
                for (var i = 0; i < row.Length; i++)
                {
                    command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = DbType(columns[i].Type), Value = row[i] ?? DBNull.Value });
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var ids = latest.Select(r => r.Id).ToArray();
        foreach (var table in Tables.Items)
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {table.Name} WHERE article_id = ANY(@ids)", connection, transaction);
            delete.Parameters.AddWithValue("ids", ids);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in Tables.Items)
        {
            await using var importer = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var record in latest)
            {
                foreach (var row in ArticleRows.ItemRows(table, record))
                {
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is { } value)
                        {
                            await importer.WriteAsync(value, DbType(table.Columns[i].Type), cancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlDbType DbType(ColumnType type) => type switch
    {
        ColumnType.Text => NpgsqlDbType.Text,
        ColumnType.TextList => NpgsqlDbType.Array | NpgsqlDbType.Text,
        ColumnType.Int => NpgsqlDbType.Integer,
        ColumnType.IntList => NpgsqlDbType.Array | NpgsqlDbType.Integer,
        ColumnType.Decimal => NpgsqlDbType.Numeric,
        ColumnType.Bool => NpgsqlDbType.Boolean,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The number of documents stored (articles and error records).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand("SELECT count(*) FROM articles");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Every stored record in ordinal id order, read a chunk at a time.</summary>
    public async IAsyncEnumerable<ArticleRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            List<ArticleRecord> chunk;
            await using (var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
                chunk = await RecordReader.ReadChunkAsync(connection, SqlDialect.Postgres, after, ReadChunk, cancellationToken).ConfigureAwait(false);
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

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
