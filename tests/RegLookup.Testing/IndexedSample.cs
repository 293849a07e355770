using RegLookup.Data;
using RegLookup.Indexing.Analysis;
using RegLookup.Indexing.Lifecycle;
using RegLookup.Indexing.Querying;

namespace RegLookup.Testing;

/// <summary>A database loaded with a dataset folder and a search index built from it, in temporary folders.</summary>
public sealed class IndexedSample : IAsyncDisposable
{
    private IndexedSample(TestDatabase database, string folder)
    {
        Database = database;
        Folder = folder;
        Index = new SearchIndex(folder);
        Follower = new IndexFollower(Index, database.Db);
        Search = new SearchService(Index, QueryVocabulary.Default);
    }

    public TestDatabase Database { get; }
    public Database Db => Database.Db;
    public string Folder { get; }
    public SearchIndex Index { get; private set; }
    public IndexFollower Follower { get; private set; }
    public SearchService Search { get; private set; }

    public static async Task<IndexedSample> CreateAsync(string? dataset = null, DbEngine engine = DbEngine.Sqlite)
    {
        var database = await TestDatabase.CreateLoadedAsync(engine, dataset);
        var sample = new IndexedSample(database, Path.Combine(Path.GetTempPath(), "reglookup-tests", "index-" + Guid.NewGuid().ToString("N")[..8]));
        await sample.Follower.StartAsync();
        return sample;
    }

    /// <summary>Closes the index and opens it again from disk, as a restarted node does.</summary>
    public async Task ReopenAsync()
    {
        Index.Dispose();
        Index = new SearchIndex(Folder);
        Follower = new IndexFollower(Index, Db);
        Search = new SearchService(Index, QueryVocabulary.Default);
        await Follower.StartAsync();
    }

    public SearchResult Find(string query, string type = "regulation", Dictionary<string, IReadOnlyList<string>>? filters = null, int page = 1, int pageSize = 20, string sort = "relevance") =>
        Search.Search(new SearchRequest { Query = query, Type = type, Filters = filters ?? [], Page = page, PageSize = pageSize, Sort = sort });

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        await Database.DisposeAsync();
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
