using RegLookup.Data;
using RegLookup.Indexing.Querying;
using RegLookup.Testing;

namespace RegLookup.Web.Components.Tests;

/// <summary>
/// The sample dataset in a SQLite database and a search index built from it, made once for the tests of
/// <see cref="PortalCollection"/>. Tests read it; a test that writes uses records of its own.
/// </summary>
public sealed class PortalData : IAsyncLifetime
{
    private IndexedSample? _sample;

    public Database Db => Sample.Db;
    public SearchService Search => Sample.Search;

    private IndexedSample Sample => _sample ?? throw new InvalidOperationException("Not initialized");

    public async Task InitializeAsync() => _sample = await IndexedSample.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_sample is not null) await _sample.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalData>
{
    public const string Name = "Portal";
}
