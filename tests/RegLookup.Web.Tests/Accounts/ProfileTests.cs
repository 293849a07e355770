using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests.Accounts;

public class ProfileTests
{
    private static Dictionary<string, string> Profile(params (string Field, string Value)[] overrides)
    {
        return AccountForms.Registration("", overrides).Where(f => f.Key is not ("Input.Email" or "Input.Password" or "Input.ConfirmPassword"))
            .ToDictionary(f => f.Key, f => f.Value);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_person_edits_their_profile_and_the_header_shows_the_new_name_at_once(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var user = await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan");
        var browser = await PortalUsers.SignInAsync(portal, "lan.nguyen@example.vn");

        var page = AccountForms.Text(await browser.GetStringAsync("/account"));
        Assert.Contains("lan.nguyen@example.vn", page);
        Assert.Contains("không bao giờ được công khai", page);

        var saved = await PortalUsers.PostFormAsync(browser, "/account", "profile", Profile(("DisplayName", "Nguyễn Thị Lan Anh"),
            ("RespondentType", "association"), ("Organization", "Hiệp hội Doanh nghiệp nhỏ và vừa"), ("TaxCode", "0101234567001"), ("Phone", "")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu thông tin tài khoản.", await saved.Content.ReadAsStringAsync());

        var stored = (await portal.Services.GetRequiredService<UserStore>().FindByIdAsync(user.Id))!;
        Assert.Equal(("Nguyễn Thị Lan Anh", "association", "Hiệp hội Doanh nghiệp nhỏ và vừa", "0101234567-001", null),
            (stored.DisplayName, stored.RespondentType, stored.Organization, stored.TaxCode, stored.Phone));
        Assert.Contains("<span class=\"portal-user\">Nguyễn Thị Lan Anh</span>", await browser.GetStringAsync("/account"));
        var entry = Assert.Single(await portal.Services.GetRequiredService<AuditLog>().ListForAsync("user", user.Id), e => e.Action == "user.profile");
        Assert.Equal($"user:{user.Id}", entry.Actor);
        Assert.Equal("Nguyễn Thị Lan Anh", JsonDocument.Parse(entry.AfterJson!).RootElement.GetProperty("displayName").GetString());
        Assert.DoesNotContain("0101234567", entry.AfterJson);
    }

    [Fact]
    public async Task Bad_values_change_nothing()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var user = await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan");
        var browser = await PortalUsers.SignInAsync(portal, "lan.nguyen@example.vn");

        var response = await PortalUsers.PostFormAsync(browser, "/account", "profile",
            Profile(("DisplayName", "Tên mới"), ("RespondentType", "individual"), ("Phone", "12345")));

        Assert.Contains("Số điện thoại không hợp lệ", await response.Content.ReadAsStringAsync());
        Assert.Equal("Nguyễn Thị Lan", (await portal.Services.GetRequiredService<UserStore>().FindByIdAsync(user.Id))!.DisplayName);
    }

    [Fact]
    public async Task A_drafter_sees_their_roles_and_agency()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        await PortalUsers.CreateAsync(portal, "drafter@moit.gov.vn", "Vụ Thị trường trong nước", "agency", "Bộ Công Thương", "BCT", Roles.Member, Roles.Drafter);

        var page = AccountForms.Text(await (await PortalUsers.SignInAsync(portal, "drafter@moit.gov.vn")).GetStringAsync("/account"));

        Assert.Contains("Cán bộ soạn thảo", page);
        Assert.Contains("Cơ quan soạn thảo", page);
        Assert.Contains("Bộ Công Thương", page);
    }

    [Theory]
    [InlineData("/account")]
    [InlineData("/admin/users")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_back(string path)
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);

        var response = await PortalUsers.Browser(portal).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }
}
