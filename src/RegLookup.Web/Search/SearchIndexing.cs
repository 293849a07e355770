using Microsoft.Extensions.Options;
using RegLookup.Data;
using RegLookup.Indexing.Analysis;
using RegLookup.Indexing.Lifecycle;
using RegLookup.Indexing.Querying;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Search;

public static class SearchIndexing
{
    /// <summary>This node's search index under the data folder, the follower that keeps it current, and search.</summary>
    public static IServiceCollection AddRegLookupSearch(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SearchIndex(Path.Combine(
            PlatformServices.DataFolder(sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<IOptions<RegLookupOptions>>().Value), "index")));
        services.AddSingleton(sp => new IndexFollower(sp.GetRequiredService<SearchIndex>(), sp.GetRequiredService<Database>())
        {
            Progress = new LogProgress(sp.GetRequiredService<ILogger<IndexFollower>>()),
        });
        services.AddSingleton(QueryVocabulary.Default);
        services.AddSingleton<SearchService>();
        services.AddHostedService<IndexFollowerService>();
        return services;
    }

    /// <summary>Opens or builds the index in the background (health says "not ready" meanwhile), then follows the feed.</summary>
    private sealed class IndexFollowerService(IndexFollower follower, ILogger<IndexFollowerService> log) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await follower.StartAsync(stoppingToken);
                    await follower.RunAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // A database that is briefly away must not stop the node from following it when it returns.
                    log.LogError(ex, "Search index follower failed; retrying in 5 s");
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
    }

    private sealed class LogProgress(ILogger log) : IProgress<string>
    {
        public void Report(string value) => log.LogInformation("{Message}", value);
    }
}
