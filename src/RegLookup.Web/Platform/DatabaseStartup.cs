using Microsoft.Extensions.Options;
using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Migrations;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Platform;

/// <summary>Brings the database up to date before the server takes requests, and loads the seed dataset into an empty one.</summary>
public sealed class DatabaseStartup(
    Database db, DatasetStore dataset, DatasetImporter importer, IOptions<RegLookupOptions> options,
    IHostEnvironment environment, ILogger<DatabaseStartup> log)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        var applied = await Migrator.MigrateAsync(db, ct);
        log.LogInformation("Database ({Engine}) ready; {Applied} migration(s) applied", db.Engine, applied);
        if (!(await dataset.CountAsync()).IsEmpty) return;

        var seed = SeedFolder();
        if (seed is null)
        {
            log.LogWarning("The database is empty and no seed-data folder was found; set RegLookup__SeedPath");
            return;
        }
        var result = await importer.ImportAsync(seed, progress: new Progress<string>(m => log.LogInformation("Seed import: {Message}", m)), ct: ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seed data at {seed} is invalid: {result.Errors[0]}");
        log.LogInformation("Loaded {Records} seed records from {Seed} in {Seconds:F1} s", result.Records, seed, result.Elapsed.TotalSeconds);
    }

    private string? SeedFolder()
    {
        if (options.Value.SeedPath is { Length: > 0 } configured)
            return Path.GetFullPath(configured, environment.ContentRootPath);
        // Default: the repository's seed-data, found by walking up from the content root.
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed-data");
            if (File.Exists(Path.Combine(candidate, DatasetJson.Agencies))) return candidate;
        }
        return null;
    }
}
