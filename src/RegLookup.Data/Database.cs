using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RegLookup.Data;

public enum DbEngine { Sqlite, Postgres }

/// <summary>
/// The one entry point to the database. The engine follows the connection string:
/// <c>Host=…</c> is PostgreSQL, <c>Data Source=…</c> is SQLite.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;

    static Database() => DapperSetup.Configure();

    public Database(string connectionString)
    {
        ConnectionString = connectionString;
        Dialect = SqlDialect.For(DetectEngine(connectionString));
        if (Dialect.Engine == DbEngine.Postgres)
            _postgres = NpgsqlDataSource.Create(connectionString);
        else
            EnsureSqliteFolder(connectionString);
    }

    public string ConnectionString { get; }
    public SqlDialect Dialect { get; }
    public DbEngine Engine => Dialect.Engine;

    public static DbEngine DetectEngine(string connectionString) =>
        connectionString.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains(";Host=", StringComparison.OrdinalIgnoreCase)
            ? DbEngine.Postgres
            : DbEngine.Sqlite;

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (_postgres is not null)
            return await _postgres.OpenConnectionAsync(ct);

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        // Per-connection settings; WAL is persistent and set once by the migrator.
        await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>Opens a connection with a write transaction; changes reach the feed on commit.</summary>
    public async Task<DbSession> BeginAsync(CancellationToken ct = default)
    {
        var connection = await OpenAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        return new DbSession(connection, transaction, Dialect);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it.</summary>
    public async Task WriteAsync(Func<DbSession, Task> work, CancellationToken ct = default)
    {
        await using var session = await BeginAsync(ct);
        await work(session);
        await session.CommitAsync(ct);
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        return await read(connection);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && folder is not null)
            Directory.CreateDirectory(folder);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}
