using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace RegLookup.Bench.Search;

/// <summary>
/// SQLite FTS5 over the same SQLite file: an external-content table on regulations (title, content) with
/// diacritics removed by the tokenizer, the query's words OR'ed, ranked by bm25.
/// </summary>
public sealed class SqliteFtsEngine : ISearchEngine
{
    private const string TopSql = """
        SELECT r.id, r.title, snippet(regulations_fts, 1, '<mark>', '</mark>', '…', 24), r.agency, r.sector, r.kind, r.status
        FROM regulations_fts JOIN regulations r ON r.rowid = regulations_fts.rowid
        WHERE regulations_fts MATCH $match AND ($agency IS NULL OR r.agency = $agency)
        ORDER BY bm25(regulations_fts) LIMIT 20
        """;

    // The matches are read once; each facet is counted under the filter of the other keys only, as the
    // faceting collector of our search counts them (so the agency facet ignores the agency filter).
    private const string FacetsSql = """
        WITH m AS MATERIALIZED (
            SELECT r.agency, r.sector, r.kind, r.status
            FROM regulations_fts JOIN regulations r ON r.rowid = regulations_fts.rowid
            WHERE regulations_fts MATCH $match)
        SELECT 'total', NULL, count(*) FROM m WHERE $agency IS NULL OR agency = $agency
        UNION ALL SELECT 'agency', agency, count(*) FROM m GROUP BY agency
        UNION ALL SELECT 'sector', sector, count(*) FROM m WHERE $agency IS NULL OR agency = $agency GROUP BY sector
        UNION ALL SELECT 'kind', kind, count(*) FROM m WHERE $agency IS NULL OR agency = $agency GROUP BY kind
        UNION ALL SELECT 'status', status, count(*) FROM m WHERE $agency IS NULL OR agency = $agency GROUP BY status
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _top;
    private readonly SqliteCommand _facets;

    private SqliteFtsEngine(SqliteConnection connection)
    {
        _connection = connection;
        _top = Prepare(TopSql);
        _facets = Prepare(FacetsSql);
    }

    public string Name => "SQLite FTS5";

    /// <summary>Creates and fills regulations_fts in the database file; the size is what the file grew by.</summary>
    public static async Task<EngineBuild> BuildAsync(string databaseFile, int regulations)
    {
        var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        var before = await FileBytesAsync(connection);
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(connection, """
            CREATE VIRTUAL TABLE regulations_fts USING fts5(title, content, content='regulations', tokenize='unicode61 remove_diacritics 2');
            INSERT INTO regulations_fts(regulations_fts) VALUES ('rebuild');
            """);
        clock.Stop();
        var bytes = await FileBytesAsync(connection) - before;
        return new EngineBuild(new SqliteFtsEngine(connection), regulations, clock.Elapsed, bytes);
    }

    public async Task<int> SearchAsync(BenchQuery query)
    {
        // Each word quoted, so FTS5 reads it as a term and never as an operator or column name.
        var match = string.Join(" OR ", query.Words.Select(w => $"\"{w.Replace("\"", "\"\"")}\""));
        object agency = query.Agency is null ? DBNull.Value : query.Agency;
        foreach (var command in new[] { _top, _facets })
        {
            command.Parameters["$match"].Value = match;
            command.Parameters["$agency"].Value = agency;
        }

        var page = new List<object[]>(20);
        await using (var hits = await _top.ExecuteReaderAsync())
            while (await hits.ReadAsync())
            {
                var row = new object[hits.FieldCount];
                hits.GetValues(row);
                page.Add(row);
            }

        // Read into what a result page needs, as our search returns it.
        var total = 0;
        var facets = new Dictionary<(string, string), long>();
        await using var counts = await _facets.ExecuteReaderAsync();
        while (await counts.ReadAsync())
        {
            if (counts.GetString(0) == "total") total = counts.GetInt32(2);
            else facets[(counts.GetString(0), counts.IsDBNull(1) ? "" : counts.GetString(1))] = counts.GetInt64(2);
        }
        return total;
    }

    public Task ResetPeakMemoryAsync()
    {
        ProcessMemory.ResetSelf();
        return Task.CompletedTask;
    }

    public Task<string> PeakMemoryAsync() => Task.FromResult($"{ProcessMemory.PeakOfSelf()} (bench process)");

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$match", SqliteType.Text);
        command.Parameters.Add("$agency", SqliteType.Text);
        return command;
    }

    private static async Task<long> FileBytesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _top.DisposeAsync();
        await _facets.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
