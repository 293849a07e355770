using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests.Accounts;

public class ChangePasswordTests
{
    private const string NewPassword = "Mat-khau-moi-2026";

    private static Dictionary<string, string> Form(string current, string password, string confirm) => new()
    {
        ["Input.CurrentPassword"] = current, ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm,
    };

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_person_changes_their_password_and_signs_in_with_the_new_one_only(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var user = await PortalUsers.CreateAsync(portal, "tuan.le@example.vn", "Lê Minh Tuấn");
        var browser = await PortalUsers.SignInAsync(portal, "tuan.le@example.vn");
        Assert.Contains("/account/password", await browser.GetStringAsync("/account"));

        var changed = await PortalUsers.PostFormAsync(browser, "/account/password", "change-password", Form(PortalUsers.Password, NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Đã đổi mật khẩu.", await changed.Content.ReadAsStringAsync());
        Assert.Contains("Lê Minh Tuấn", await browser.GetStringAsync("/account")); // this browser stays signed in
        await PortalUsers.SignInAsync(portal, "tuan.le@example.vn", NewPassword);
        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalUsers.SignInAsync(portal, "tuan.le@example.vn"));
        Assert.Contains(await portal.Services.GetRequiredService<AuditLog>().ListForAsync("user", user.Id), e => e.Action == "user.change_password");
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_mismatched_new_one_changes_nothing_and_says_why()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        await PortalUsers.CreateAsync(portal, "tuan.le@example.vn", "Lê Minh Tuấn");
        var browser = await PortalUsers.SignInAsync(portal, "tuan.le@example.vn");

        var wrong = AccountForms.Text(await (await PortalUsers.PostFormAsync(browser, "/account/password", "change-password",
            Form("khong-phai-mat-khau", NewPassword, NewPassword))).Content.ReadAsStringAsync());
        var mismatched = AccountForms.Text(await (await PortalUsers.PostFormAsync(browser, "/account/password?culture=en", "change-password",
            Form(PortalUsers.Password, NewPassword, NewPassword + "x"))).Content.ReadAsStringAsync());

        Assert.Contains("Mật khẩu hiện tại không đúng.", wrong);
        Assert.Contains("The two passwords do not match.", mismatched);
        await PortalUsers.SignInAsync(portal, "tuan.le@example.vn");
        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalUsers.SignInAsync(portal, "tuan.le@example.vn", NewPassword));
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);

        var response = await PortalUsers.Browser(portal).GetAsync("/account/password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }
}
