using System.Reflection;
using Dapper;

namespace RegLookup.Data.Migrations;

/// <summary>
/// Applies the numbered SQL files of the engine's folder (embedded resources) that the schema_version
/// table does not list yet, each in its own transaction, in number order.
/// </summary>
public static class Migrator
{
    private sealed record Migration(int Version, string Name, string Sql);

    public static async Task<int> MigrateAsync(Database db, CancellationToken ct = default)
    {
        await using (var connection = await db.OpenAsync(ct))
            await connection.ExecuteAsync(db.Dialect.SetupSql);

        var applied = 0;
        foreach (var migration in Load(db.Dialect))
        {
            await using var session = await db.BeginAsync(ct);
            if (db.Dialect.LockMigrationsSql is { } lockSql)
                await session.ExecuteAsync(lockSql);
            await session.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            var done = await session.QuerySingleOrDefaultAsync<int?>(
                "SELECT version FROM schema_version WHERE version = @Version", new { migration.Version });
            if (done is not null) continue;
            await session.ExecuteAsync(migration.Sql);
            await session.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToString("O") });
            await session.CommitAsync(ct);
            applied++;
        }
        return applied;
    }

    public static async Task<IReadOnlyList<int>> AppliedVersionsAsync(Database db) =>
        await db.ReadAsync(async c => (await c.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ToList());

    private static IEnumerable<Migration> Load(SqlDialect dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"Migrations/{dialect.MigrationFolder}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^4];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new Migration(int.Parse(name.Split('_')[0]), name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version);
    }
}
