namespace RegLookup.Bench.Search;

/// <summary>
/// A search engine under test, its index already built. Every engine does the work of one result page of
/// /api/search: the total, the top 20 with a snippet each, and the facet counts of the matching regulations.
/// </summary>
public interface ISearchEngine : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Runs one query and returns its total, so the log's results can be compared across engines.</summary>
    Task<int> SearchAsync(BenchQuery query);

    /// <summary>Starts a new peak-memory reading; <see cref="PeakMemoryAsync"/> then covers only what follows.</summary>
    Task ResetPeakMemoryAsync();

    /// <summary>The peak memory since the reset, as text for the table ("n/a" when it cannot be read).</summary>
    Task<string> PeakMemoryAsync();
}

/// <summary>An engine with its index built: how long the build took and how much disk the index takes.</summary>
public sealed record EngineBuild(ISearchEngine Engine, int Regulations, TimeSpan Elapsed, long IndexBytes)
{
    public double DocsPerSecond => Regulations / Elapsed.TotalSeconds;
}
