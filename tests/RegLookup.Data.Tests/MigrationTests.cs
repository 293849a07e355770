using Dapper;
using RegLookup.Data;
using RegLookup.Data.Migrations;
using RegLookup.Testing;

namespace RegLookup.Data.Tests;

public class MigrationTests
{
    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Migrates_an_empty_database_once_and_records_the_version(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine, migrate: false);

        var first = await Migrator.MigrateAsync(t.Db);
        var second = await Migrator.MigrateAsync(t.Db);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        var versions = await Migrator.AppliedVersionsAsync(t.Db);
        Assert.Equal(1, versions[0]);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        var regulations = await t.Db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM regulations"));
        Assert.Equal(0, regulations);
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_foreign_keys_on()
    {
        await using var t = await TestDatabase.CreateAsync(DbEngine.Sqlite);
        var (journal, keys) = await t.Db.ReadAsync(async c =>
            (await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"), await c.ExecuteScalarAsync<long>("PRAGMA foreign_keys")));
        Assert.Equal("wal", journal);
        Assert.Equal(1, keys);
    }

    [Fact]
    public void Engine_follows_the_connection_string()
    {
        Assert.Equal(DbEngine.Postgres, Database.DetectEngine("Host=127.0.0.1;Port=5432;Username=postgres"));
        Assert.Equal(DbEngine.Sqlite, Database.DetectEngine("Data Source=data/reglookup.db"));
    }
}
