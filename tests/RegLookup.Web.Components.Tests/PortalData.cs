using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Indexing.Analysis;
using RegLookup.Indexing.Lifecycle;
using RegLookup.Indexing.Querying;
using RegLookup.Testing;

namespace RegLookup.Web.Components.Tests;

/// <summary>
/// The sample dataset in a SQLite database and a search index built from it, made once for the tests of
/// <see cref="PortalCollection"/>. Tests read it; a test that writes uses records of its own.
/// </summary>
public sealed class PortalData : IAsyncLifetime
{
    private readonly string _indexFolder = Path.Combine(Path.GetTempPath(), "reglookup-tests", "index-" + Guid.NewGuid().ToString("N")[..8]);
    private string? _datasetFolder;
    private TestDatabase? _database;
    private SearchIndex? _index;

    public Database Db => _database?.Db ?? throw new InvalidOperationException("Not initialized");
    public SearchService Search { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DbEngine.Sqlite);
        _datasetFolder = new SampleDataset().WriteToTemp();
        var result = await new DatasetImporter(Db).ImportAsync(_datasetFolder);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(5)));
        _index = new SearchIndex(_indexFolder);
        await new IndexFollower(_index, Db).StartAsync();
        Search = new SearchService(_index, QueryVocabulary.Default);
    }

    public async Task DisposeAsync()
    {
        _index?.Dispose();
        if (_database is not null) await _database.DisposeAsync();
        foreach (var folder in new[] { _indexFolder, _datasetFolder })
            try { if (folder is not null) Directory.Delete(folder, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalData>
{
    public const string Name = "Portal";
}
