using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>Following through the pages' own forms, and the notifications page and header badge, on both engines.</summary>
public partial class FollowTests
{
    private const string ProposalId = "PA-BCT-XD-2026-01";

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_member_follows_a_proposal_regulation_sector_and_agency_from_their_pages_and_unfollows_one(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, "lan.nguyen@example.vn", "Nguyễn Thị Lan");
        var browser = await PortalUsers.SignInAsync(portal, "lan.nguyen@example.vn");

        foreach (var page in new[] { $"/proposals/{ProposalId}", "/regulations/BCT-XD-0001", "/sectors/xang-dau", "/agencies/BCT" })
        {
            var response = await SubmitFollowFormAsync(browser, page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(page, response.Headers.Location?.OriginalString);
            var after = await browser.GetStringAsync(page);
            Assert.Contains("Bạn đang theo dõi mục này.", after);
            Assert.Contains(">Bỏ theo dõi</button>", after);
        }

        var mine = await browser.GetStringAsync("/account/notifications");
        Assert.Contains("Bạn đang theo dõi (4)", mine);
        Assert.Contains($"href=\"/proposals/{ProposalId}\">Phương án cắt giảm điều kiện kinh doanh xăng dầu</a>", mine);
        Assert.Contains("href=\"/regulations/BCT-XD-0001\">Điều kiện đối với thương nhân đầu mối kinh doanh xăng dầu</a>", mine);
        Assert.Contains("href=\"/sectors/xang-dau\">Xăng dầu</a>", mine);
        Assert.Contains("href=\"/agencies/BCT\">Bộ Công Thương</a>", mine);

        var unfollow = await SubmitFollowFormAsync(browser, "/regulations/BCT-XD-0001");
        Assert.Equal(HttpStatusCode.Redirect, unfollow.StatusCode);
        var page2 = await browser.GetStringAsync("/regulations/BCT-XD-0001");
        Assert.Contains(">Theo dõi</button>", page2);
        Assert.DoesNotContain("Bạn đang theo dõi mục này.", page2);
        var follows = portal.Services.GetRequiredService<NotificationStore>();
        var user = await portal.Services.GetRequiredService<UserStore>().FindByNormalizedEmailAsync("LAN.NGUYEN@EXAMPLE.VN");
        Assert.Equal(
            [(Entities.Agency, "BCT"), (Entities.Proposal, ProposalId), (Entities.Sector, "Xăng dầu")],
            (await follows.FollowedByAsync(user!.Id)).Select(f => (f.Entity, f.EntityId)).Order());
        Assert.Equal(["follow", "unfollow"], (await portal.Services.GetRequiredService<AuditLog>()
            .ListForAsync(Entities.Regulation, "BCT-XD-0001")).Where(e => e.Actor == $"user:{user.Id}").Select(e => e.Action));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Following_something_that_does_not_exist_is_refused_with_a_message_and_stores_nothing(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        var user = await PortalUsers.CreateAsync(portal, "minh.tran@example.vn", "Trần Văn Minh");
        var browser = await PortalUsers.SignInAsync(portal, "minh.tran@example.vn");

        foreach (var (entity, id) in new[] { (Entities.Regulation, "BCT-XD-9999"), (Entities.Sector, "Không có ngành này"),
                     (Entities.Agency, "XYZ"), (Entities.Proposal, ""), (Entities.Document, "nd-83-2014"), ("table", "users") })
        {
            var response = await PortalUsers.PostFormAsync(browser, "/regulations/BCT-XD-0001", null,
                new() { ["entity"] = entity, ["id"] = id, ["action"] = "follow", ["returnUrl"] = "/regulations/BCT-XD-0001" }, "/follows");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var message = await browser.GetStringAsync(response.Headers.Location!.OriginalString);
            Assert.Contains("Không tìm thấy phương án, quy định, ngành hoặc cơ quan cần theo dõi. Không có gì được lưu.", message);
        }

        Assert.Empty(await portal.Services.GetRequiredService<NotificationStore>().FollowedByAsync(user.Id));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_asked_to_sign_in_and_a_redirect_elsewhere_is_not_followed()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var anonymous = await portal.ReadyClientAsync();

        var page = await anonymous.GetStringAsync("/sectors/xang-dau");
        Assert.Contains("<a class=\"follow-signin\" href=\"/account/login?ReturnUrl=%2Fsectors%2Fxang-dau\">Đăng nhập để theo dõi</a>", page);
        Assert.DoesNotContain("action=\"/follows\"", page);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/account/notifications")).StatusCode);

        await PortalUsers.CreateAsync(portal, "hung@example.vn", "Lê Văn Hùng");
        var browser = await PortalUsers.SignInAsync(portal, "hung@example.vn");
        var offsite = await PortalUsers.PostFormAsync(browser, "/agencies/BCT", null,
            new() { ["entity"] = Entities.Agency, ["id"] = "BCT", ["action"] = "follow", ["returnUrl"] = "https://evil.example/" }, "/follows");
        Assert.Equal("/agencies/BCT", offsite.Headers.Location?.OriginalString);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_follower_sees_the_unread_count_the_notification_and_marks_all_read(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        var follower = await PortalUsers.CreateAsync(portal, "hiep.hoi@example.vn", "Hiệp hội Xăng dầu", "association", "Hiệp hội Xăng dầu Việt Nam");
        var writer = await PortalUsers.CreateAsync(portal, "doanh.nghiep@example.vn", "Công ty Xăng dầu Miền Nam", "enterprise");
        var browser = await PortalUsers.SignInAsync(portal, "hiep.hoi@example.vn");
        await SubmitFollowFormAsync(browser, $"/proposals/{ProposalId}");
        Assert.Contains("aria-label=\"Thông báo\"", await browser.GetStringAsync("/"));

        await PostCommentAsync(portal, "c-follow-1", writer.Id);
        await PostCommentAsync(portal, "c-follow-2", writer.Id);

        var home = await browser.GetStringAsync("/");
        Assert.Contains("aria-label=\"2 thông báo chưa đọc\"", home);
        Assert.Matches(NotificationCount("2"), home);
        var list = await browser.GetStringAsync("/account/notifications");
        Assert.Equal(2, Regex.Count(list, "class=\"notification unread\""));
        Assert.Contains("Ý kiến góp ý mới", list);
        Assert.Contains($"href=\"/proposals/{ProposalId}?comment=c-follow-2#c-follow-2\">Phương án cắt giảm điều kiện kinh doanh xăng dầu</a>", list);
        Assert.Contains("New comment", await browser.GetStringAsync("/account/notifications?culture=en"));

        var marked = await SubmitFormAsync(browser, "/account/notifications", FollowEndpoints.MarkReadPath);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        var read = await browser.GetStringAsync("/account/notifications");
        Assert.Equal(0, Regex.Count(read, "class=\"notification unread\""));
        Assert.Equal(2, Regex.Count(read, "class=\"notification\""));
        Assert.DoesNotContain(">Đánh dấu tất cả là đã đọc<", read);
        Assert.Contains("aria-label=\"Thông báo\"", read);
        Assert.DoesNotMatch(NotificationCount(@"\d+"), read);
        Assert.Equal(0, await portal.Services.GetRequiredService<NotificationStore>().UnreadCountAsync(follower.Id));
    }

    /// <summary>A comment by <paramref name="writerId"/>, written the way the comment form writes one: the comment and the
    /// notifications in one transaction.</summary>
    private static async Task PostCommentAsync(PortalFactory portal, string id, string writerId)
    {
        var services = portal.Services;
        var proposal = (await services.GetRequiredService<ProposalStore>().GetAsync(ProposalId))!;
        var comment = new Comment
        {
            Id = id, ProposalId = ProposalId, Author = "Công ty Xăng dầu Miền Nam", RespondentType = "enterprise", Stance = "amend",
            Body = "Đề nghị giữ lại điều kiện về kho chứa.", CreatedAt = DateTimeOffset.UtcNow,
        };
        await services.GetRequiredService<Database>().WriteAsync(async s =>
        {
            await services.GetRequiredService<CommentStore>().UpsertAsync(s, comment);
            await services.GetRequiredService<Notifier>().CommentPostedAsync(s, comment, proposal, writerId, null);
        });
    }

    /// <summary>Submits the page's follow (or unfollow) form as a browser would, with the fields the page rendered.</summary>
    [Fact]
    public async Task A_follow_post_without_its_optional_fields_is_judged_not_refused_by_binding()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, "binh.pham@example.vn", "Phạm Thanh Bình");
        var browser = await PortalUsers.SignInAsync(portal, "binh.pham@example.vn");

        var followed = await PortalUsers.PostFormAsync(browser, "/regulations/BCT-XD-0001", null,
            new() { ["entity"] = "regulation", ["id"] = "BCT-XD-0001", ["action"] = "follow" }, "/follows");
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal("/regulations/BCT-XD-0001", followed.Headers.Location?.OriginalString);

        var noAction = await PortalUsers.PostFormAsync(browser, "/regulations/BCT-XD-0001", null,
            new() { ["entity"] = "regulation", ["id"] = "BCT-XD-0002" }, "/follows");
        Assert.Equal(HttpStatusCode.Redirect, noAction.StatusCode);
        Assert.Contains("refused=1", noAction.Headers.Location?.OriginalString);
        var follows = portal.Services.GetRequiredService<NotificationStore>();
        var user = await portal.Services.GetRequiredService<UserStore>().FindByNormalizedEmailAsync("BINH.PHAM@EXAMPLE.VN");
        Assert.Equal([(Entities.Regulation, "BCT-XD-0001")], (await follows.FollowedByAsync(user!.Id)).Select(f => (f.Entity, f.EntityId)));
    }

    private static Task<HttpResponseMessage> SubmitFollowFormAsync(HttpClient browser, string page) =>
        SubmitFormAsync(browser, page, FollowEndpoints.FollowPath);

    private static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient browser, string page, string action)
    {
        var html = await browser.GetStringAsync(page);
        var form = Regex.Match(html, $"<form[^>]*action=\"{Regex.Escape(action)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"{page} has no form posting to {action}");
        var fields = HiddenInput().Matches(form.Groups[1].Value)
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static Regex NotificationCount(string count) => new($"class=\"notification-count\"[^>]*>{count}<");

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
