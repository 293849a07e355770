using System.Diagnostics;
using RegLookup.Data;
using RegLookup.Indexing;
using RegLookup.Indexing.Analysis;
using RegLookup.Indexing.Lifecycle;
using RegLookup.Indexing.Querying;

namespace RegLookup.Bench.Search;

/// <summary>Our search: the Lucene index the web node builds, queried through the SearchService behind /api/search
/// (total, top 20 with snippets, facets), without the HTTP and JSON around it, as for the other engines.</summary>
public sealed class LuceneEngine : ISearchEngine
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFilters = new Dictionary<string, IReadOnlyList<string>>();
    private readonly SearchIndex _index;
    private readonly SearchService _search;

    private LuceneEngine(SearchIndex index)
    {
        _index = index;
        _search = new SearchService(index, QueryVocabulary.Default);
    }

    public string Name => "RegLookup (Lucene)";

    /// <summary>Builds the index from the database the way a new node does, with the follower's rebuild.</summary>
    public static async Task<EngineBuild> BuildAsync(Database db, string folder, int regulations)
    {
        var index = new SearchIndex(folder);
        var clock = Stopwatch.StartNew();
        await new IndexFollower(index, db) { Progress = new Progress<string>(Console.WriteLine) }.RebuildAsync();
        clock.Stop();
        var bytes = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        return new EngineBuild(new LuceneEngine(index), regulations, clock.Elapsed, bytes);
    }

    public Task<int> SearchAsync(BenchQuery query)
    {
        var result = _search.Search(new SearchRequest
        {
            Query = query.Text,
            PageSize = 20,
            Filters = query.Agency is null ? NoFilters : new Dictionary<string, IReadOnlyList<string>> { [IndexSchema.Facets.Agency] = [query.Agency] },
        });
        return Task.FromResult(result.Total);
    }

    public Task ResetPeakMemoryAsync()
    {
        ProcessMemory.ResetSelf();
        return Task.CompletedTask;
    }

    public Task<string> PeakMemoryAsync() => Task.FromResult($"{ProcessMemory.PeakOfSelf()} (bench process)");

    public ValueTask DisposeAsync()
    {
        _index.Dispose();
        return ValueTask.CompletedTask;
    }
}
