using Microsoft.Playwright;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using static Microsoft.Playwright.Assertions;

namespace RegLookup.Browser.Tests;

[Collection(PortalCollection.Name)]
public class LiveCommentTests(PortalServer server, ChromiumBrowser chromium) : BrowserTest(server, chromium)
{
    private readonly PortalServer _server = server;

    [Fact]
    public async Task A_comment_written_while_the_page_is_open_appears_without_reloading()
    {
        const string proposal = "PA-BXD-XDG-2026-01"; // no other browser test counts its comments
        var page = await OpenAsync("/proposals/" + proposal);
        // The island says when its circuit is up; the server rendered it "off".
        await Expect(page.Locator("#comments .live-comments[aria-live=polite][data-live=on]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });

        // Written straight into the shared database, as a comment posted through another web node would be.
        await using (var db = new Database($"Data Source={_server.DatabaseFile}"))
            await db.WriteAsync(s => new CommentStore(db).UpsertAsync(s, new Comment
            {
                Id = "c-live-browser", ProposalId = proposal, Author = "Đỗ Thị Mai", Organization = "Hiệp hội Nhà thầu Xây dựng Việt Nam",
                RespondentType = "association", Stance = "amend", Body = "Đề nghị **giữ** yêu cầu chứng chỉ năng lực với công trình cấp I.",
                CreatedAt = DateTimeOffset.UtcNow.AddSeconds(1),
            }));

        var news = page.Locator("#comments .live-item");
        await Expect(news).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(news).ToContainTextAsync("Đỗ Thị Mai — Hiệp hội Nhà thầu Xây dựng Việt Nam");
        await Expect(news.Locator("strong", new() { HasText = "giữ" })).ToHaveCountAsync(1);
        await ScreenshotAsync(page);
    }
}
