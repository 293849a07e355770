using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace RegLookup.Bench.Search;

/// <summary>
/// PostgreSQL full-text search in a database of its own on the server: the dataset imported with our importer,
/// a stored generated tsvector of title and content ('simple' configuration, diacritics removed by unaccent) with
/// a GIN index, the query's words OR'ed, ranked by ts_rank.
/// </summary>
public sealed class PostgresEngine : ISearchEngine
{
    // unaccent() is only STABLE (it looks its dictionary up by name), and a generated column needs an IMMUTABLE
    // expression: the usual wrapper names the dictionary itself.
    private const string SetupSql = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE FUNCTION bench_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
        """;

    private const string BuildSql = """
        ALTER TABLE regulations ADD COLUMN search tsvector
            GENERATED ALWAYS AS (to_tsvector('simple', bench_unaccent(title || ' ' || content))) STORED;
        CREATE INDEX ix_regulations_search ON regulations USING gin (search);
        ANALYZE regulations;
        """;

    /// <summary>Session settings for the build and the queries, the same on a server we start and one we are given.</summary>
    private const string SessionSql = "SET maintenance_work_mem = '1GB'; SET work_mem = '64MB'; SET jit = off;";

    // The snippet is cut from the unaccented text, where the unaccented query terms can be found and marked.
    private const string TopSql = """
        SELECT id, title, ts_headline('simple', bench_unaccent(content), q, 'MaxWords=24, MinWords=12'), agency, sector, kind, status
        FROM (SELECT r.id, r.title, r.content, r.agency, r.sector, r.kind, r.status, ts_rank(r.search, q) AS rank, q
              FROM regulations r, to_tsquery('simple', bench_unaccent($1)) q
              WHERE r.search @@ q AND ($2::text IS NULL OR r.agency = $2)
              ORDER BY rank DESC LIMIT 20) top
        ORDER BY rank DESC
        """;

    // As for SQLite: the matches are read once, and each facet is counted under the filter of the other keys only.
    private const string FacetsSql = """
        WITH m AS MATERIALIZED (
            SELECT agency, sector, kind, status FROM regulations WHERE search @@ to_tsquery('simple', bench_unaccent($1)))
        SELECT 'total', NULL, count(*) FROM m WHERE $2::text IS NULL OR agency = $2
        UNION ALL SELECT 'agency', agency, count(*) FROM m GROUP BY agency
        UNION ALL SELECT 'sector', sector, count(*) FROM m WHERE $2::text IS NULL OR agency = $2 GROUP BY sector
        UNION ALL SELECT 'kind', kind, count(*) FROM m WHERE $2::text IS NULL OR agency = $2 GROUP BY kind
        UNION ALL SELECT 'status', status, count(*) FROM m WHERE $2::text IS NULL OR agency = $2 GROUP BY status
        """;

    private readonly string _server;
    private readonly string _database;
    private readonly string _connectionString;
    private NpgsqlConnection _connection;
    private NpgsqlBatch _batch;

    private PostgresEngine(string server, string database, string connectionString, NpgsqlConnection connection, NpgsqlBatch batch)
    {
        _server = server;
        _database = database;
        _connectionString = connectionString;
        _connection = connection;
        _batch = batch;
    }

    public string Name => "PostgreSQL FTS";

    /// <summary>How long loading the dataset into the new database took.</summary>
    public TimeSpan ImportTime { get; private init; }

    /// <summary>The server's version and memory settings, for the results.</summary>
    public string ServerSettings { get; private init; } = "";

    /// <summary>Creates a new database on <paramref name="server"/>, loads the dataset folder into it with our importer
    /// (or with COPY when <paramref name="copy"/>), then builds the search column and its index; only that last part
    /// is the build time.</summary>
    public static async Task<(EngineBuild Build, PostgresEngine Engine)> BuildAsync(string server, string datasetFolder, int regulations, bool copy)
    {
        var database = $"reglookup_bench_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
        await using (var admin = await OpenAsync(server))
            await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

        var importTime = copy
            ? await DatasetLoad.CopyIntoPostgresAsync(connectionString, datasetFolder)
            : await DatasetLoad.ImportAsync(connectionString, datasetFolder);

        var connection = await OpenSessionAsync(connectionString);
        await ExecuteAsync(connection, SetupSql);
        var before = await ScalarAsync<long>(connection, "SELECT pg_total_relation_size('regulations')");
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(connection, BuildSql);
        clock.Stop();
        var bytes = await ScalarAsync<long>(connection, "SELECT pg_total_relation_size('regulations')") - before;
        var settings = $"PostgreSQL {await ScalarAsync<string>(connection, "SHOW server_version")}, " +
                       $"shared_buffers={await ScalarAsync<string>(connection, "SHOW shared_buffers")}";

        var engine = new PostgresEngine(server, database, connectionString, connection, await PrepareAsync(connection))
        {
            ImportTime = importTime,
            ServerSettings = settings,
        };
        return (new EngineBuild(engine, regulations, clock.Elapsed, bytes), engine);
    }

    public async Task<int> SearchAsync(BenchQuery query)
    {
        var terms = string.Join(" | ", query.Words);
        object agency = query.Agency is null ? DBNull.Value : query.Agency;
        foreach (var command in _batch.BatchCommands)
        {
            command.Parameters[0].Value = terms;
            command.Parameters[1].Value = agency;
        }

        await using var reader = await _batch.ExecuteReaderAsync();
        var page = new List<object[]>(20);
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            page.Add(row);
        }
        await reader.NextResultAsync();
        // Read into what a result page needs, as our search returns it.
        var total = 0;
        var facets = new Dictionary<(string, string), long>();
        while (await reader.ReadAsync())
        {
            if (reader.GetString(0) == "total") total = (int)reader.GetInt64(2);
            else facets[(reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1))] = reader.GetInt64(2);
        }
        return total;
    }

    /// <summary>Moves to a new connection, whose server process then holds only what the queries that follow touch.</summary>
    public async Task ResetPeakMemoryAsync()
    {
        await _batch.DisposeAsync();
        await _connection.DisposeAsync();
        _connection = await OpenSessionAsync(_connectionString);
        _batch = await PrepareAsync(_connection);
    }

    /// <summary>The peak resident memory of the connection's server process, shared buffers it touched included;
    /// "n/a" when the server is not on this machine.</summary>
    public Task<string> PeakMemoryAsync() =>
        Task.FromResult(ProcessMemory.PeakOf(_connection.ProcessID) is { } bytes ? $"{ProcessMemory.Format(bytes)} (server backend)" : "n/a");

    private static async Task<NpgsqlConnection> OpenSessionAsync(string connectionString)
    {
        // Unpooled, so that closing it ends its server process.
        var connection = await OpenAsync(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await ExecuteAsync(connection, SessionSql);
        return connection;
    }

    private static async Task<NpgsqlBatch> PrepareAsync(NpgsqlConnection connection)
    {
        // No timeout: at a million regulations an OR query of common words reads most of the table.
        var batch = new NpgsqlBatch(connection) { Timeout = 0 };
        foreach (var sql in new[] { TopSql, FacetsSql })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }
        await batch.PrepareAsync();
        return batch;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Closes the connection and drops the benchmark's database.</summary>
    public async ValueTask DisposeAsync()
    {
        await _batch.DisposeAsync();
        await _connection.DisposeAsync();
        await using var admin = await OpenAsync(_server);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }
}
