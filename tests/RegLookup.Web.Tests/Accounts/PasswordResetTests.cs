using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests.Accounts;

public class PasswordResetTests
{
    private const string NewPassword = "Mật-khẩu-mới-2027";

    private static Task<HttpResponseMessage> AskForResetAsync(HttpClient browser, string email) =>
        PortalUsers.PostFormAsync(browser, "/account/forgot-password", "forgot-password", new() { ["Input.Email"] = email });

    [Fact]
    public async Task The_answer_is_the_same_for_an_unknown_address_and_nothing_is_sent()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan");
        var browser = PortalUsers.Browser(portal);

        var known = AccountForms.Text(await (await AskForResetAsync(browser, "lan.nguyen@example.vn")).Content.ReadAsStringAsync());
        var unknown = AccountForms.Text(await (await AskForResetAsync(browser, "ai.do@example.vn")).Content.ReadAsStringAsync());

        const string answer = "Nếu địa chỉ này có tài khoản trên cổng, chúng tôi đã gửi tới đó đường dẫn đặt lại mật khẩu";
        Assert.Contains(answer, known);
        Assert.Contains(answer, unknown);
        Assert.Single(await portal.Services.GetRequiredService<OutboxStore>().ListToAsync("lan.nguyen@example.vn"));
        Assert.Empty(await portal.Services.GetRequiredService<OutboxStore>().ListToAsync("ai.do@example.vn"));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_mailed_link_sets_a_new_password_once(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan");
        var browser = PortalUsers.Browser(portal);
        Assert.Equal(HttpStatusCode.OK, (await AskForResetAsync(browser, "Lan.Nguyen@example.vn")).StatusCode);
        var link = await AccountForms.MailedLinkAsync(portal, "lan.nguyen@example.vn", "/account/reset-password");

        async Task<string> ResetAsync(string password, string confirm) => AccountForms.Text(await (await PortalUsers.PostFormAsync(browser, link,
            "reset-password", new() { ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm })).Content.ReadAsStringAsync());

        Assert.Contains("Hai lần nhập mật khẩu không khớp nhau.", await ResetAsync(NewPassword, NewPassword + "x"));
        Assert.Contains("Mật khẩu cần có ít nhất một chữ hoa (A–Z).", await ResetAsync("mat-khau-2027", "mat-khau-2027"));
        Assert.Contains("Đã đặt mật khẩu mới.", await ResetAsync(NewPassword, NewPassword));

        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalUsers.SignInAsync(portal, "lan.nguyen@example.vn"));
        await PortalUsers.SignInAsync(portal, "lan.nguyen@example.vn", NewPassword);
        // The new password renewed the security stamp, which the token was bound to: the link works once.
        Assert.Contains("Đường dẫn không hợp lệ hoặc đã hết hạn", await ResetAsync("Lần-thứ-hai-2028", "Lần-thứ-hai-2028"));
        var audit = await portal.Services.GetRequiredService<AuditLog>().ListForAsync("user",
            (await portal.Services.GetRequiredService<UserStore>().FindByNormalizedEmailAsync("LAN.NGUYEN@EXAMPLE.VN"))!.Id);
        Assert.Single(audit, e => e.Action == "user.reset_password");
    }

    [Fact]
    public async Task A_reset_link_without_its_code_is_refused()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var user = await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan");

        var response = await PortalUsers.PostFormAsync(PortalUsers.Browser(portal), $"/account/reset-password?userId={user.Id}",
            "reset-password", new() { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        Assert.Contains("Đường dẫn không hợp lệ hoặc đã hết hạn", await response.Content.ReadAsStringAsync());
        await PortalUsers.SignInAsync(portal, "lan.nguyen@example.vn");
    }
}
