using RegLookup.Data.Stores;

namespace RegLookup.Web.Platform;

/// <summary>Agency code → name, for labels on every page. Agencies change rarely; the list is read again after a minute.</summary>
public sealed class AgencyNames(AgencyStore agencies)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(Dictionary<string, string> Names, DateTime ReadAt);

    public async Task<IReadOnlyDictionary<string, string>> GetAsync()
    {
        var snapshot = _snapshot;
        if (snapshot is null || DateTime.UtcNow - snapshot.ReadAt > MaxAge)
            _snapshot = snapshot = new Snapshot((await agencies.ListAsync()).ToDictionary(a => a.Code, a => a.Name), DateTime.UtcNow);
        return snapshot.Names;
    }
}
