using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Tests.Accounts;

public class AdminUsersTests
{
    private const string AdminEmail = "quantri@reglookup.vn";

    private static async Task<HttpClient> AdminAsync(WebApplicationFactory<Program> portal)
    {
        await PortalUsers.CreateAsync(portal, AdminEmail, "Quản trị viên", roles: [Roles.Member, Roles.Admin]);
        return await PortalUsers.SignInAsync(portal, AdminEmail);
    }

    private static async Task<string> ActAsync(HttpClient admin, string userId, string form, Dictionary<string, string> fields)
    {
        var response = await PortalUsers.PostFormAsync(admin, $"/admin/users/{userId}", form, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return AccountForms.Text(await response.Content.ReadAsStringAsync());
    }

    private static Task<string> GrantAsync(HttpClient admin, string userId, string role, string agency = "") =>
        ActAsync(admin, userId, "grant", new() { ["Grant.Role"] = role, ["Grant.Agency"] = agency });

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_admin_makes_someone_a_drafter_of_an_agency_and_their_cookie_then_allows_managing_its_proposals(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var node = PermissionProbe.On(portal);
        var person = await PortalUsers.CreateAsync(node, "chuyenvien@moit.gov.vn", "Lê Văn Nam", "agency", "Bộ Công Thương", roles: Roles.Member);
        var personBrowser = await PortalUsers.SignInAsync(node, "chuyenvien@moit.gov.vn");
        Assert.False(await PermissionProbe.CanAsync(personBrowser, PortalAction.ManageProposal, "BCT"));
        var admin = await AdminAsync(node);

        Assert.Contains("Vui lòng chọn cơ quan khi cấp vai trò cán bộ soạn thảo.", await GrantAsync(admin, person.Id, Roles.Drafter));
        Assert.Contains("Không có cơ quan với mã này.", await GrantAsync(admin, person.Id, Roles.Drafter, "BXX"));
        Assert.Contains("Đã lưu thay đổi.", await GrantAsync(admin, person.Id, Roles.Drafter, "BCT"));

        // The same cookie, signed in before the grant, now carries the role and the agency.
        Assert.True(await PermissionProbe.CanAsync(personBrowser, PortalAction.ManageProposal, "BCT"));
        Assert.False(await PermissionProbe.CanAsync(personBrowser, PortalAction.ManageProposal, "BYT"));
        Assert.False(await PermissionProbe.CanAsync(personBrowser, PortalAction.GrantRoles));

        var users = node.Services.GetRequiredService<UserStore>();
        Assert.Equal("BCT", (await users.FindByIdAsync(person.Id))!.Agency);
        var grant = Assert.Single(await node.Services.GetRequiredService<AuditLog>().ListForAsync("user", person.Id), e => e.Action == "role.grant" && e.BeforeJson is not null);
        var adminId = (await users.FindByNormalizedEmailAsync(AdminEmail.ToUpperInvariant()))!.Id;
        Assert.Equal($"user:{adminId}", grant.Actor);
        Assert.Equal(["member"], RolesIn(grant.BeforeJson));
        Assert.Equal(["drafter", "member"], RolesIn(grant.AfterJson));
        Assert.Contains("\"agency\":\"BCT\"", grant.AfterJson);

        Assert.Contains("Đã lưu thay đổi.", await ActAsync(admin, person.Id, "revoke", new() { ["RevokeRole"] = Roles.Drafter }));
        Assert.False(await PermissionProbe.CanAsync(personBrowser, PortalAction.ManageProposal, "BCT"));
        Assert.Null((await users.FindByIdAsync(person.Id))!.Agency);
    }

    private static List<string> RolesIn(string? json) =>
        JsonDocument.Parse(json!).RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToList();

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var admin = await AdminAsync(portal);
        var me = (await portal.Services.GetRequiredService<UserStore>().FindByNormalizedEmailAsync(AdminEmail.ToUpperInvariant()))!;

        var page = await ActAsync(admin, me.Id, "revoke", new() { ["RevokeRole"] = Roles.Admin });

        Assert.Contains("Bạn không thể tự thu hồi vai trò quản trị của chính mình", page);
        Assert.Contains(Roles.Admin, await portal.Services.GetRequiredService<UserStore>().RolesAsync(me.Id));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_admin_confirms_an_address_and_unlocks_an_account_and_both_are_audited(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var admin = await AdminAsync(portal);
        await AccountForms.RegisterAsync(PortalUsers.Browser(portal), AccountForms.Registration("ha.pham@thucphamsach.vn"));
        var users = portal.Services.GetRequiredService<UserStore>();
        var person = (await users.FindByNormalizedEmailAsync("HA.PHAM@THUCPHAMSACH.VN"))!;

        Assert.Contains("Đã lưu thay đổi.", await ActAsync(admin, person.Id, "account-state", new() { ["StateChange"] = "confirm" }));
        await PortalUsers.SignInAsync(portal, "ha.pham@thucphamsach.vn");

        var guesser = PortalUsers.Browser(portal);
        for (var i = 0; i < 5; i++)
            await PortalUsers.PostFormAsync(guesser, "/account/login", "login", new() { ["Input.Email"] = "ha.pham@thucphamsach.vn", ["Input.Password"] = "doan-mo" });
        Assert.Contains("Tạm khóa", AccountForms.Text(await admin.GetStringAsync($"/admin/users/{person.Id}")));
        Assert.Contains("Đã lưu thay đổi.", await ActAsync(admin, person.Id, "account-state", new() { ["StateChange"] = "unlock" }));
        await PortalUsers.SignInAsync(portal, "ha.pham@thucphamsach.vn");

        var audit = await portal.Services.GetRequiredService<AuditLog>().ListForAsync("user", person.Id);
        var confirm = Assert.Single(audit, e => e.Action == "user.confirm_email");
        Assert.Contains("\"emailConfirmed\":false", confirm.BeforeJson);
        Assert.Contains("\"emailConfirmed\":true", confirm.AfterJson);
        var unlock = Assert.Single(audit, e => e.Action == "user.unlock");
        Assert.Contains("\"lockedOut\":true", unlock.BeforeJson);
        Assert.Contains("\"lockedOut\":false", unlock.AfterJson);
    }

    [Fact]
    public async Task The_list_finds_accounts_by_name_email_or_organization_and_shows_the_email_only_there()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var admin = await AdminAsync(portal);
        await PortalUsers.CreateAsync(portal, "drafter@moit.gov.vn", "Vụ Thị trường trong nước", "agency", "Bộ Công Thương", "BCT", Roles.Drafter);
        await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan");

        var page = AccountForms.Text(await admin.GetStringAsync("/admin/users?q=moit"));

        Assert.Contains("drafter@moit.gov.vn", page);
        Assert.Contains("Cán bộ soạn thảo", page);
        Assert.Contains("Bộ Công Thương", page);
        Assert.DoesNotContain("lan.nguyen@example.vn", page);
        Assert.Contains("lan.nguyen@example.vn", AccountForms.Text(await admin.GetStringAsync("/admin/users")));
        Assert.Contains("Quản trị", await admin.GetStringAsync("/account"));
    }

    [Fact]
    public async Task A_member_or_a_drafter_is_denied_the_admin_screens()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var target = await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan", roles: Roles.Member);
        await PortalUsers.CreateAsync(portal, "drafter@moit.gov.vn", "Vụ Thị trường trong nước", "agency", "Bộ Công Thương", "BCT", Roles.Drafter);

        foreach (var email in new[] { "lan.nguyen@example.vn", "drafter@moit.gov.vn" })
        {
            var browser = await PortalUsers.SignInAsync(portal, email);
            foreach (var path in new[] { "/admin/users", $"/admin/users/{target.Id}" })
            {
                var response = await browser.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
            }
            Assert.DoesNotContain("href=\"/admin/users\"", await browser.GetStringAsync("/account"));
        }
    }
}
