using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegLookup.Browser.Tests;

[Collection(PortalCollection.Name)]
public class SearchTests(PortalServer server, ChromiumBrowser chromium) : BrowserTest(server, chromium)
{
    private const string Query = "dieu kien kinh doanh xang dau";

    [Fact]
    public async Task A_query_typed_without_diacritics_finds_Vietnamese_text_and_marks_it()
    {
        var page = await OpenAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tra cứu quy định kinh doanh");

        var box = await LiveSearchBoxAsync(page);
        // One input event: keys typed one by one can be lost today (see AutocompleteTests.Fast_typing_keeps_every_character).
        await box.FillAsync(Query);
        await box.PressAsync("Enter");

        // The plain GET form: the query lands in the address, so the page can be shared.
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=dieu(\+|%20)kien(\+|%20)kinh(\+|%20)doanh(\+|%20)xang(\+|%20)dau$"));
        await Expect(page.Locator("#result-count")).ToHaveTextAsync(new Regex(@"^\d[\d.]* kết quả \("));
        var hits = page.Locator("article.result");
        await Expect(hits.First).ToBeVisibleAsync();
        Assert.True(await hits.CountAsync() >= 5, "expected several hits for a common query");

        // The folded query matched accented words, and the snippets highlight them as written.
        var marks = await page.Locator("article.result .snippet mark").AllInnerTextsAsync();
        Assert.Contains("xăng", marks.Select(m => m.ToLowerInvariant()));
        Assert.Contains("kiện", marks.Select(m => m.ToLowerInvariant()));
        Assert.Contains("xăng dầu", (await hits.First.Locator("h2").InnerTextAsync()).ToLowerInvariant());
        await ScreenshotAsync(page);
    }

    [Fact]
    public async Task An_agency_facet_filters_the_hits_and_its_chip_removes_the_filter()
    {
        var page = await OpenAsync("/search?q=" + Uri.EscapeDataString(Query));
        var count = page.Locator("#result-count");
        var total = LeadingNumber(await count.InnerTextAsync());

        // The first agency that holds only part of the hits, so that choosing it changes the total.
        var agencyFacet = page.Locator("aside.facets details").Filter(new() { Has = page.Locator("summary", new() { HasText = "Cơ quan" }) });
        var values = agencyFacet.Locator("li a");
        Assert.True(await values.CountAsync() >= 2, "the query should hit several agencies");
        ILocator? value = null;
        var expected = 0;
        foreach (var candidate in await values.AllAsync())
        {
            expected = LeadingNumber(await candidate.Locator(".count").InnerTextAsync());
            if (expected < total) { value = candidate; break; }
        }
        Assert.NotNull(value);
        var code = Regex.Match((await value.GetAttributeAsync("href"))!, @"agency=([^&]+)").Groups[1].Value;
        var name = (await value.Locator(":scope > span").First.InnerTextAsync()).TrimStart('☐', ' ');

        await value.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"[?&]agency={Regex.Escape(code)}(&|$)"));
        await Expect(count).ToHaveTextAsync(new Regex($"^{expected} kết quả"));
        var hits = page.Locator("article.result");
        Assert.Equal(Math.Min(expected, 20), await hits.CountAsync());
        foreach (var hit in await hits.AllAsync())
            await Expect(hit.Locator($".meta a[href='/agencies/{code}']")).ToHaveTextAsync(name);
        await Expect(agencyFacet.Locator("li a[aria-current=true]")).ToContainTextAsync(name);

        var chip = page.Locator(".active-filters a").Filter(new() { HasText = "Cơ quan:" });
        await Expect(chip).ToHaveCountAsync(1);
        await Expect(chip).ToContainTextAsync(name); // the agency by name, as in the filter list
        await Expect(page.Locator(".active-filters")).ToContainTextAsync("Xóa tất cả bộ lọc");
        await ScreenshotAsync(page);

        await chip.ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("agency="));
        await Expect(page.Locator(".active-filters")).ToHaveCountAsync(0);
        await Expect(count).ToHaveTextAsync(new Regex($"^{total} kết quả"));
    }

    [Fact]
    public async Task On_a_narrow_screen_the_page_does_not_scroll_sideways_and_results_come_before_filters()
    {
        var page = await OpenAsync("/search?q=" + Uri.EscapeDataString("xăng dầu"), width: 360, height: 740);
        var firstHit = page.Locator("article.result").First;
        await Expect(firstHit).ToBeVisibleAsync();

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 361, $"the page is {scrollWidth} px wide on a 360 px screen");

        var hitTop = (await firstHit.BoundingBoxAsync())!.Y;
        var filtersTop = (await page.Locator("aside.facets").BoundingBoxAsync())!.Y;
        Assert.True(hitTop < filtersTop, $"the first result ({hitTop} px) should come before the filters ({filtersTop} px)");
        // The filters are one tap away.
        await Expect(page.Locator(".filters-jump a[href='#filters']")).ToBeVisibleAsync();
        await ScreenshotAsync(page);
    }
}
