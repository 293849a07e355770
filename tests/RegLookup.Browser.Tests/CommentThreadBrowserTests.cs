using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using static Microsoft.Playwright.Assertions;

namespace RegLookup.Browser.Tests;

/// <summary>Writing in a consultation thread in a real browser, and seeing others write.</summary>
[Collection(PortalCollection.Name)]
public class CommentThreadBrowserTests(PortalServer server, ChromiumBrowser chromium) : BrowserTest(server, chromium)
{
    private const string Proposal = "PA-TEST-BROWSER-GOPY";
    private const string Email = "hiep.hoi@vacc.org.vn";
    private const string Password = "Mật-khẩu-thử-2026";
    private readonly PortalServer _server = server;

    [Fact]
    public async Task An_association_member_signs_in_comments_with_a_position_paper_and_replies()
    {
        await PrepareAsync();
        var page = await OpenAsync($"/account/login?ReturnUrl=%2Fproposals%2F{Proposal}");
        await page.Locator("#login-email").FillAsync(Email);
        await page.Locator("#login-password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync($"**/proposals/{Proposal}");

        var form = page.Locator("form.comment-form");
        await form.GetByLabel("Đề nghị sửa đổi").CheckAsync();
        await form.Locator("select").SelectOptionAsync("BXD-XDG-0011");
        await form.Locator("textarea").FillAsync("Hiệp hội đề nghị **bỏ** yêu cầu nộp bản sao chứng thực.");
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            { Name = "Văn bản góp ý.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.7\n"u8, .. new byte[4096]] });
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();

        await Expect(page.Locator("#comments [role=status]")).ToHaveTextAsync("Đã gửi ý kiến của bạn.");
        var comment = page.Locator("#comments > ul.thread > li > article.comment");
        await Expect(comment.Locator(".comment-author")).ToHaveTextAsync("Nguyễn Thành Công");
        await Expect(comment.Locator(".comment-head")).ToContainTextAsync("— Hiệp hội Nhà thầu Xây dựng Việt Nam");
        await Expect(comment.Locator("strong", new() { HasText = "bỏ" })).ToHaveCountAsync(1);
        await Expect(comment.Locator(".attachments a")).ToHaveTextAsync("Văn bản góp ý.pdf");

        await comment.GetByRole(AriaRole.Link, new() { Name = "Trả lời" }).ClickAsync();
        var reply = page.Locator(".comment-form-slot form");
        await reply.GetByLabel("Ủng hộ").CheckAsync();
        await reply.Locator("textarea").FillAsync("Bổ sung: áp dụng cả với nhà thầu phụ.");
        await reply.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();

        await Expect(page.Locator("#comments > ul.thread > li > ul.thread > li > article.comment")).ToContainTextAsync("Bổ sung: áp dụng cả với nhà thầu phụ.");
        await Expect(page.Locator("#comments h2")).ToHaveTextAsync("Ý kiến góp ý (2)");
        await ScreenshotAsync(page);
    }

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

    /// <summary>A consultation open around today and an association member's account, written into the portal's database.</summary>
    private async Task PrepareAsync()
    {
        await using var db = new Database($"Data Source={_server.DatabaseFile}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await db.WriteAsync(s => new ProposalStore(db).UpsertAsync(s, new Proposal
        {
            Id = Proposal, Agency = "BXD", Title = "Phương án thử góp ý trên trình duyệt", Status = "consultation",
            OpensOn = today.AddDays(-1), ClosesOn = today.AddDays(30), Targets = [new() { RegulationId = "BXD-XDG-0011", Action = "simplify" }],
        }));
        var user = new PortalUser
        {
            Email = Email, NormalizedEmail = Email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = "Nguyễn Thành Công",
            RespondentType = "association", Organization = "Hiệp hội Nhà thầu Xây dựng Việt Nam",
        };
        user.PasswordHash = new PasswordHasher<PortalUser>().HashPassword(user, Password);
        await new UserStore(db).CreateAsync(user);
    }
}
