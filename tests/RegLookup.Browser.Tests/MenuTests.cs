using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegLookup.Browser.Tests;

[Collection(PortalCollection.Name)]
public class MenuTests(PortalServer server, ChromiumBrowser chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task On_a_phone_the_menu_folds_behind_one_row_opens_on_a_tap_and_closes_on_the_next_page()
    {
        var page = await OpenAsync("/", width: 360, height: 740);
        var menu = page.Locator("details.portal-menu > summary");
        var dashboard = page.Locator("nav.portal-nav a[href='/dashboard']");
        await Expect(menu).ToHaveTextAsync("Danh mục");
        await Expect(dashboard).ToBeHiddenAsync();
        await Expect(page.Locator("a.portal-lang")).ToBeVisibleAsync();
        var header = (await page.Locator("header.portal-header").BoundingBoxAsync())!;
        Assert.True(header.Height <= 120, $"the header is {header.Height} px tall on a 360 px screen");

        await menu.ClickAsync();
        await Expect(dashboard).ToBeVisibleAsync();
        await ScreenshotAsync(page);
        await dashboard.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Expect(page.Locator("nav.portal-nav a[href='/search']")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task On_a_wide_screen_the_menu_is_always_shown_and_has_no_fold()
    {
        var page = await OpenAsync("/");

        await Expect(page.Locator("details.portal-menu > summary")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.portal-nav a[href='/dashboard']")).ToBeVisibleAsync();
    }
}
