using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using static Microsoft.Playwright.Assertions;

namespace RegLookup.Browser.Tests;

/// <summary>
/// The consultation end to end in Chromium: an association member comments, a drafter of the owning agency answers in
/// the workspace, the member sees the answer on the thread and in the notifications, and the drafter downloads the
/// synthesis report, which this test opens (.xlsx and .docx) and reads.
/// </summary>
[Collection(PortalCollection.Name)]
public class DrafterFlowTests(PortalServer server, ChromiumBrowser chromium) : BrowserTest(server, chromium)
{
    private const string Proposal = "PA-TEST-BROWSER-TIEPTHU";
    private const string Target = "BXD-XDG-0012";
    private const string Member = "phap.che@hiephoi-vla.vn";
    private const string Drafter = "vu.hdxd@moc.gov.vn";
    private const string Password = "Mật-khẩu-thử-2026";
    private const string CommentText = "Đề nghị cho phép nộp hồ sơ hoàn toàn trực tuyến, không yêu cầu bản giấy.";
    private const string Explanation = "Tiếp thu việc nộp trực tuyến; bản giấy chỉ còn áp dụng với công trình đặc biệt.";
    private readonly PortalServer _server = server;

    [Fact]
    public async Task A_drafter_answers_a_comment_the_author_sees_it_and_the_report_lists_it()
    {
        await PrepareAsync();

        var member = await SignInAsync(Member, $"/proposals/{Proposal}");
        var form = member.Locator("form.comment-form");
        await form.GetByLabel("Đề nghị sửa đổi").CheckAsync();
        await form.Locator("select").SelectOptionAsync(Target);
        await form.Locator("textarea").FillAsync(CommentText);
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Expect(member.Locator("#comments [role=status]")).ToHaveTextAsync("Đã gửi ý kiến của bạn.");

        var drafter = await SignInAsync(Drafter, $"/workspace?proposal={Proposal}");
        var item = drafter.Locator(".workspace-item", new() { HasText = CommentText });
        await Expect(item).ToHaveCountAsync(1);
        await item.Locator("summary").ClickAsync();
        await item.GetByLabel("Kết quả tiếp thu, giải trình").SelectOptionAsync("partially_accepted");
        await item.Locator("textarea").FillAsync(Explanation);
        await ScreenshotAsync(drafter, "Workspace");
        await item.GetByRole(AriaRole.Button, new() { Name = "Lưu câu trả lời" }).ClickAsync();
        await Expect(drafter.Locator(".workspace-item", new() { HasText = CommentText }).Locator(".response"))
            .ToContainTextAsync(Explanation);

        await member.ReloadAsync();
        var answered = member.Locator("article.comment", new() { HasText = CommentText });
        await Expect(answered.Locator(".response")).ToContainTextAsync("Tiếp thu một phần");
        await Expect(answered.Locator(".response")).ToContainTextAsync(Explanation);
        await ScreenshotAsync(member, "Thread");
        await member.GotoAsync("/account/notifications");
        await Expect(member.Locator(".notification").First).ToContainTextAsync("Phương án thử tiếp thu trên trình duyệt");

        await drafter.GotoAsync($"/proposals/{Proposal}");
        var xlsx = await DownloadAsync(drafter, "report.xlsx");
        using (var workbook = new XLWorkbook(new MemoryStream(xlsx)))
        {
            var row = workbook.Worksheets.First().RowsUsed().Single(r => r.Cells().Any(c => c.GetString() == CommentText));
            var cells = row.Cells().Select(c => c.GetString()).ToList();
            Assert.Contains("Hiệp hội Luật gia Việt Nam", cells);
            Assert.Contains("Tiếp thu một phần", cells);
            Assert.Contains(Explanation, cells);
        }
        var docx = await DownloadAsync(drafter, "report.docx");
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var rows = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            var row = Assert.Single(rows, r => r.Contains(CommentText));
            Assert.Contains("Tiếp thu một phần", row);
            Assert.Contains(Explanation, row);
        }
    }

    private async Task<IPage> SignInAsync(string email, string then)
    {
        var page = await OpenAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(then)}");
        await page.Locator("#login-email").FillAsync(email);
        await page.Locator("#login-password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**" + then.Split('?')[0] + "*");
        return page;
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string file)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"a[href$='/{file}']").First.ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    /// <summary>An open consultation of the Ministry of Construction, an association member, and a drafter of that ministry.</summary>
    private async Task PrepareAsync()
    {
        await using var db = new Database($"Data Source={_server.DatabaseFile}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await db.WriteAsync(s => new ProposalStore(db).UpsertAsync(s, new Proposal
        {
            Id = Proposal, Agency = "BXD", Title = "Phương án thử tiếp thu trên trình duyệt", Status = "consultation",
            OpensOn = today.AddDays(-1), ClosesOn = today.AddDays(30), Targets = [new() { RegulationId = Target, Action = "simplify" }],
        }));
        var users = new UserStore(db);
        await users.CreateAsync(Account(Member, "Trần Minh Pháp", "association", "Hiệp hội Luật gia Việt Nam", null));
        var drafter = Account(Drafter, "Lê Thu Hà", "agency", "Vụ Hoạt động xây dựng", "BXD");
        await users.CreateAsync(drafter);
        await db.WriteAsync(s => users.AddRoleAsync(s, drafter.Id, Roles.Drafter));
    }

    private static PortalUser Account(string email, string name, string type, string organization, string? agency)
    {
        var user = new PortalUser
        {
            Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name,
            RespondentType = type, Organization = organization, Agency = agency,
        };
        user.PasswordHash = new PasswordHasher<PortalUser>().HashPassword(user, Password);
        return user;
    }
}
