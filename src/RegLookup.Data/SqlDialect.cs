namespace RegLookup.Data;

/// <summary>
/// Every difference between the SQLite and the PostgreSQL SQL this project runs. The rest of the SQL is
/// written once, in the subset both engines share (ON CONFLICT upserts, RETURNING, @parameters).
/// </summary>
public sealed record SqlDialect(
    DbEngine Engine, string MigrationFolder, string? LockChangeFeedSql, string? LockMigrationsSql, string SetupSql)
{
    public static readonly SqlDialect Sqlite = new(
        DbEngine.Sqlite,
        "sqlite",
        // SQLite has one writer at a time, so sequence order is already commit order.
        LockChangeFeedSql: null,
        LockMigrationsSql: null,
        SetupSql: "PRAGMA journal_mode = WAL;");

    public static readonly SqlDialect Postgres = new(
        DbEngine.Postgres,
        "postgres",
        // Writers take this lock just before inserting their feed rows and keep it until commit, so a
        // reader that has seen sequence N can never later see a smaller number appear.
        LockChangeFeedSql: "SELECT pg_advisory_xact_lock(680020)",
        // Several web nodes may start at once against one database: one migrates, the others wait.
        LockMigrationsSql: "SELECT pg_advisory_xact_lock(680010)",
        SetupSql: "SELECT 1");

    /// <summary>"column is one of the list @parameter": Npgsql sends a list as one array parameter, while
    /// Dapper expands it into (@p1, @p2, …) for SQLite.</summary>
    public string In(string column, string parameter) =>
        Engine == DbEngine.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    public static SqlDialect For(DbEngine engine) => engine == DbEngine.Postgres ? Postgres : Sqlite;
}
