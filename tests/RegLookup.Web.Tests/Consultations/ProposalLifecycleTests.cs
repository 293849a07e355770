using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Accounts;
using RegLookup.Web.Consultations;
using RegLookup.Web.Tests.Accounts;

namespace RegLookup.Web.Tests.Consultations;

public class ProposalLifecycleTests
{
    private const string Drafter = "drafter@moit.gov.vn";
    private static readonly int Year = ProposalEndpoints.Today.Year;

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_drafter_takes_a_proposal_from_draft_to_implemented_and_its_targets_are_cut_or_simplified(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var anonymous = await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, Drafter, "Vụ Thị trường trong nước", "agency", agency: "BCT", roles: Roles.Drafter);
        var browser = await PortalUsers.SignInAsync(portal, Drafter);

        var created = await PortalUsers.PostFormAsync(browser, "/workspace/proposals/new", "proposal", Fields("Phương án bãi bỏ báo cáo tồn kho xăng dầu"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = $"PA-BCT-{Year}-01";
        var edit = $"/workspace/proposals/{id}/edit";
        Assert.StartsWith(edit, created.Headers.Location!.PathAndQuery);

        // Targets are picked through search, restricted to the drafter's agency (BYT's regulation is not offered).
        var search = await browser.GetStringAsync($"{edit}?q=xang+dau");
        Assert.Contains("value=\"BCT-XD-0003\"", search);
        Assert.DoesNotContain("BYT-TP-0001", search);
        await PostEditAsync(browser, $"{edit}?q=xang+dau", Fields("Phương án bãi bỏ báo cáo tồn kho xăng dầu", add: "BCT-XD-0003"));
        await PostEditAsync(browser, edit, Fields("Phương án bãi bỏ báo cáo tồn kho xăng dầu", add: "BCT-XD-0001",
            targets: [("BCT-XD-0003", "abolish", "Bãi bỏ báo cáo hằng tháng")]));
        var draft = (await Store<ProposalStore>(portal).GetAsync(id))!;
        Assert.Equal([("BCT-XD-0003", "abolish"), ("BCT-XD-0001", "simplify")], draft.Targets.Select(t => (t.RegulationId, t.Action)));
        Assert.Equal("Bãi bỏ báo cáo hằng tháng", draft.Targets[0].Note);
        Assert.Equal(2_400_000_000, draft.EstimatedSavingVnd);
        Assert.Equal("Báo cáo trùng với dữ liệu hải quan.", draft.Rationale);

        var page = await browser.GetStringAsync($"/proposals/{id}");
        Assert.Contains("Sửa dự thảo", page);
        Assert.Contains("Mở lấy ý kiến", page);
        await MoveAsync(browser, id, "consultation", new()
        {
            ["Move.OpensOn"] = Iso(ProposalEndpoints.Today), ["Move.ClosesOn"] = Iso(ProposalEndpoints.Today.AddDays(30)),
        });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/proposals/{id}")).StatusCode);
        await MoveAsync(browser, id, "closed");
        await MoveAsync(browser, id, "submitted");
        await MoveAsync(browser, id, "approved");
        await MoveAsync(browser, id, "implemented", new() { ["Move.DocumentId"] = "nd-83-2014" });

        var implemented = (await Store<ProposalStore>(portal).GetAsync(id))!;
        Assert.Equal("implemented", implemented.Status);
        Assert.Equal("nd-83-2014", implemented.ImplementingDocumentId);
        var regulations = Store<RegulationStore>(portal);
        Assert.Equal("cut", (await regulations.GetAsync("BCT-XD-0003"))!.Status);
        Assert.Equal("simplified", (await regulations.GetAsync("BCT-XD-0001"))!.Status);
        Assert.Contains("83/2014/NĐ-CP", await anonymous.GetStringAsync($"/proposals/{id}"));

        var audit = Store<AuditLog>(portal);
        var entries = await audit.ListForAsync(Entities.Proposal, id);
        Assert.Equal(["proposal.create", "proposal.edit", "proposal.edit", "proposal.consultation", "proposal.closed",
            "proposal.submitted", "proposal.approved", "proposal.implemented"], entries.Select(e => e.Action));
        var user = await FindUserAsync(portal, Drafter);
        Assert.All(entries, e => Assert.Equal($"user:{user.Id}", e.Actor));
        Assert.Contains("\"status\":\"approved\"", entries[^1].BeforeJson);
        Assert.Contains("\"status\":\"implemented\"", entries[^1].AfterJson);
        var cut = Assert.Single(await audit.ListForAsync(Entities.Regulation, "BCT-XD-0003"));
        Assert.Contains("\"status\":\"in_force\"", cut.BeforeJson);
        Assert.Contains("\"status\":\"cut\"", cut.AfterJson);

        // The search index follows the change feed: the regulation is found among the cut ones.
        Assert.True(await EventuallyAsync(async () => (await anonymous.GetFromJsonAsync<JsonElement>("/api/search?status=cut&agency=BCT"))
            .GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("id").GetString() == "BCT-XD-0003")),
            "BCT-XD-0003 did not appear among the cut regulations");
    }

