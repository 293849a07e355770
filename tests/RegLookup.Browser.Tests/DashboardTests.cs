using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegLookup.Browser.Tests;

[Collection(PortalCollection.Name)]
public class DashboardTests(PortalServer server, ChromiumBrowser chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task The_dashboard_filters_by_period_and_agency_and_drills_down_to_the_list()
    {
        var page = await OpenAsync("/dashboard");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Theo dõi kết quả cắt giảm, đơn giản hóa quy định kinh doanh");
        await Expect(page.Locator("[role=progressbar]")).ToHaveCountAsync(2);
        await Expect(page.Locator("svg").First).ToBeVisibleAsync();
        var allComments = LeadingNumber(await page.Locator(".figure-value").Nth(2).InnerTextAsync());

        // A period: the consultation figures shrink to what was said in it.
        await page.Locator("input[name=from]").FillAsync("2026-01-01");
        await page.Locator("select[name=agency]").SelectOptionAsync("BCA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/dashboard\?from=2026-01-01&to=&agency=BCA$"));
        var periodComments = LeadingNumber(await page.Locator(".figure-value").Nth(2).InnerTextAsync());
        Assert.InRange(periodComments, 1, allComments - 1);
        await ScreenshotAsync(page);

        // Every figure is a link to the list behind it: the regulations of this agency by status.
        var figure = page.Locator(".table-twin a[href*='status=in_force']").First;
        await page.Locator(".table-twin summary").First.ClickAsync();
        var count = LeadingNumber(await figure.InnerTextAsync());
        await figure.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?agency=BCA&status=in_force$"));
        Assert.Equal(count, LeadingNumber(await page.Locator("#result-count").InnerTextAsync()));
    }
}
