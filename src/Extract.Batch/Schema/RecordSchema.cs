using System.Collections.Immutable;
using System.Text;

namespace Extract.Batch;

/// <summary>
/// The relational form of <c>extract.article/1</c> shared by the embedded store (DuckDB) and the fleet's PostgreSQL:
/// <c>articles</c> (one row per document, keyed by <c>id</c>, with the input's <c>content_hash</c> and, for a document
/// that failed, its <c>error</c>), and one row per item in <c>people</c>, <c>organizations</c>, <c>places</c>,
/// <c>dates</c> and <c>achievements</c>, keyed by <c>(article_id, ordinal)</c> where <c>ordinal</c> is the item's
/// 0-based position in the record. <c>schema_version</c> holds the version each store was created with.
/// The columns are described in SCHEMA.md beside the Extract.Batch project.
/// </summary>
public static class RecordSchema
{
    /// <summary>The schema version this library writes and reads; a store created with another version is refused.</summary>
    public const int Version = 2;

    /// <summary>The tables, parents first.</summary>
    public static ImmutableArray<string> TableNames { get; } = [.. Tables.All.Select(t => t.Name)];
}

/// <summary>A column's logical type; each dialect maps it to its own SQL type.</summary>
internal enum ColumnType
{
    Text,
    TextList,
    Int,
    IntList,
    Decimal,
    Bool,
}

/// <summary>The SQL dialects the schema is written in.</summary>
internal enum SqlDialect
{
    DuckDb,
    Postgres,
}

internal sealed record Column(string Name, ColumnType Type, bool NotNull = false);

internal sealed record Table(string Name, ImmutableArray<Column> Columns)
{
    public bool IsArticles => Name == Tables.Articles.Name;

    public string ColumnList => string.Join(", ", Columns.Select(c => Quote(c.Name)));

    public static string Quote(string name) => "\"" + name + "\"";

    public string CreateSql(SqlDialect dialect)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(Name).Append(" (");
        sql.AppendJoin(", ", Columns.Select(c => $"{Quote(c.Name)} {SqlType(c.Type, dialect)}{(c.NotNull ? " NOT NULL" : "")}"));
        if (IsArticles)
        {
            sql.Append(", PRIMARY KEY (id)");
        }
        else if (dialect == SqlDialect.Postgres)
        {
            // PostgreSQL keys the item tables too: the index serves the upsert's delete. DuckDB scans instead (its
            // indexes slow the appender and a delete and re-insert of one key in a transaction is its weak spot).
            sql.Append(", PRIMARY KEY (article_id, ordinal)");
        }

        return sql.Append(')').ToString();
    }

    private static string SqlType(ColumnType type, SqlDialect dialect) => (type, dialect) switch
    {
        (ColumnType.Text, SqlDialect.DuckDb) => "VARCHAR",
        (ColumnType.TextList, SqlDialect.DuckDb) => "VARCHAR[]",
        (ColumnType.Int, SqlDialect.DuckDb) => "INTEGER",
        (ColumnType.IntList, SqlDialect.DuckDb) => "INTEGER[]",
        (ColumnType.Decimal, _) => "DECIMAL(38, 10)",
        (ColumnType.Bool, _) => "BOOLEAN",
        (ColumnType.Text, _) => "text",
        (ColumnType.TextList, _) => "text[]",
        (ColumnType.Int, _) => "integer",
        (ColumnType.IntList, _) => "integer[]",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}

/// <summary>Schema version 2 (version 1 lacked the error kind and stage, <c>truncated</c>, title mentions and title spans).</summary>
internal static class Tables
{
    public static readonly Table Articles = new("articles",
    [
        new("id", ColumnType.Text, NotNull: true),
        new("content_hash", ColumnType.Text, NotNull: true),
        new("error", ColumnType.Text),
        new("error_kind", ColumnType.Text),
        new("error_stage", ColumnType.Text),
        new("url", ColumnType.Text),
        new("title", ColumnType.Text),
        new("outlet", ColumnType.Text),
        new("published_at", ColumnType.Text),
        new("authors", ColumnType.TextList),
        new("editors", ColumnType.TextList),
        new("body", ColumnType.Text),
        new("removed", ColumnType.TextList),
        new("keywords", ColumnType.TextList),
        new("is_article", ColumnType.Bool),
        new("truncated", ColumnType.Bool),
    ]);

