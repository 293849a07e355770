using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RegLookup.Data;
using RegLookup.Testing;

namespace RegLookup.Web.Tests;

/// <summary>The real web app over a fresh database of the given engine, seeded from a dataset folder on first start.</summary>
public sealed class PortalFactory(string connectionString, string seedPath, string dataPath) : WebApplicationFactory<Program>
{
    private Func<Task>? _drop;

    public static async Task<PortalFactory> CreateAsync(DbEngine engine, string? seedPath = null)
    {
        var (connectionString, drop) = await TestDatabase.ConnectionStringAsync(engine);
        return new PortalFactory(connectionString, seedPath ?? new SampleDataset().WriteToTemp(), NewDataPath()) { _drop = drop };
    }

    /// <summary>A second web node on the same database, with its own data folder and search index.</summary>
    public PortalFactory Sibling() => new(connectionString, seedPath, NewDataPath());

    /// <summary>Waits until /healthz says the database and this node's search index are ready.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        // Each request stands alone, as a shared link does: no cookies carried over, redirects shown as they are.
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        for (var i = 0; i < 300; i++)
        {
            if ((await client.GetAsync("/healthz")).IsSuccessStatusCode) return client;
            await Task.Delay(100);
        }
        throw new TimeoutException("The portal did not become ready in 30 s");
    }

    private static string NewDataPath() => Path.Combine(Path.GetTempPath(), "reglookup-tests", "data-" + Guid.NewGuid().ToString("N")[..8]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:RegLookup", connectionString);
        builder.UseSetting("RegLookup:SeedPath", seedPath);
        builder.UseSetting("RegLookup:DataPath", dataPath);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_drop is not null) await _drop();
    }
}
