using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegLookup.Browser.Tests;

[Collection(PortalCollection.Name)]
public class LanguageTests(PortalServer server, ChromiumBrowser chromium) : BrowserTest(server, chromium)
{
    private const string SearchPath = "/search?q=xang%20dau";

    [Fact]
    public async Task The_language_link_switches_the_interface_to_English_and_back_while_content_stays_Vietnamese()
    {
        var page = await OpenAsync(SearchPath);
        var language = page.Locator("a.portal-lang");
        var titles = page.Locator("article.result h2 a");
        await Expect(page.Locator("nav.portal-nav a[href='/search']")).ToHaveTextAsync("Tra cứu");
        var vietnameseTitles = await titles.AllInnerTextsAsync();
        Assert.NotEmpty(vietnameseTitles);

        await Expect(language).ToHaveTextAsync("English");
        await language.ClickAsync();
        // Back on the same search, through /culture/en, which set the cookie.
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(SearchPath) + "$"));
        await ExpectEnglishPageAsync(page);
        // The regulations themselves are Vietnamese law and are not translated.
        Assert.Equal(vietnameseTitles, await titles.AllInnerTextsAsync());

        // The cookie keeps English across a full load, for the page and for the live search box's new circuit.
        await page.ReloadAsync();
        await ExpectEnglishPageAsync(page);
        var box = await LiveSearchBoxAsync(page);
        await Expect(box).ToHaveAttributeAsync("placeholder", new Regex("^For example:"));
        await Expect(page.Locator("form.search-form button")).ToHaveTextAsync("Search");
        await ScreenshotAsync(page);

        await Expect(language).ToHaveTextAsync("Tiếng Việt");
        await language.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(SearchPath) + "$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("nav.portal-nav a[href='/search']")).ToHaveTextAsync("Tra cứu");
        await Expect(page.Locator("aside.facets")).ToHaveAttributeAsync("aria-label", "Bộ lọc");
        await Expect(page.Locator("aside.facets summary").First).ToHaveTextAsync("Cơ quan");
        await Expect(page.Locator("#result-count")).ToHaveTextAsync(new Regex(@"^\d[\d.]* kết quả \("));
        await Expect(language).ToHaveTextAsync("English");
    }

    [Fact]
    public async Task Right_after_switching_the_live_search_box_speaks_English_too()
    {
        var page = await OpenAsync(SearchPath);
        await LiveSearchBoxAsync(page);

        await page.Locator("a.portal-lang").ClickAsync();

        await ExpectEnglishPageAsync(page);
        await Expect(page.Locator("form.search-form button")).ToHaveTextAsync("Search");
        await Expect(page.Locator("input[role=combobox]")).ToHaveAttributeAsync("placeholder", new Regex("^For example:"));
    }

    /// <summary>The strings the server renders around the search box, in English.</summary>
    private static async Task ExpectEnglishPageAsync(IPage page)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("nav.portal-nav a[href='/search']")).ToHaveTextAsync("Search");
        await Expect(page.Locator("aside.facets")).ToHaveAttributeAsync("aria-label", "Filters");
        await Expect(page.Locator("aside.facets summary").First).ToHaveTextAsync("Agency");
        await Expect(page.Locator("nav.tabs a[aria-current=page]")).ToHaveTextAsync("Regulations");
        await Expect(page.Locator("#result-count")).ToHaveTextAsync(new Regex(@"^\d[\d,]* results \("));
        await Expect(page.Locator("a.portal-lang")).ToHaveTextAsync("Tiếng Việt");
    }
}
