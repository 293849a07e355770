using Microsoft.Extensions.Options;
using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Platform;

public static class PlatformServices
{
    /// <summary>The database and the stores over it, configured from the settings every deployment can set.</summary>
    public static IServiceCollection AddRegLookupData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegLookupOptions>(configuration.GetSection(RegLookupOptions.Section));
        services.AddSingleton(sp => new Database(ConnectionString(configuration, sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<IOptions<RegLookupOptions>>().Value)));
        services.AddSingleton<AgencyStore>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<RegulationStore>();
        services.AddSingleton<ProposalStore>();
        services.AddSingleton<CommentStore>();
        services.AddSingleton<WorkspaceStore>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<DatasetStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<StatsStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<DatasetImporter>();
        services.AddSingleton<DatasetExporter>();
        services.AddSingleton<DatabaseStartup>();
        return services;
    }

    public static string DataFolder(IHostEnvironment environment, RegLookupOptions options) =>
        Path.GetFullPath(options.DataPath, environment.ContentRootPath);

    private static string ConnectionString(IConfiguration configuration, IHostEnvironment environment, RegLookupOptions options) =>
        configuration.GetConnectionString("RegLookup") is { Length: > 0 } configured
            ? configured
            : $"Data Source={Path.Combine(DataFolder(environment, options), "reglookup.db")}";
}
