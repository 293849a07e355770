using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Tests.Accounts;

public class KeyRingCertificateTests
{
    [Fact]
    public async Task With_a_certificate_the_keys_in_the_database_are_encrypted_and_another_node_still_reads_the_cookie()
    {
        var (path, password) = CertificateFile();
        await using var first = await PortalFactory.CreateAsync(DbEngine.Postgres);
        await using var second = first.Sibling();
        var a = WithCertificate(first, path, password);
        var b = WithCertificate(second, path, password);
        await PortalUsers.CreateAsync(a, "lan.nguyen@example.vn", "Nguyễn Thị Lan");
        var jar = new CookieContainer();

        var signIn = await PortalUsers.PostFormAsync(a.CreateDefaultClient(new CookieContainerHandler(jar)), "/account/login", "login",
            new() { ["Input.Email"] = "lan.nguyen@example.vn", ["Input.Password"] = PortalUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var stored = await a.Services.GetRequiredService<DataProtectionKeyStore>().AllAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml); // where an unprotected key keeps its secret
        });
        var onB = await b.CreateDefaultClient(new CookieContainerHandler(jar)).GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("lan.nguyen@example.vn", await onB.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_certificate_path_that_cannot_be_loaded_stops_the_start_with_the_reason()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{KeyRingCertificate.Section}:CertificatePath"] = Path.Combine(Path.GetTempPath(), "khong-co-tep.pfx"),
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => KeyRingCertificate.Load(configuration));

        Assert.Contains("khong-co-tep.pfx cannot be loaded", error.Message);
    }

    private static WebApplicationFactory<Program> WithCertificate(PortalFactory portal, string path, string password) =>
        portal.WithWebHostBuilder(b => b
            .UseSetting($"{KeyRingCertificate.Section}:CertificatePath", path)
            .UseSetting($"{KeyRingCertificate.Section}:CertificatePassword", password));

    /// <summary>A self-signed certificate with its RSA key, written as PKCS#12 to a temporary file.</summary>
    private static (string Path, string Password) CertificateFile()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=reglookup-keyring-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Guid.NewGuid().ToString("N");
        var path = Path.Combine(Path.GetTempPath(), $"reglookup-keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return (path, password);
    }
}
