using System.Data.Common;
using Dapper;

namespace RegLookup.Data;

/// <summary>
/// A connection with an open write transaction. Writers note what they changed with <see cref="Changed"/>;
/// the change feed rows are written in the same transaction, right before it commits.
/// </summary>
public sealed class DbSession : IAsyncDisposable
{
    private readonly List<(string Entity, string EntityId, string Op)> _changes = [];

    internal DbSession(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }
    public SqlDialect Dialect { get; }

    public Task<int> ExecuteAsync(string sql, object? param = null) =>
        Connection.ExecuteAsync(sql, param, Transaction);

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? param = null) =>
        Connection.QueryAsync<T>(sql, param, Transaction);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(sql, param, Transaction);

    public void Changed(string entity, string entityId, string op = "upsert") => _changes.Add((entity, entityId, op));

    public async Task CommitAsync(CancellationToken ct = default)
    {
        if (_changes.Count > 0)
        {
            if (Dialect.LockChangeFeedSql is { } lockSql)
                await ExecuteAsync(lockSql);
            var now = DateTimeOffset.UtcNow;
            await ExecuteAsync(
                "INSERT INTO changes (entity, entity_id, op, changed_at) VALUES (@Entity, @EntityId, @Op, @ChangedAt)",
                _changes.Select(c => new { c.Entity, c.EntityId, c.Op, ChangedAt = now }));
            _changes.Clear();
        }
        await Transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
