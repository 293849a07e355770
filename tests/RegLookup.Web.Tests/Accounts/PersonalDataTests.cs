using RegLookup.Data;
using RegLookup.Testing;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>Decree 13/2023/NĐ-CP: e-mail, phone and tax code stay on the account, whatever public page or API is asked.</summary>
public class PersonalDataTests
{
    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task What_a_person_registers_with_never_reaches_public_pages_the_api_or_exports(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var anonymous = await portal.ReadyClientAsync();
        var browser = PortalUsers.Browser(portal);
        await AccountForms.RegisterAsync(browser, AccountForms.Registration("ha.pham@thucphamsach.vn", ("TaxCode", "0312345678-002"), ("Phone", "0987 654 321")));
        await browser.GetAsync(await AccountForms.MailedLinkAsync(portal, "ha.pham@thucphamsach.vn", "/account/confirm"));
        var signedIn = await PortalUsers.SignInAsync(portal, "ha.pham@thucphamsach.vn");

        string[] pages =
        [
            // Searches name the person, not their personal data: a search page repeats its query.
            "/", "/search?q=Phạm+Thu+Hà", "/search?q=Công+ty+TNHH+Thực+phẩm+Sạch", "/proposals/PA-BCT-XD-2026-01", "/dashboard", "/open-data",
            "/api/search?q=Phạm+Thu+Hà", "/api/proposals/PA-BCT-XD-2026-01", "/api/proposals/PA-BCT-XD-2026-01/comments",
            "/api/stats/agencies", "/api/export/comments.csv", "/feeds/consultations.atom",
        ];
        foreach (var path in pages)
            foreach (var client in new[] { anonymous, signedIn })
            {
                var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
                Assert.DoesNotContain("ha.pham@thucphamsach.vn", body);
                Assert.DoesNotContain("0312345678", body);
                Assert.DoesNotContain("0987654321", body);
            }
    }
}
