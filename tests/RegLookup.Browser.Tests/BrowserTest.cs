using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace RegLookup.Browser.Tests;

/// <summary>What every browser test does: open pages on the shared portal, wait for the live search box, save screenshots.</summary>
public abstract class BrowserTest(PortalServer server, ChromiumBrowser chromium) : IAsyncLifetime
{
    /// <summary>The screenshots of the last run, for a person to look at: bin/…/screenshots/&lt;test&gt;.png.</summary>
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly List<IBrowserContext> _contexts = [];

    protected async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900,
        Func<IPage, Task>? beforeOpening = null, WaitUntilState waitUntil = WaitUntilState.Load)
    {
        var page = await chromium.NewPageAsync(server.BaseAddress, width, height);
        _contexts.Add(page.Context);
        if (beforeOpening is not null) await beforeOpening(page);
        await page.GotoAsync(path, new() { WaitUntil = waitUntil });
        return page;
    }

    /// <summary>The page's search box once the interactive island has taken it over (the circuit is connected).</summary>
    protected static async Task<ILocator> LiveSearchBoxAsync(IPage page)
    {
        // The server-rendered box has no data-live; the one the circuit renders has it and answers keys.
        var box = page.Locator("input[role=combobox][data-live]");
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
