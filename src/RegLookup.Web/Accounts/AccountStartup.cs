using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using RegLookup.Data;

namespace RegLookup.Web.Accounts;

/// <summary>What accounts need once the database is migrated and before the node takes requests.</summary>
public static class AccountStartup
{
    /// <summary>How long before a key's expiry a new one is made, as the data-protection system itself does.</summary>
    private static readonly TimeSpan KeyPropagation = TimeSpan.FromDays(2);

    public static async Task PrepareAccountsAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !KeyRingCertificate.IsConfigured(app.Configuration))
            app.Logger.LogWarning("The data-protection keys in the database are not encrypted: set {Section}:CertificatePath " +
                "(and CertificatePassword) to a PKCS#12 file that every web node has", KeyRingCertificate.Section);
        await EnsureSharedKeyAsync(app.Services);
        await DevelopmentAdmin.SeedAsync(app.Services, app.Environment, app.Configuration);
    }

    /// <summary>
    /// Makes sure the shared key ring holds a usable key before this node reads it. Each node loads its key ring when
    /// the host starts and keeps it (for a day); when it finds no key it creates one. A node started after another
    /// finds that one's key, but nodes starting at the same moment would all find the table empty, each create and
    /// use its own key, and refuse each other's cookies and antiforgery tokens (ASP.NET Core looks again for an
    /// unknown key only in the first minutes after start-up). So the key is made here, before the host starts,
    /// under the start-up lock that migrations use: the first node creates it and the others wait and find it
    /// (MultiNodeTests start three nodes at once).
    /// </summary>
    public static async Task EnsureSharedKeyAsync(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var lifetime = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
        var db = services.GetRequiredService<Database>();
        void Ensure()
        {
            var now = DateTimeOffset.UtcNow;
            if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now + KeyPropagation))
                keys.CreateNewKey(now, now + lifetime);
        }

        // SQLite serves one node, and its write transaction would block the key's own write on another connection.
        if (db.Dialect.LockMigrationsSql is not { } startupLock)
        {
            Ensure();
            return;
        }
        await db.WriteAsync(async s =>
        {
            await s.ExecuteAsync(startupLock);
            Ensure();
        });
    }
}