    [Fact]
    public async Task The_implementing_document_is_found_by_its_number_as_people_write_it()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, Drafter, "Vụ Thị trường trong nước", "agency", agency: "BCT", roles: Roles.Drafter);
        var lifecycle = portal.Services.GetRequiredService<ProposalLifecycle>();
        var drafter = await PrincipalAsync(portal, Drafter);
        const string id = "PA-BCT-XD-2026-01";
        foreach (var step in new[] { "closed", "submitted", "approved" })
            Assert.True((await lifecycle.TransitionAsync(drafter, id, new TransitionRequest(step))).Succeeded, step);

        var unknown = await lifecycle.TransitionAsync(drafter, id, new TransitionRequest("implemented", ImplementingDocumentId: "84/2014/NĐ-CP"));
        Assert.Equal("Không tìm thấy văn bản có số hiệu hoặc mã '84/2014/NĐ-CP'.", unknown.Error);
        Assert.Equal("approved", (await Store<ProposalStore>(portal).GetAsync(id))!.Status);

        var implemented = await lifecycle.TransitionAsync(drafter, id, new TransitionRequest("implemented", ImplementingDocumentId: " 83/2014/nđ-cp "));
        Assert.True(implemented.Succeeded, implemented.Error);
        Assert.Equal("nd-83-2014", (await Store<ProposalStore>(portal).GetAsync(id))!.ImplementingDocumentId);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Implementing_tells_each_follower_once_of_what_they_follow_most_closely(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, Drafter, "Vụ Thị trường trong nước", "agency", agency: "BCT", roles: Roles.Drafter);
        const string proposal = "PA-BCT-XD-2026-01"; // open for comment, two targets
        var targets = (await Store<ProposalStore>(portal).GetAsync(proposal))!.Targets.Select(t => t.RegulationId).ToList();
        var sector = (await Store<RegulationStore>(portal).GetAsync(targets[0]))!.Sector!;
        var follows = Store<NotificationStore>(portal);
        async Task<string> FollowerAsync(string email, params (string Entity, string Id)[] followed)
        {
            var user = await PortalUsers.CreateAsync(portal, email, email);
            foreach (var (entity, id) in followed) await follows.FollowAsync(user.Id, entity, id);
            return user.Id;
        }
        var ofAgency = await FollowerAsync("hiephoi@example.vn", (Entities.Agency, "BCT"));
        var ofSector = await FollowerAsync("nganh@example.vn", (Entities.Sector, sector));
        var ofOneRegulation = await FollowerAsync("doanhnghiep@example.vn", (Entities.Regulation, targets[0]), (Entities.Agency, "BCT"));
        var ofTwoRegulations = await FollowerAsync("luatsu@example.vn", (Entities.Regulation, targets[0]), (Entities.Regulation, targets[1]));

        var lifecycle = portal.Services.GetRequiredService<ProposalLifecycle>();
        var drafter = await PrincipalAsync(portal, Drafter);
        foreach (var step in new[] { "closed", "submitted", "approved" })
            Assert.True((await lifecycle.TransitionAsync(drafter, proposal, new TransitionRequest(step))).Succeeded, step);
        // Each of those steps told them too; what counts here is what implementing adds.
        var seen = new Dictionary<string, long>();
        foreach (var userId in new[] { ofAgency, ofSector, ofOneRegulation, ofTwoRegulations })
            seen[userId] = (await follows.ListAsync(userId)).Select(n => n.Id).DefaultIfEmpty(0).Max();

        var moved = await lifecycle.TransitionAsync(drafter, proposal, new TransitionRequest("implemented", ImplementingDocumentId: "nd-83-2014"));

        Assert.True(moved.Succeeded, moved.Error);
        async Task<List<(string Kind, string EntityId)>> ToldAsync(string userId) =>
            (await follows.ListAsync(userId)).Where(n => n.Id > seen[userId]).Select(n => (n.Kind, n.EntityId)).OrderBy(n => n.EntityId, StringComparer.Ordinal).ToList();
        Assert.Equal([(NotificationKinds.ProposalChanged, proposal)], await ToldAsync(ofAgency));
        Assert.Equal([(NotificationKinds.ProposalChanged, proposal)], await ToldAsync(ofSector));
        Assert.Equal([(NotificationKinds.RegulationChanged, targets[0])], await ToldAsync(ofOneRegulation));
        Assert.Equal(new[] { (NotificationKinds.RegulationChanged, targets[0]), (NotificationKinds.RegulationChanged, targets[1]) }.OrderBy(n => n.Item2, StringComparer.Ordinal),
            await ToldAsync(ofTwoRegulations));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Moves_the_lifecycle_does_not_allow_are_refused_with_a_message_and_change_nothing(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, Drafter, "Vụ Thị trường trong nước", "agency", agency: "BCT", roles: Roles.Drafter);
        await PortalUsers.CreateAsync(portal, "drafter@moh.gov.vn", "Cục An toàn thực phẩm", "agency", agency: "BYT", roles: Roles.Drafter);
        var lifecycle = portal.Services.GetRequiredService<ProposalLifecycle>();
        var bct = await PrincipalAsync(portal, Drafter);
        var byt = await PrincipalAsync(portal, "drafter@moh.gov.vn");
        var before = await SnapshotAsync(portal);

        var skip = await lifecycle.TransitionAsync(bct, "PA-BCT-XD-2026-01", new TransitionRequest("implemented", ImplementingDocumentId: "nd-83-2014"));
        Assert.Equal("Không thể chuyển phương án từ trạng thái \"Đang lấy ý kiến\" sang \"Đã thực thi\".", skip.Error);
        var final = await lifecycle.TransitionAsync(byt, "PA-BYT-TP-2020-01", new TransitionRequest("withdrawn"));
        Assert.Equal("Không thể chuyển phương án từ trạng thái \"Đã thực thi\" sang \"Đã rút\".", final.Error);
        var unknown = await lifecycle.TransitionAsync(bct, "PA-BCT-XD-2026-01", new TransitionRequest("published"));
        Assert.False(unknown.Succeeded);
        var otherAgency = await lifecycle.TransitionAsync(byt, "PA-BCT-XD-2026-01", new TransitionRequest("closed"));
        Assert.Equal("Chỉ cán bộ soạn thảo của cơ quan chủ trì mới được thực hiện thao tác này với phương án.", otherAgency.Error);

        // Posted by hand to the proposal page, the same move gets the same message in the page.
        var browser = await PortalUsers.SignInAsync(portal, Drafter);
        var posted = await PortalUsers.PostFormAsync(browser, "/proposals/PA-BCT-XD-2026-01", "proposal-lifecycle",
            new() { ["Move.To"] = "approved" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Không thể chuyển phương án từ trạng thái &quot;Đang lấy ý kiến&quot; sang &quot;Đã phê duyệt&quot;.",
            await posted.Content.ReadAsStringAsync());
        var unconfirmed = await PortalUsers.PostFormAsync(browser, "/proposals/PA-BCT-XD-2026-01", "proposal-lifecycle",
            new() { ["Move.To"] = "withdrawn" });
        Assert.Contains("Hãy đánh dấu ô xác nhận để rút phương án.", await unconfirmed.Content.ReadAsStringAsync());

        Assert.Equal(before, await SnapshotAsync(portal));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_consultation_needs_a_target_and_a_window_that_is_in_order_and_not_over(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, Drafter, "Vụ Thị trường trong nước", "agency", agency: "BCT", roles: Roles.Drafter);
        var lifecycle = portal.Services.GetRequiredService<ProposalLifecycle>();
        var drafter = await PrincipalAsync(portal, Drafter);
        var today = ProposalEndpoints.Today;
        var empty = (await lifecycle.CreateAsync(drafter, Content("Dự thảo chưa có quy định"))).Proposal!;
        var draft = (await lifecycle.CreateAsync(drafter, Content("Dự thảo đơn giản hóa cửa hàng bán lẻ",
            new ProposalTarget { RegulationId = "BCT-XD-0002", Action = "simplify" }))).Proposal!;
        var before = await SnapshotAsync(portal);

        Assert.Equal("Cần chọn ít nhất một quy định cắt giảm, đơn giản hóa trước khi lấy ý kiến.",
            (await lifecycle.TransitionAsync(drafter, empty.Id, new TransitionRequest("consultation", today, today.AddDays(30)))).Error);
        Assert.Equal("Cần nhập ngày bắt đầu và ngày kết thúc lấy ý kiến.",
            (await lifecycle.TransitionAsync(drafter, draft.Id, new TransitionRequest("consultation", today))).Error);
        Assert.Equal($"Ngày bắt đầu ({today.AddDays(10):dd/MM/yyyy}) phải trước hoặc trùng ngày kết thúc ({today.AddDays(5):dd/MM/yyyy}).",
            (await lifecycle.TransitionAsync(drafter, draft.Id, new TransitionRequest("consultation", today.AddDays(10), today.AddDays(5)))).Error);
        Assert.Equal($"Ngày kết thúc lấy ý kiến ({today.AddDays(-1):dd/MM/yyyy}) đã qua: hãy chọn một ngày từ hôm nay trở đi.",
            (await lifecycle.TransitionAsync(drafter, draft.Id, new TransitionRequest("consultation", today.AddDays(-20), today.AddDays(-1)))).Error);
        Assert.Equal(before, await SnapshotAsync(portal));

        // A window of one day, today, is fine.
        Assert.True((await lifecycle.TransitionAsync(drafter, draft.Id, new TransitionRequest("consultation", today, today))).Succeeded);
        Assert.True(ProposalEndpoints.IsOpen((await Store<ProposalStore>(portal).GetAsync(draft.Id))!));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_proposal_that_left_draft_is_no_longer_edited(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, Drafter, "Vụ Thị trường trong nước", "agency", agency: "BCT", roles: Roles.Drafter);
        var lifecycle = portal.Services.GetRequiredService<ProposalLifecycle>();
        var before = await SnapshotAsync(portal);
        const string notDraft = "Phương án đang ở trạng thái \"Đang lấy ý kiến\": chỉ sửa được nội dung khi phương án còn là dự thảo.";

        var edited = await lifecycle.EditAsync(await PrincipalAsync(portal, Drafter), "PA-BCT-XD-2026-01", Content("Tên mới"));
        Assert.Equal(notDraft, edited.Error);

        var browser = await PortalUsers.SignInAsync(portal, Drafter);
        var page = await browser.GetStringAsync("/workspace/proposals/PA-BCT-XD-2026-01/edit");
        Assert.Contains(notDraft.Replace("\"", "&quot;"), page);
        Assert.Contains("<fieldset disabled", page);
        var posted = await PortalUsers.PostFormAsync(browser, "/workspace/proposals/PA-BCT-XD-2026-01/edit", "proposal", Fields("Tên mới"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains(notDraft.Replace("\"", "&quot;"), await posted.Content.ReadAsStringAsync());

        Assert.Equal(before, await SnapshotAsync(portal));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Only_drafters_of_the_agency_manage_its_proposals(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var anonymous = await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, "drafter@moh.gov.vn", "Cục An toàn thực phẩm", "agency", agency: "BYT", roles: Roles.Drafter);
        await PortalUsers.CreateAsync(portal, "member@example.vn", "Nguyễn Thị Lan");
        var byt = await PortalUsers.SignInAsync(portal, "drafter@moh.gov.vn");
        var member = await PortalUsers.SignInAsync(portal, "member@example.vn");
        var before = await SnapshotAsync(portal);

        Assert.Equal(HttpStatusCode.Forbidden, (await byt.GetAsync("/workspace/proposals/PA-BCT-XD-2026-01/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/workspace/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/workspace/proposals/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await byt.GetAsync("/workspace/proposals")).StatusCode);
        foreach (var path in new[] { "/workspace/proposals", "/workspace/proposals/new", "/workspace/proposals/PA-BCT-XD-2026-01/edit" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        }

        // Another agency's drafter sees the public page without any move to make, and a forged move changes nothing.
        var page = await byt.GetStringAsync("/proposals/PA-BCT-XD-2026-01");
        Assert.DoesNotContain("proposal-lifecycle", page);
        var forged = await PortalUsers.PostFormAsync(byt, "/proposals/PA-BCT-XD-2026-01", null,
            new() { ["_handler"] = "proposal-lifecycle", ["Move.To"] = "closed" });
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(before, await SnapshotAsync(portal));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_draft_stays_off_public_pages_the_api_exports_and_search_until_its_consultation_opens(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var anonymous = await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, Drafter, "Vụ Thị trường trong nước", "agency", agency: "BCT", roles: Roles.Drafter);
        await PortalUsers.CreateAsync(portal, "drafter@moh.gov.vn", "Cục An toàn thực phẩm", "agency", agency: "BYT", roles: Roles.Drafter);
        var lifecycle = portal.Services.GetRequiredService<ProposalLifecycle>();
        var drafter = await PrincipalAsync(portal, Drafter);
        var hidden = (await lifecycle.CreateAsync(drafter, Content("Dự thảo kín về kho ngoại quan",
            new ProposalTarget { RegulationId = "BCT-XD-0003", Action = "abolish" }))).Proposal!;
        var opened = (await lifecycle.CreateAsync(drafter, Content("Dự thảo công khai về cửa hàng bán lẻ",
            new ProposalTarget { RegulationId = "BCT-XD-0002", Action = "simplify" }))).Proposal!;
        Assert.True((await lifecycle.TransitionAsync(drafter, opened.Id,
            new TransitionRequest("consultation", ProposalEndpoints.Today, ProposalEndpoints.Today.AddDays(30)))).Succeeded);

        // The opened one was written after the draft, so once search finds it the draft has been through the index too.
        Assert.True(await EventuallyAsync(async () => (await anonymous.GetStringAsync("/api/search?type=proposal&q=cua+hang+ban+le")).Contains(opened.Id)));
        Assert.DoesNotContain(hidden.Id, await anonymous.GetStringAsync("/api/search?type=all&q=kho+ngoai+quan"));
        Assert.DoesNotContain(hidden.Id, await anonymous.GetStringAsync("/api/suggest?q=du+thao+kin"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/proposals/{hidden.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/proposals/{hidden.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/proposals/{hidden.Id}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/feeds/proposals/{hidden.Id}.atom")).StatusCode);
        foreach (var path in new[] { "/api/export/proposals.csv", "/agencies/BCT", "/regulations/BCT-XD-0003", "/api/regulations/BCT-XD-0003" })
        {
            var text = await anonymous.GetStringAsync(path);
            Assert.DoesNotContain(hidden.Id, text);
            if (!path.Contains("/regulations/")) Assert.Contains(opened.Id, text);
        }
        var byt = await PortalUsers.SignInAsync(portal, "drafter@moh.gov.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await byt.GetAsync($"/proposals/{hidden.Id}")).StatusCode);

        // Its own agency's drafters see it, on the page and in their workspace list.
        var bct = await PortalUsers.SignInAsync(portal, Drafter);
        Assert.Equal(HttpStatusCode.OK, (await bct.GetAsync($"/proposals/{hidden.Id}")).StatusCode);
        Assert.Contains(hidden.Id, await bct.GetStringAsync("/workspace/proposals"));

        // Withdrawn before it ever opened, a draft stays private.
        Assert.True((await lifecycle.TransitionAsync(drafter, hidden.Id, new TransitionRequest("withdrawn"))).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/proposals/{hidden.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Drafters_creating_at_the_same_moment_get_different_ids(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        await PortalUsers.CreateAsync(portal, Drafter, "Vụ Thị trường trong nước", "agency", agency: "BCT", roles: Roles.Drafter);
        var lifecycle = portal.Services.GetRequiredService<ProposalLifecycle>();
        var drafter = await PrincipalAsync(portal, Drafter);

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => lifecycle.CreateAsync(drafter, Content($"Dự thảo số {i}")))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"PA-BCT-{Year}-{n:00}"), results.Select(r => r.Proposal!.Id).Order());
    }

    private static Dictionary<string, string> Fields(string title, string? add = null, (string Id, string Action, string Note)[]? targets = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Summary"] = "Bỏ **báo cáo định kỳ** trùng lặp.",
            ["Input.Rationale"] = "Báo cáo trùng với dữ liệu hải quan.",
            ["Input.SavingVnd"] = "2.400.000.000",
            ["Input.SavingDays"] = "1200",
        };
        for (var i = 0; i < (targets?.Length ?? 0); i++)
        {
            fields[$"Input.Targets[{i}].RegulationId"] = targets![i].Id;
            fields[$"Input.Targets[{i}].Action"] = targets[i].Action;
            fields[$"Input.Targets[{i}].Note"] = targets[i].Note;
        }
        if (add is not null) fields["Input.Add"] = add;
        return fields;
    }

    private static DraftContent Content(string title, params ProposalTarget[] targets) =>
        new(title, "Tóm tắt dự thảo.", null, targets, null, null);

    private static async Task PostEditAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var response = await PortalUsers.PostFormAsync(browser, path, "proposal", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private static async Task MoveAsync(HttpClient browser, string id, string to, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["Move.To"] = to;
        if (to == "withdrawn") fields["Move.Confirm"] = "true";
        var response = await PortalUsers.PostFormAsync(browser, $"/proposals/{id}", "proposal-lifecycle", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{to}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>What a refused action must leave as it was: every proposal, regulation status and audit entry.</summary>
    private static async Task<string> SnapshotAsync(PortalFactory portal)
    {
        var db = portal.Services.GetRequiredService<Database>();
        var proposals = new List<Proposal>();
        await foreach (var p in Store<ProposalStore>(portal).StreamAsync(includeDrafts: true)) proposals.Add(p);
        var regulations = new List<Regulation>();
        await foreach (var r in Store<RegulationStore>(portal).StreamAsync()) regulations.Add(r);
        var audit = await db.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT COUNT(*) FROM audit_log"));
        return JsonSerializer.Serialize(new { proposals, regulations, audit });
    }

    private static T Store<T>(PortalFactory portal) where T : notnull => portal.Services.GetRequiredService<T>();

    private static async Task<PortalUser> FindUserAsync(PortalFactory portal, string email)
    {
        using var scope = portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!;
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(PortalFactory portal, string email)
    {
        using var scope = portal.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user!);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The search index follows the database within a second or two; give it up to 15 s before failing.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> check)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await check()) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
