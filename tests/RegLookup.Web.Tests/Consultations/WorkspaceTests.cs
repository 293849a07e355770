using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Consultations;
using static RegLookup.Web.Tests.Consultations.WorkspacePortal;

namespace RegLookup.Web.Tests.Consultations;

public class WorkspaceTests
{
    private static readonly string[] Known = ["c-0001", "c-0002", "c-0003", "c-0004", "c-1001", "c-1002", "c-1003"];

    private static string[] Listed(Page page) => Known.Where(page.Lists).ToArray();

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_workspace_lists_the_visible_comments_of_the_drafters_agency_filtered_from_the_url(DbEngine engine)
    {
        await using var portal = await WorkspacePortal.CreateAsync(engine);
        var drafter = await portal.SignInAsync(Drafter);

        var all = await OpenAsync(drafter);
        // c-0004 is on a BYT proposal; c-1003 was hidden by a moderator.
        Assert.Equal(["c-0001", "c-0002", "c-0003", "c-1001", "c-1002"], Listed(all));
        Assert.Contains("Đã trả lời 1/5 ý kiến", all.Html);
        Assert.Contains("Ý kiến góp ý (5)", all.Html);

        (string Query, string[] Expected)[] cases =
        [
            ("state=unanswered", ["c-0002", "c-0003", "c-1001", "c-1002"]),
            ("state=answered", ["c-0001"]),
            ("stance=oppose", ["c-0002", "c-1002"]),
            ("respondent=enterprise", ["c-0003"]),
            ("regulation=BCT-XD-0002", ["c-1001"]),
            ($"proposal={ProposalId}&stance=amend&state=unanswered", ["c-0003"]),
            ("respondent=agency", []),
        ];
        foreach (var (query, expected) in cases)
            Assert.Equal(expected, Listed(await OpenAsync(drafter, "/workspace?" + query)));

        var filtered = await OpenAsync(drafter, "/workspace?stance=oppose&state=unanswered");
        Assert.Contains("<option value=\"oppose\" selected", filtered.Html);
        Assert.Contains("<option value=\"unanswered\" selected", filtered.Html);

        var bad = await OpenAsync(drafter, "/workspace?stance=angry&page=zero");
        Assert.Contains("Giá trị «angry» của bộ lọc «stance» không hợp lệ nên đã được bỏ qua.", bad.Html);
        Assert.Contains("Giá trị «zero» của bộ lọc «page» không hợp lệ", bad.Html);
        Assert.Equal(Listed(all), Listed(bad));

        // Twenty to a page, oldest first, the filters kept in the page links.
        await portal.Db.WriteAsync(async s =>
        {
            for (var i = 0; i < 20; i++)
                await portal.Comments.UpsertAsync(s, new Comment
                {
                    Id = $"c-2{i:000}", ProposalId = ProposalId, Author = $"Người góp ý {i}", RespondentType = "individual", Stance = "support",
                    Body = "Đồng ý.", CreatedAt = DateTimeOffset.Parse("2026-11-01T08:00:00+07:00").AddMinutes(i),
                });
        });
        var first = await OpenAsync(drafter, "/workspace?stance=support");
        Assert.Contains("Trang 1/2", first.Html);
        Assert.True(first.Lists("c-0001"));
        Assert.Contains("href=\"/workspace?stance=support&amp;page=2\"", first.Html);
        var second = await OpenAsync(drafter, "/workspace?stance=support&page=2");
        Assert.True(second.Lists("c-2019"));
        Assert.False(second.Lists("c-0001"));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_response_is_saved_audited_fed_and_notified_and_the_author_sees_it_on_the_thread(DbEngine engine)
    {
        await using var portal = await WorkspacePortal.CreateAsync(engine);
        var drafter = await portal.SignInAsync(Drafter);
        var feed = portal.Factory.Services.GetRequiredService<ChangeFeed>();
        var before = await feed.LatestSeqAsync();

        var page = await OpenAsync(drafter);
        var answer = await RespondAsync(drafter, page, "c-0002", "partially_accepted", "Tiếp thu **một phần**: giữ yêu cầu với thương nhân nhập khẩu.");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Đã lưu câu trả lời.", await answer.Content.ReadAsStringAsync());
        var response = (await portal.Comments.GetAsync("c-0002"))!.Response!;
        Assert.Equal("partially_accepted", response.Decision);
        Assert.Equal("Tiếp thu **một phần**: giữ yêu cầu với thương nhân nhập khẩu.", response.Body);
        Assert.Equal(DrafterUnit, response.By);

        var audit = Assert.Single(await portal.Factory.Services.GetRequiredService<AuditLog>().ListForAsync(Entities.Comment, "c-0002"));
        Assert.Equal(("comment.respond", $"user:{portal.DrafterId}"), (audit.Action, audit.Actor));
        Assert.Null(audit.BeforeJson);
        Assert.Contains("partially_accepted", audit.AfterJson);
        Assert.Contains(await feed.ReadAfterAsync(before), c => c is { Entity: Entities.Comment, EntityId: "c-0002" });
        var told = Assert.Single(await portal.Factory.Services.GetRequiredService<NotificationStore>().ListAsync(portal.MemberId));
        Assert.Equal(("response", "c-0002"), (told.Kind, told.EntityId));

        var thread = await portal.Factory.CreateClient().GetStringAsync($"/proposals/{ProposalId}");
        Assert.Contains("Tiếp thu <strong>một phần</strong>: giữ yêu cầu với thương nhân nhập khẩu.", thread);
        Assert.Contains(DrafterUnit, thread);

        // Changing an answer records the answer it replaced.
        page = await OpenAsync(drafter);
        await RespondAsync(drafter, page, "c-0002", "accepted", "");
        var change = (await portal.Factory.Services.GetRequiredService<AuditLog>().ListForAsync(Entities.Comment, "c-0002"))[^1];
        Assert.Contains("partially_accepted", change.BeforeJson);
        Assert.Contains("\"accepted\"", change.AfterJson);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rejection_or_partial_acceptance_without_explanation_is_refused_and_changes_nothing(DbEngine engine)
    {
        await using var portal = await WorkspacePortal.CreateAsync(engine);
        var drafter = await portal.SignInAsync(Drafter);
        var page = await OpenAsync(drafter);

        foreach (var decision in new[] { "rejected", "partially_accepted" })
        {
            var html = await (await RespondAsync(drafter, page, "c-1001", decision, "   ")).Content.ReadAsStringAsync();
            Assert.Contains("Khi không tiếp thu hoặc chỉ tiếp thu một phần, vui lòng nhập nội dung giải trình.", html);
            Assert.Contains("<details class=\"workspace-respond\" open", html);
        }
        var noDecision = await (await RespondAsync(drafter, page, "c-1001", "", "Giải trình.")).Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng chọn kết quả tiếp thu, giải trình", noDecision);
        Assert.Contains("Giải trình.</textarea>", noDecision);
        var unknown = await (await RespondAsync(drafter, page, "c-1001", "approved", "Giải trình.")).Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng chọn kết quả tiếp thu, giải trình", unknown);

        Assert.Null((await portal.Comments.GetAsync("c-1001"))!.Response);
        Assert.Empty(await portal.Factory.Services.GetRequiredService<AuditLog>().ListForAsync(Entities.Comment, "c-1001"));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Several_comments_are_answered_at_once_and_those_answered_meanwhile_are_skipped_and_named(DbEngine engine)
    {
        await using var portal = await WorkspacePortal.CreateAsync(engine);
        var first = await portal.SignInAsync(Drafter);
        var second = await portal.SignInAsync(SecondDrafter);
        var stale = await OpenAsync(first);

        var none = await (await RespondToManyAsync(second, await OpenAsync(second), [], "noted", "")).Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng chọn ít nhất một ý kiến để trả lời.", none);

        var bulk = await (await RespondToManyAsync(second, await OpenAsync(second), ["c-0002", "c-0003", "c-1002"], "noted", "Đã ghi nhận."))
            .Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu 3 câu trả lời.", bulk);
        foreach (var id in new[] { "c-0002", "c-0003", "c-1002" })
        {
            var response = (await portal.Comments.GetAsync(id))!.Response!;
            // The second drafter's account names no unit: the answer is signed by the agency.
            Assert.Equal(("noted", "Bộ Công Thương"), (response.Decision, response.By));
        }

        // The first drafter's page still shows c-0003 unanswered.
        var late = await (await RespondToManyAsync(first, stale, ["c-0003", "c-1001"], "accepted", "Tiếp thu.")).Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu 1 câu trả lời.", late);
        Assert.Contains("1 ý kiến chưa được lưu câu trả lời:", late);
        Assert.Contains("Ý kiến c-0003: người khác đã trả lời trong lúc bạn soạn, nên câu trả lời của bạn chưa được lưu.", late);
        Assert.Contains("Câu trả lời hiện tại: Ghi nhận — Bộ Công Thương: Đã ghi nhận.", late);
        Assert.Equal("noted", (await portal.Comments.GetAsync("c-0003"))!.Response!.Decision);
        Assert.Equal("accepted", (await portal.Comments.GetAsync("c-1001"))!.Response!.Decision);
        Assert.Contains("Đã trả lời 5/5 ý kiến", late);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Two_drafters_answering_the_same_comment_at_once_never_overwrite_each_other(DbEngine engine)
    {
        await using var portal = await WorkspacePortal.CreateAsync(engine);
        var first = await portal.SignInAsync(Drafter);
        var second = await portal.SignInAsync(SecondDrafter);
        var (firstPage, secondPage) = (await OpenAsync(first), await OpenAsync(second));

        var answers = await Task.WhenAll(
            RespondAsync(first, firstPage, "c-1001", "rejected", "Giải trình của người thứ nhất."),
            RespondAsync(second, secondPage, "c-1001", "accepted", "Tiếp thu của người thứ hai."));
        var pages = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));

        var won = Assert.Single(pages, p => p.Contains("Đã lưu câu trả lời."));
        var lost = Assert.Single(pages, p => p.Contains("Người khác đã trả lời ý kiến này trong lúc bạn soạn"));
        var stored = (await portal.Comments.GetAsync("c-1001"))!.Response!;
        Assert.Equal(won == pages[0] ? "Giải trình của người thứ nhất." : "Tiếp thu của người thứ hai.", stored.Body);
        // The loser sees the winner's answer and keeps what they typed.
        Assert.Contains(stored.Body, lost);
        Assert.Contains(won == pages[0] ? "Tiếp thu của người thứ hai.</textarea>" : "Giải trình của người thứ nhất.</textarea>", lost);
        Assert.Single(await portal.Factory.Services.GetRequiredService<AuditLog>().ListForAsync(Entities.Comment, "c-1001"));

        // The same race straight at the service, many times over: exactly one answer lands each time.
        var drafters = await Task.WhenAll(new[] { Drafter, SecondDrafter }.Select(e => PrincipalAsync(portal, e)));
        var ids = Enumerable.Range(0, 8).Select(i => $"c-3{i:000}").ToList();
        await portal.Db.WriteAsync(async s =>
        {
            foreach (var id in ids)
                await portal.Comments.UpsertAsync(s, new Comment
                {
                    Id = id, ProposalId = ProposalId, Author = "Ẩn danh", RespondentType = "individual", Stance = "neutral", Body = "Ý kiến.",
                    CreatedAt = DateTimeOffset.Parse("2026-11-02T08:00:00+07:00"),
                });
        });
        foreach (var id in ids)
        {
            var results = await Task.WhenAll(drafters.Select((user, i) => Task.Run(async () =>
            {
                using var scope = portal.Factory.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<ResponseService>()
                    .RespondAsync(user, [new SeenComment(id, "")], "noted", $"Ghi nhận {i}.");
            })));
            Assert.Single(results, r => r.Saved.Count == 1);
            var skipped = Assert.Single(results.SelectMany(r => r.Skipped));
            Assert.Equal(SkipReason.AnsweredMeanwhile, skipped.Reason);
            Assert.Equal((await portal.Comments.GetAsync(id))!.Response!.Body, skipped.Current!.Body);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Only_drafters_of_the_proposals_agency_may_answer_or_download_and_others_get_403(DbEngine engine)
    {
        await using var portal = await WorkspacePortal.CreateAsync(engine);
        var other = await portal.SignInAsync(OtherAgencyDrafter);
        var member = await portal.SignInAsync(Member);
        var drafter = await portal.SignInAsync(Drafter);

        var own = await OpenAsync(other);
        Assert.Equal(["c-0004"], Listed(own));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/workspace?proposal={ProposalId}")).StatusCode);
        var forged = await RespondAsync(other, own with { Html = "" }, "c-1001", "rejected", "Không tiếp thu.");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("Không có quyền truy cập", await forged.Content.ReadAsStringAsync());
        Assert.Null((await portal.Comments.GetAsync("c-1001"))!.Response);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/workspace/proposals/{ProposalId}/report.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drafter.GetAsync("/workspace/proposals/PA-BYT-TP-2020-01/report.docx")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/workspace")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/workspace/proposals/{ProposalId}/report.csv")).StatusCode);

        // The report links on the proposal page are for its agency's drafters only.
        Assert.Contains($"/workspace/proposals/{ProposalId}/report.xlsx", await drafter.GetStringAsync($"/proposals/{ProposalId}"));
        Assert.DoesNotContain("report.xlsx", await other.GetStringAsync($"/proposals/{ProposalId}"));
        Assert.DoesNotContain("report.xlsx", await member.GetStringAsync($"/proposals/{ProposalId}"));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(DbEngine engine)
    {
        await using var portal = await WorkspacePortal.CreateAsync(engine);
        var anonymous = await portal.Factory.ReadyClientAsync();

        foreach (var path in new[] { "/workspace?state=unanswered", $"/workspace/proposals/{ProposalId}/report.xlsx" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
        }
        Assert.DoesNotContain("report.xlsx", await anonymous.GetStringAsync($"/proposals/{ProposalId}"));
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(WorkspacePortal portal, string email)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>()
            .CreateAsync((await users.FindByEmailAsync(email))!);
    }
}
