using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests.Accounts;

public class RegistrationTests
{
    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Registering_mails_a_confirmation_link_that_opens_the_account_for_sign_in(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var browser = PortalUsers.Browser(portal);

        var page = AccountForms.Text(await AccountForms.RegisterAsync(browser, AccountForms.Registration("ha.pham@thucphamsach.vn")));
        Assert.Contains("Kiểm tra hộp thư của bạn", page);
        Assert.Contains("ha.pham@thucphamsach.vn", page);
        Assert.DoesNotContain("/account/confirm?", page); // the link is shown only to a developer without SMTP

        var users = portal.Services.GetRequiredService<UserStore>();
        var user = await users.FindByNormalizedEmailAsync("HA.PHAM@THUCPHAMSACH.VN");
        Assert.NotNull(user);
        Assert.False(user.EmailConfirmed);
        Assert.Equal(("enterprise", "Công ty TNHH Thực phẩm Sạch Hà Nội", "0101234567", "0912345678"),
            (user.RespondentType, user.Organization, user.TaxCode, user.Phone));
        Assert.Equal([Roles.Member], await users.RolesAsync(user.Id));

        var signIn = await PortalUsers.PostFormAsync(PortalUsers.Browser(portal), "/account/login", "login",
            new() { ["Input.Email"] = "ha.pham@thucphamsach.vn", ["Input.Password"] = PortalUsers.Password });
        Assert.Contains("Tài khoản chưa được xác nhận", await signIn.Content.ReadAsStringAsync());

        var mail = Assert.Single(await portal.Services.GetRequiredService<OutboxStore>().ListToAsync("ha.pham@thucphamsach.vn"));
        Assert.Contains("Xác nhận", mail.Subject);
        Assert.Contains("Phạm Thu Hà", mail.Body);
        var confirmed = await browser.GetStringAsync(await AccountForms.MailedLinkAsync(portal, "ha.pham@thucphamsach.vn", "/account/confirm"));
        Assert.Contains("Đã xác nhận thư điện tử", confirmed);

        var signedIn = await PortalUsers.SignInAsync(portal, "ha.pham@thucphamsach.vn");
        Assert.Contains("Phạm Thu Hà", await signedIn.GetStringAsync("/account"));
        var audit = await portal.Services.GetRequiredService<AuditLog>().ListForAsync("user", user.Id);
        Assert.Contains(audit, e => e.Action == "user.register");
        Assert.Contains(audit, e => e.Action == "user.confirm_email");
        // The audit trail names what may be public, never the personal data itself.
        Assert.DoesNotContain(audit, e => (e.AfterJson ?? "").Contains("0101234567") || (e.AfterJson ?? "").Contains("0912"));
    }

    [Fact]
    public async Task A_mangled_confirmation_link_confirms_nothing()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var browser = PortalUsers.Browser(portal);
        await AccountForms.RegisterAsync(browser, AccountForms.Registration("minh@example.vn"));
        var link = await AccountForms.MailedLinkAsync(portal, "minh@example.vn", "/account/confirm");

        var page = await browser.GetStringAsync(link[..^4] + "AAAA");

