using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

/// <summary>Reads the change feed that every write appends to in its own transaction.</summary>
public sealed class ChangeFeed(Database db)
{
    /// <summary>The changes with a sequence number above <paramref name="afterSeq"/>, in order.</summary>
    public Task<List<Change>> ReadAfterAsync(long afterSeq, int limit = 1000) =>
        db.ReadAsync(async c => (await c.QueryAsync<Change>("""
            SELECT seq, entity, entity_id, op, changed_at FROM changes WHERE seq > @afterSeq ORDER BY seq LIMIT @limit
            """, new { afterSeq, limit })).ToList());

    public Task<long> LatestSeqAsync() =>
        db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(seq), 0) FROM changes"));
}
