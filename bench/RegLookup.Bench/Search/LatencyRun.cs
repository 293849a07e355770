using System.Diagnostics;

namespace RegLookup.Bench.Search;

/// <summary>What one engine did with the query log: latency percentiles, throughput, and the totals it found.</summary>
public sealed record LatencyRun(int Measured, double P50, double P95, double P99, double QueriesPerSecond, IReadOnlyList<int> Totals, string PeakMemory)
{
    public double AverageTotal => Totals.Count == 0 ? 0 : Totals.Average();

    /// <summary>
    /// Runs the warm-up queries, then the measured ones one after the other on one thread, each timed on its own.
    /// Stops early when <paramref name="budget"/> is spent (and the warm-up after a quarter of it), so that a slow
    /// engine at a million regulations still finishes; <see cref="Measured"/> says how many queries the figures are over.
    /// </summary>
    public static async Task<LatencyRun> MeasureAsync(ISearchEngine engine, IReadOnlyList<BenchQuery> warmup, IReadOnlyList<BenchQuery> measured,
        TimeSpan budget)
    {
        await engine.ResetPeakMemoryAsync();
        var warming = Stopwatch.StartNew();
        foreach (var query in warmup.TakeWhile(_ => warming.Elapsed < budget / 4)) await engine.SearchAsync(query);

        var milliseconds = new List<double>(measured.Count);
        var totals = new List<int>(measured.Count);
        var clock = Stopwatch.StartNew();
        foreach (var query in measured)
        {
            var start = Stopwatch.GetTimestamp();
            totals.Add(await engine.SearchAsync(query));
            milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (clock.Elapsed > budget) break;
        }
        clock.Stop();

        milliseconds.Sort();
        return new LatencyRun(milliseconds.Count, Percentile(milliseconds, 50), Percentile(milliseconds, 95), Percentile(milliseconds, 99),
            milliseconds.Count / clock.Elapsed.TotalSeconds, totals, await engine.PeakMemoryAsync());
    }

    /// <summary>Nearest rank: the smallest latency that at least <paramref name="p"/>% of the queries did not exceed.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
}