        Assert.Contains("Đường dẫn không hợp lệ hoặc đã hết hạn", page);
        Assert.False((await portal.Services.GetRequiredService<UserStore>().FindByNormalizedEmailAsync("MINH@EXAMPLE.VN"))!.EmailConfirmed);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("010123456")]
    [InlineData("01012345670")]
    [InlineData("0101234567-01")]
    [InlineData("01012345670012")]
    [InlineData("MST0101234567")]
    public async Task A_bad_tax_code_is_refused_with_a_clear_message_and_creates_nothing(string taxCode)
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);

        var page = await AccountForms.RegisterAsync(PortalUsers.Browser(portal), AccountForms.Registration("ke.toan@example.vn", ("TaxCode", taxCode)));

        Assert.Contains("Mã số thuế gồm 10 chữ số, hoặc 13 chữ số viết dạng 0101234567-001.", page);
        Assert.Contains("id=\"tax-code-error\"", page);
        Assert.Contains("aria-invalid=\"true\"", page);
        Assert.Null(await portal.Services.GetRequiredService<UserStore>().FindByNormalizedEmailAsync("KE.TOAN@EXAMPLE.VN"));
        Assert.Empty(await portal.Services.GetRequiredService<OutboxStore>().ListToAsync("ke.toan@example.vn"));
    }

    [Theory]
    [InlineData("", "Doanh nghiệp cần nhập mã số thuế.")]
    [InlineData("  ", "Doanh nghiệp cần nhập mã số thuế.")]
    public async Task An_enterprise_must_give_its_tax_code(string taxCode, string message)
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var page = await AccountForms.RegisterAsync(PortalUsers.Browser(portal), AccountForms.Registration("dn@example.vn", ("TaxCode", taxCode)));
        Assert.Contains(message, page);
    }

    [Theory]
    [InlineData("enterprise", false)]
    [InlineData("association", false)]
    [InlineData("agency", false)]
    [InlineData("expert", true)]
    [InlineData("individual", true)]
    public async Task An_organization_is_required_for_enterprises_associations_and_agencies(string respondentType, bool accepted)
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);

        var page = await AccountForms.RegisterAsync(PortalUsers.Browser(portal),
            AccountForms.Registration("to.chuc@example.vn", ("RespondentType", respondentType), ("Organization", " ")));

        Assert.Equal(!accepted, page.Contains("Vui lòng nhập tên tổ chức"));
        Assert.Equal(accepted, await portal.Services.GetRequiredService<UserStore>().FindByNormalizedEmailAsync("TO.CHUC@EXAMPLE.VN") is not null);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_email_that_already_has_an_account_is_refused_whatever_its_case(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan");

        var page = AccountForms.Text(await AccountForms.RegisterAsync(PortalUsers.Browser(portal), AccountForms.Registration("Lan.Nguyen@Example.VN")));

        Assert.Contains("Thư điện tử này đã được dùng cho một tài khoản khác.", page);
        Assert.Single(await portal.Services.GetRequiredService<UserStore>().ListAsync("lan.nguyen"));
    }

    [Fact]
    public async Task A_weak_or_mistyped_password_gets_one_message_per_broken_rule()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var browser = PortalUsers.Browser(portal);

        var page = AccountForms.Text(await AccountForms.RegisterAsync(browser,
            AccountForms.Registration("yeu@example.vn", ("Password", "abc"), ("ConfirmPassword", "abd"))));

        Assert.Contains("Mật khẩu quá ngắn: cần ít nhất 8 ký tự.", page);
        Assert.Contains("Hai lần nhập mật khẩu không khớp nhau.", page);
        Assert.DoesNotContain("Passwords must", page); // Identity's own English text never leaks through

        page = AccountForms.Text(await AccountForms.RegisterAsync(browser,
            AccountForms.Registration("yeu@example.vn", ("Password", "matkhaudai"), ("ConfirmPassword", "matkhaudai"))));
        Assert.Contains("Mật khẩu cần có ít nhất một chữ số (0–9).", page);
        Assert.Null(await portal.Services.GetRequiredService<UserStore>().FindByNormalizedEmailAsync("YEU@EXAMPLE.VN"));
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once_in_english_when_english_is_chosen()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var browser = PortalUsers.Browser(portal);
        await browser.GetAsync("/culture/en?redirect=/");

        var page = AccountForms.Text(await AccountForms.RegisterAsync(browser, AccountForms.Registration("not-an-email",
            ("DisplayName", ""), ("RespondentType", "robot"), ("Phone", "12ab"))));

        Assert.Contains("Please correct the following:", page);
        Assert.Contains("This is not a valid e-mail address", page);
        Assert.Contains("Please enter a display name.", page);
        Assert.Contains("Please choose a respondent type from the list.", page);
        Assert.Contains("This phone number is not valid", page);
        Assert.Empty(await portal.Services.GetRequiredService<UserStore>().ListAsync());
    }

    [Fact]
    public async Task The_form_labels_every_field_and_ties_hints_to_their_inputs()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var page = await PortalUsers.Browser(portal).GetStringAsync("/account/register");

        foreach (var id in new[] { "email", "password", "confirm-password", "display-name", "respondent-type", "organization", "tax-code", "phone" })
        {
            Assert.Contains($"<label for=\"{id}\">", page);
            Assert.Contains($"id=\"{id}\"", page);
        }
        Assert.Contains("aria-describedby=\"tax-code-hint\"", page);
        Assert.Contains("không bao giờ được công khai", page);
    }
}
