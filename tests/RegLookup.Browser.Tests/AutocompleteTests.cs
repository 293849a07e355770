using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RegLookup.Browser.Tests;

[Collection(PortalCollection.Name)]
public class AutocompleteTests(PortalServer server, ChromiumBrowser chromium) : BrowserTest(server, chromium)
{
    private const string Target = "/business-lines/kinh-doanh-xang-dau";

    [Fact]
    public async Task Suggestions_appear_while_typing_and_the_keyboard_opens_the_chosen_business_line()
    {
        var page = await OpenAsync("/");
        var box = await LiveSearchBoxAsync(page);
        var listbox = page.GetByRole(AriaRole.Listbox);
        var options = listbox.GetByRole(AriaRole.Option);

        // The first words in one input event, then the last key typed once the suggestions for them are shown: keys typed
        // while a render is on its way can be lost (see Fast_typing_keeps_every_character), which would make this flaky.
        await box.FillAsync("kinh doanh ");
        await Expect(options.First).ToBeVisibleAsync();
        await box.PressSequentiallyAsync("x", new() { Delay = 80 });
        await Expect(box).ToHaveValueAsync("kinh doanh x");

        var wanted = options.Filter(new() { Has = page.Locator($"a[href='{Target}']") });
        await Expect(wanted).ToContainTextAsync("Kinh doanh xăng dầu");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await ScreenshotAsync(page);

        // Down to the wanted suggestion; each step waits for the server's render, which also makes Enter choose it
        // (the render turns on preventDefault for Enter, so the form is not submitted instead).
        for (var i = 0; i < await options.CountAsync() && await wanted.GetAttributeAsync("aria-selected") != "true"; i++)
        {
            await box.PressAsync("ArrowDown");
            await Expect(options.Nth(i)).ToHaveAttributeAsync("aria-selected", "true");
        }
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await wanted.GetAttributeAsync("id"))!);

        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Target) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ngành, nghề: Kinh doanh xăng dầu");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Fast_typing_keeps_every_character()
    {
        const string text = "dieu kien kinh doanh xang dau";
        var page = await OpenAsync("/");
        var box = await LiveSearchBoxAsync(page);

        await box.PressSequentiallyAsync(text, new() { Delay = 40 });

        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await Expect(box).ToHaveValueAsync(text);
    }

    [Fact]
    public async Task Words_typed_before_the_page_goes_live_are_kept()
    {
        // Hold back Blazor's script so the box stays the server-rendered one while the person types.
        var release = new TaskCompletionSource();
        var page = await OpenAsync("/", beforeOpening: p => p.RouteAsync("**/_framework/blazor.web*.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        }), waitUntil: WaitUntilState.Commit);
        await page.Locator("input[role=combobox]").PressSequentiallyAsync("xang dau");
        release.SetResult();

        var live = await LiveSearchBoxAsync(page);
        await Expect(live).ToHaveValueAsync("xang dau");
        await Expect(live).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
    }
}