    public static readonly Table People = new("people",
    [
        new("article_id", ColumnType.Text, NotNull: true),
        new("ordinal", ColumnType.Int, NotNull: true),
        new("name", ColumnType.Text, NotNull: true),
        new("roles", ColumnType.TextList),
        new("organization", ColumnType.Text),
        new("mention_starts", ColumnType.IntList),
        new("mention_ends", ColumnType.IntList),
        new("title_mention_starts", ColumnType.IntList),
        new("title_mention_ends", ColumnType.IntList),
    ]);

    public static readonly Table Organizations = new("organizations",
    [
        new("article_id", ColumnType.Text, NotNull: true),
        new("ordinal", ColumnType.Int, NotNull: true),
        new("name", ColumnType.Text, NotNull: true),
        new("kind", ColumnType.Text, NotNull: true),
        new("mention_starts", ColumnType.IntList),
        new("mention_ends", ColumnType.IntList),
        new("title_mention_starts", ColumnType.IntList),
        new("title_mention_ends", ColumnType.IntList),
    ]);

    public static readonly Table Places = new("places",
    [
        new("article_id", ColumnType.Text, NotNull: true),
        new("ordinal", ColumnType.Int, NotNull: true),
        new("name", ColumnType.Text, NotNull: true),
        new("level", ColumnType.Text, NotNull: true),
        new("code", ColumnType.Text),
        new("path", ColumnType.TextList),
        new("mention_starts", ColumnType.IntList),
        new("mention_ends", ColumnType.IntList),
        new("title_mention_starts", ColumnType.IntList),
        new("title_mention_ends", ColumnType.IntList),
    ]);

    public static readonly Table Dates = new("dates",
    [
        new("article_id", ColumnType.Text, NotNull: true),
        new("ordinal", ColumnType.Int, NotNull: true),
        new("text", ColumnType.Text, NotNull: true),
        new("value", ColumnType.Text, NotNull: true),
        new("span_start", ColumnType.Int),
        new("span_end", ColumnType.Int),
        new("title_span_start", ColumnType.Int),
        new("title_span_end", ColumnType.Int),
    ]);

    public static readonly Table Achievements = new("achievements",
    [
        new("article_id", ColumnType.Text, NotNull: true),
        new("ordinal", ColumnType.Int, NotNull: true),
        new("text", ColumnType.Text, NotNull: true),
        new("value", ColumnType.Decimal, NotNull: true),
        new("value_text", ColumnType.Text, NotNull: true),
        new("unit", ColumnType.Text, NotNull: true),
        new("approx", ColumnType.Bool, NotNull: true),
        new("actor", ColumnType.Text),
        new("action", ColumnType.Text),
        new("date", ColumnType.Text),
        new("span_start", ColumnType.Int),
        new("span_end", ColumnType.Int),
        new("title_span_start", ColumnType.Int),
        new("title_span_end", ColumnType.Int),
    ]);

    /// <summary>Parents first.</summary>
    public static readonly ImmutableArray<Table> All = [Articles, People, Organizations, Places, Dates, Achievements];

    /// <summary>The item tables, in <see cref="All"/> order.</summary>
    public static readonly ImmutableArray<Table> Items = [People, Organizations, Places, Dates, Achievements];

    public const string VersionTable = "schema_version";

    /// <summary>
    /// Why a store of another version is refused. A version 1 store is not migrated: its records were extracted without
    /// the fields version 2 added, and a resumed run would keep them (same content hash), so its export would silently
    /// differ from what <c>extract</c> writes today. Extracting into a new store is the honest way forward.
    /// </summary>
    public static string RefusalMessage(string store, object version) =>
        $"{store} has schema version {version}; this library reads and writes version {RecordSchema.Version} only. "
        + (Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture) < RecordSchema.Version
            ? "It is not migrated: its records lack fields the record gained since (error kind and stage, truncated, title mentions and spans), "
                + "and a resumed run would keep them; extract into a new store instead."
            : "It was written by a newer library; open it with that version.");

    public static string CreateVersionTableSql(SqlDialect dialect) =>
        $"CREATE TABLE IF NOT EXISTS {VersionTable} (version INTEGER NOT NULL, applied_at {(dialect == SqlDialect.DuckDb ? "TIMESTAMPTZ" : "timestamptz")} NOT NULL DEFAULT now())";
}
