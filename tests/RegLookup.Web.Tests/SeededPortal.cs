using RegLookup.Data;
using RegLookup.Testing;

namespace RegLookup.Web.Tests;

/// <summary>One portal over the real seed-data on SQLite, shared by the tests of a class: pages and API read it only.</summary>
public sealed class SeededPortal : IAsyncLifetime
{
    public PortalFactory Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await PortalFactory.CreateAsync(DbEngine.Sqlite, RepoPaths.SeedData);
        Client = await Factory.ReadyClientAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
