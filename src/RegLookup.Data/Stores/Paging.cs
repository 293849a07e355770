using Dapper;

namespace RegLookup.Data.Stores;

/// <summary>Reads a whole table in id order, one batch at a time, so exports and reindexing of a
/// million rows never hold them all in memory.</summary>
internal static class Paging
{
    public const int BatchSize = 2000;

    /// <param name="sql">A query with <c>id &gt; @After ORDER BY id LIMIT @Take</c>.</param>
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        Database db, string sql, Func<T, string> id, Func<IReadOnlyList<T>, Task<IReadOnlyList<T>>> complete)
    {
        var after = "";
        while (true)
        {
            var batch = await db.ReadAsync(async c => (await c.QueryAsync<T>(sql, new { After = after, Take = BatchSize })).ToList());
            if (batch.Count == 0) yield break;
            foreach (var item in await complete(batch))
                yield return item;
            if (batch.Count < BatchSize) yield break;
            after = id(batch[^1]);
        }
    }
}
