using RegLookup.Data.Stores;

namespace RegLookup.Web.Platform;

/// <summary>Agency code → name in the reader's language (the English name where there is one), for labels on every
/// page. Agencies change rarely; the list is read again after a minute.</summary>
public sealed class AgencyNames(AgencyStore agencies)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(Dictionary<string, string> Vietnamese, Dictionary<string, string> English, DateTime ReadAt);

    public async Task<IReadOnlyDictionary<string, string>> GetAsync()
    {
        var snapshot = _snapshot;
        if (snapshot is null || DateTime.UtcNow - snapshot.ReadAt > MaxAge)
        {
            var all = await agencies.ListAsync();
            _snapshot = snapshot = new Snapshot(all.ToDictionary(a => a.Code, a => a.Name),
                all.ToDictionary(a => a.Code, a => a.NameEn ?? a.Name), DateTime.UtcNow);
        }
        return System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? snapshot.English : snapshot.Vietnamese;
    }
}
