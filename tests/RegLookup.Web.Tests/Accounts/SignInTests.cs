using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Web.Accounts;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Testing;

namespace RegLookup.Web.Tests.Accounts;

public class SignInTests
{
    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_confirmed_user_signs_in_and_out_and_sees_their_name(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan");

        var browser = await PortalUsers.SignInAsync(portal, "lan.nguyen@example.vn");
        Assert.Contains("Nguyễn Thị Lan", await browser.GetStringAsync("/"));

        var signOut = await PortalUsers.PostFormAsync(browser, "/", null, [], "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var home = await browser.GetStringAsync("/");
        Assert.DoesNotContain("Nguyễn Thị Lan", home);
        Assert.Contains("Đăng nhập", home);
    }

    [Theory]
    [InlineData("%2Fproposals%2FPA-BCT-XD-2026-01", "/proposals/PA-BCT-XD-2026-01")]
    [InlineData("%2F%2Fevil.example%2F", "/")]
    [InlineData("https%3A%2F%2Fevil.example%2F", "/")]
    [InlineData("%2F%5Cevil.example", "/")]
    public async Task Sign_in_returns_only_to_a_path_on_this_site(string returnUrl, string expected)
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, "hoa.do@example.vn", "Đỗ Thị Hoa");

        var response = await PortalUsers.PostFormAsync(PortalUsers.Browser(portal), $"/account/login?ReturnUrl={returnUrl}", "login",
            new() { ["Input.Email"] = "hoa.do@example.vn", ["Input.Password"] = PortalUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The test server's own address counts as this site; any other host is the open redirect this guards against.
        var location = response.Headers.Location!;
        Assert.Equal(expected, !location.IsAbsoluteUri ? location.OriginalString
            : location.Host == "localhost" ? location.AbsolutePath : location.ToString());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_vietnamese_and_five_lock_the_account()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, "minh.tran@example.vn", "Trần Văn Minh");
        var browser = PortalUsers.Browser(portal);

        async Task<string> TryAsync(string password) => await (await PortalUsers.PostFormAsync(browser, "/account/login", "login",
            new() { ["Input.Email"] = "minh.tran@example.vn", ["Input.Password"] = password })).Content.ReadAsStringAsync();

        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng", await TryAsync("sai-mat-khau"));
        for (var i = 0; i < 4; i++) await TryAsync("sai-mat-khau");
        Assert.Contains("Tài khoản tạm khóa", await TryAsync(PortalUsers.Password));
    }

    [Fact]
    public async Task A_drafter_gets_role_and_agency_claims_that_the_permissions_read()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        await portal.ReadyClientAsync();
        var user = await PortalUsers.CreateAsync(portal, "drafter@moit.gov.vn", "Vụ Thị trường trong nước", "agency", agency: "BCT", roles: Roles.Drafter);

        using var scope = portal.Services.CreateScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);

        Assert.True(Permissions.Can(principal, PortalAction.ManageProposal, "BCT"));
        Assert.False(Permissions.Can(principal, PortalAction.ManageProposal, "BYT"));
    }
}
