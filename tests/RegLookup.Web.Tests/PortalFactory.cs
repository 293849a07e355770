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
        var data = Path.Combine(Path.GetTempPath(), "reglookup-tests", "data-" + Guid.NewGuid().ToString("N")[..8]);
        return new PortalFactory(connectionString, seedPath ?? new SampleDataset().WriteToTemp(), data) { _drop = drop };
    }

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
