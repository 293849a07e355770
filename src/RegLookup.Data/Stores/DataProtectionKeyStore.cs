using Dapper;

namespace RegLookup.Data.Stores;

/// <summary>The data-protection key ring as XML rows, so every web node signs and reads the same cookies and tokens.</summary>
public sealed class DataProtectionKeyStore(Database db)
{
    public Task<List<string>> AllAsync() =>
        db.ReadAsync(async c => (await c.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY created_at")).ToList());

    public Task StoreAsync(string friendlyName, string xml) => db.WriteAsync(s => s.ExecuteAsync("""
        INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now)
        ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml
        """, new { friendlyName, xml, now = DateTimeOffset.UtcNow }));
}
