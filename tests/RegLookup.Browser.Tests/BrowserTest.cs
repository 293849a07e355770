using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace RegLookup.Browser.Tests;

/// <summary>What every browser test does: open pages on the shared portal, wait for the live search box, save screenshots.</summary>
public abstract class BrowserTest(PortalServer server, ChromiumBrowser chromium) : IAsyncLifetime
{
    /// <summary>The screenshots of the last run, for a person to look at: bin/…/screenshots/&lt;test&gt;.png.</summary>
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Tags the search boxes that the server prerendered, as soon as the page is parsed. When the Blazor circuit starts,
    /// it replaces the island's prerendered markup with live elements, which no longer carry the tag: an untagged box
    /// is one that answers keys. Text typed into the prerendered box before that is lost, so tests wait for it.
    /// </summary>
    private const string TagPrerenderedSearchBoxes = """
        document.addEventListener('DOMContentLoaded', () =>
            document.querySelectorAll('input[role=combobox]').forEach(e => e.setAttribute('data-prerendered', '')));
        """;

    private readonly List<IBrowserContext> _contexts = [];

    protected async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var page = await chromium.NewPageAsync(server.BaseAddress, width, height);
        _contexts.Add(page.Context);
        await page.AddInitScriptAsync(TagPrerenderedSearchBoxes);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>The page's search box once the interactive island has taken it over (the circuit is connected).</summary>
    protected static async Task<ILocator> LiveSearchBoxAsync(IPage page)
    {
        var box = page.Locator("input[role=combobox]:not([data-prerendered])");
        // Generous: the circuit needs the websocket, and the first circuit of a run warms up the server.
        await box.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        return box;
    }

    protected static async Task ScreenshotAsync(IPage page, [CallerMemberName] string name = "")
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>The whole number at the start of a count such as "1.234 kết quả (3 ms)" or "1,234 results".</summary>
    protected static int LeadingNumber(string text)
    {
        var digits = new string(text.TrimStart().TakeWhile(c => char.IsDigit(c) || c is '.' or ',').Where(char.IsDigit).ToArray());
        Assert.True(digits.Length > 0, $"no number at the start of '{text}'");
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }
}
