using System.Diagnostics;
using RegLookup.Data;

namespace RegLookup.Bench.Search;

public sealed record SearchOptions(int Regulations, int Queries, int Seed, string? Postgres, bool PostgresCopy, TimeSpan Budget, string Results, string Command);

/// <summary>
/// The search benchmark of one run: one synthetic dataset, one query log, and each engine in turn built, measured
/// and closed, so that each one's peak memory is its own.
/// </summary>
public static class SearchBenchmark
{
    public const int Warmup = 200;

    public static async Task RunAsync(SearchOptions options)
    {
        var started = DateTime.UtcNow;
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        var work = Directory.CreateTempSubdirectory("reglookup-search-");
        try
        {
            var dataset = Path.Combine(work.FullName, "dataset");
            var databaseFile = Path.Combine(work.FullName, "bench.db");
            var clock = Stopwatch.StartNew();
            new SyntheticDataset(options.Regulations, options.Seed).Write(dataset);
            var generated = clock.Elapsed;
            Console.WriteLine($"Generated {options.Regulations:N0} regulations in {generated.TotalSeconds:F1} s");
            var sqliteImport = await DatasetLoad.ImportAsync($"Data Source={databaseFile}", dataset);

            var log = QueryLog.Generate(Warmup + options.Queries, options.Seed);
            var warmup = log.Take(Warmup).ToList();
            var measured = log.Skip(Warmup).ToList();
            var rows = new List<ReportRow>();
            async Task MeasureAsync(EngineBuild build)
            {
                Console.WriteLine($"{build.Engine.Name}: built in {build.Elapsed.TotalSeconds:F1} s; running {warmup.Count} warm-up and {measured.Count:N0} queries");
                var run = await LatencyRun.MeasureAsync(build.Engine, warmup, measured, options.Budget);
                rows.Add(new ReportRow(build, run));
                Console.WriteLine(SearchReport.Row(rows[^1]));
            }

            await using (var db = new Database($"Data Source={databaseFile}"))
            {
                var ours = await LuceneEngine.BuildAsync(db, Path.Combine(work.FullName, "index"), options.Regulations);
                await using (ours.Engine) await MeasureAsync(ours);
            }
            var fts = await SqliteFtsEngine.BuildAsync(databaseFile, options.Regulations);
            await using (fts.Engine) await MeasureAsync(fts);

            await using var server = options.Postgres is null ? await ThrowawayPostgres.StartAsync() : null;
            var (pgBuild, pg) = await PostgresEngine.BuildAsync(options.Postgres ?? server!.ConnectionString, dataset, options.Regulations, options.PostgresCopy);
            await using (pg) await MeasureAsync(pgBuild);

            var context = new RunContext(started, load, generated, sqliteImport, pg.ImportTime, options.PostgresCopy,
                pg.ServerSettings + (server is null ? " (server given with --pg)" : $" (throw-away cluster: {ThrowawayPostgres.Settings})"));
            await SearchReport.AppendAsync(options, context, rows);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
