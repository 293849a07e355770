using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Components.Tests;

public sealed class RegisterFormTests : PortalComponentTest
{
    public RegisterFormTests(PortalData data) : base(data)
    {
        // A developer's machine without SMTP: the page shows the confirmation link.
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        Services.AddAccounts(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
    }

    private static void Fill(IRenderedComponent<RegisterPage> page, string email, string taxCode)
    {
        page.Find("#email").Change(email);
        page.Find("#password").Change("Mật-khẩu-2026");
        page.Find("#confirm-password").Change("Mật-khẩu-2026");
        page.Find("#display-name").Change("Đỗ Minh Quân");
        page.Find("#respondent-type").Change("enterprise");
        page.Find("#organization").Change("Công ty Cổ phần Vận tải Quân Minh");
        page.Find("#tax-code").Change(taxCode);
    }

    [Fact]
    public void A_bad_field_is_announced_marked_invalid_and_described_by_its_message()
    {
        var page = Render<RegisterPage>();
        Fill(page, "quan.do@example.vn", "0101-234");

        page.Find("form").Submit();

        var summary = page.Find("[role=alert]");
        Assert.Contains("Mã số thuế gồm 10 chữ số", summary.TextContent);
        Assert.EndsWith("#tax-code", summary.QuerySelector("a")!.GetAttribute("href"));
        var input = page.Find("#tax-code");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("tax-code-hint tax-code-error", input.GetAttribute("aria-describedby"));
        Assert.Contains("Mã số thuế gồm 10 chữ số", page.Find("#tax-code-error").TextContent);
        Assert.Null(page.Find("#email").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task A_valid_form_creates_the_account_and_shows_the_check_your_email_page_with_the_development_link()
    {
        var email = $"quan.{Guid.NewGuid():N}@example.vn";
        var page = Render<RegisterPage>();
        Fill(page, email, "0101234567-001");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Kiểm tra hộp thư của bạn", page.Find("h1").TextContent));
        Assert.StartsWith("/account/confirm?userId=", page.Find(".dev-link a").GetAttribute("href"));
        var user = await new UserStore(Data.Db).FindByNormalizedEmailAsync(email.ToUpperInvariant());
        Assert.Equal("0101234567-001", user!.TaxCode);
    }
}
