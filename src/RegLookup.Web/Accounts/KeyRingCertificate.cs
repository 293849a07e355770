using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RegLookup.Web.Accounts;

/// <summary>
/// The certificate that encrypts the data-protection keys kept in the database (<c>RegLookup:DataProtection:
/// CertificatePath</c>, a PKCS#12 file, and <c>CertificatePassword</c>). Without it, anyone who can read the
/// database can forge sign-in cookies; with it, every web node needs the same file.
/// </summary>
public static class KeyRingCertificate
{
    public const string Section = "RegLookup:DataProtection";
    private const string PathKey = $"{Section}:CertificatePath";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[PathKey]);

    /// <summary>The configured certificate, or null when none is; a path that is set but cannot be loaded stops
    /// the start with the reason, rather than leaving the keys unprotected.</summary>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        if (!IsConfigured(configuration)) return null;
        var path = configuration[PathKey]!;
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:CertificatePassword"]);
            if (!certificate.HasPrivateKey) throw new InvalidOperationException($"{PathKey}: {path} holds no private key");
            return certificate;
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{PathKey}: {path} cannot be loaded: {ex.Message}", ex);
        }
    }
}
