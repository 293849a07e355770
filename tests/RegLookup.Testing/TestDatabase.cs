using Dapper;
using Npgsql;
using RegLookup.Data;
using RegLookup.Data.Migrations;

namespace RegLookup.Testing;

/// <summary>
/// A fresh, migrated database for one test: a new SQLite file, or a new schema on the PostgreSQL server that
/// scripts/test.sh starts and names in REGLOOKUP_TEST_PG. Without that server the PostgreSQL tests fail: they
/// are never skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "REGLOOKUP_TEST_PG";

    private readonly Func<Task> _cleanup;

    private TestDatabase(Database db, Func<Task> cleanup)
    {
        Db = db;
        _cleanup = cleanup;
    }

    public Database Db { get; }

    public static IEnumerable<object[]> Engines => [[DbEngine.Sqlite], [DbEngine.Postgres]];

    public static async Task<TestDatabase> CreateAsync(DbEngine engine, bool migrate = true)
    {
        var connectionString = await ConnectionStringAsync(engine);
        var db = new Database(connectionString.Value);
        if (migrate) await Migrator.MigrateAsync(db);
        return new TestDatabase(db, async () =>
        {
            await db.DisposeAsync();
            await connectionString.Drop();
        });
    }

    /// <summary>A fresh database loaded with a dataset folder (the sample dataset by default).</summary>
    public static async Task<TestDatabase> CreateLoadedAsync(DbEngine engine, string? dataset = null)
    {
        var t = await CreateAsync(engine);
        var result = await new RegLookup.Data.Interchange.DatasetImporter(t.Db).ImportAsync(dataset ?? new SampleDataset().WriteToTemp());
        if (!result.Succeeded)
            throw new InvalidOperationException("The test dataset does not import: " + string.Join("\n", result.Errors.Take(5)));
        return t;
    }

    /// <summary>A connection string to a new, empty database, and how to drop it.</summary>
    public static async Task<(string Value, Func<Task> Drop)> ConnectionStringAsync(DbEngine engine)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..16];
        if (engine == DbEngine.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "reglookup-tests");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, name + ".db");
            return ($"Data Source={file}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in Directory.GetFiles(folder, name + ".db*")) File.Delete(f);
                return Task.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable}: run them with scripts/test.sh, which starts a throw-away server.");
        await using (var admin = new NpgsqlConnection(server))
            await admin.ExecuteAsync($"CREATE SCHEMA {name}");
        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = name };
        return (builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.ExecuteAsync($"DROP SCHEMA {name} CASCADE");
        });
    }

    public ValueTask DisposeAsync() => new(_cleanup());
}
