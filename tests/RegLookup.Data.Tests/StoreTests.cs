using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Data.Tests;

/// <summary>Every store method, on both engines, over the sample dataset.</summary>
public class StoreTests
{
    private static Task<TestDatabase> LoadedAsync(DbEngine engine) => TestDatabase.CreateLoadedAsync(engine);

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Agencies_and_documents(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var agencies = new AgencyStore(t.Db);
        var documents = new DocumentStore(t.Db);

        Assert.Equal(["BCT", "BYT", "CP"], (await agencies.ListAsync()).Select(a => a.Code));
        Assert.Equal("Bộ Công Thương", (await agencies.GetAsync("BCT"))!.Name);
        Assert.Null(await agencies.GetAsync("XYZ"));

        var decree = await documents.GetAsync("nd-83-2014");
        Assert.Equal("83/2014/NĐ-CP", decree!.Number);
        Assert.Equal(new DateOnly(2014, 9, 3), decree.IssuedOn);
        Assert.Equal(new DateOnly(2014, 11, 1), decree.EffectiveOn);
        Assert.Equal(["nd-15-2018", "nd-83-2014"], (await documents.GetManyAsync(["nd-83-2014", "nd-15-2018", "none"])).Select(d => d.Id));
        Assert.Equal(["nd-15-2018", "nd-83-2014"], (await documents.ListByIssuerAsync("CP")).Select(d => d.Id));
        Assert.Equal(2, await documents.StreamAsync().CountAsync());
        Assert.Equal("nd-83-2014", (await documents.FindAsync("nd-83-2014"))!.Id);
        Assert.Equal("nd-83-2014", (await documents.FindAsync("83/2014/nđ-cp"))!.Id);
        Assert.Equal("nd-15-2018", (await documents.FindAsync("15/2018/NĐ - CP"))!.Id);
        Assert.Null(await documents.FindAsync("84/2014/NĐ-CP"));

        await t.Db.WriteAsync(s => agencies.UpsertAsync(s, new Agency { Code = "BCT", Name = "Bộ Công Thương (sửa)", NameEn = null }));
        Assert.Equal("Bộ Công Thương (sửa)", (await agencies.GetAsync("BCT"))!.Name);
        Assert.Null((await agencies.GetAsync("BCT"))!.NameEn);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Regulations(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var regulations = new RegulationStore(t.Db);

        var r = await regulations.GetAsync("BCT-XD-0001");
        Assert.NotNull(r);
        Assert.Equal(["Kinh doanh xăng dầu"], r.BusinessLines);
        Assert.Equal(125_000_000L, r.ComplianceCostVnd);
        Assert.Equal(new DateOnly(2021, 6, 30), r.UpdatedAt);
        Assert.Null(await regulations.GetAsync("BCT-XD-9999"));
        Assert.Equal(3, (await regulations.ListByDocumentAsync("nd-83-2014")).Count);
        Assert.Equal(["BYT-TP-0001"], (await regulations.ListByAgencyAsync("BYT")).Select(x => x.Id));
        Assert.Equal(3, (await regulations.ListByBusinessLineAsync("Kinh doanh xăng dầu")).Count);
        Assert.Contains(("Kinh doanh xăng dầu", 3L), await regulations.BusinessLinesAsync());
        Assert.Equal(3, (await regulations.ListBySectorAsync("Xăng dầu")).Count);
        Assert.Equal([("An toàn thực phẩm", 1L), ("Xăng dầu", 3L)], await regulations.SectorsAsync());
        // Newest first, and a regulation without a date last on both engines.
        Assert.Equal(["BCT-XD-0002", "BYT-TP-0001"],
            (await regulations.ListRecentAsync(["proposed_cut", "simplified"], 5)).Select(x => x.Id));
        Assert.Equal(4, await regulations.CountAsync());
        Assert.Equal(["BCT-XD-0001", "BCT-XD-0002", "BCT-XD-0003", "BYT-TP-0001"],
            await regulations.StreamAsync().Select(x => x.Id).ToListAsync());

        await t.Db.WriteAsync(async s =>
        {
            Assert.True(await regulations.SetStatusAsync(s, "BCT-XD-0001", "cut"));
            Assert.False(await regulations.SetStatusAsync(s, "missing", "cut"));
        });
        Assert.Equal("cut", (await regulations.GetAsync("BCT-XD-0001"))!.Status);

        var changed = r with { BusinessLines = ["Kinh doanh xăng dầu", "Kinh doanh khí"], ComplianceCostVnd = null };
        await t.Db.WriteAsync(s => regulations.UpsertAsync(s, changed));
        var reread = await regulations.GetAsync(r.Id);
        Assert.Equal(["Kinh doanh xăng dầu", "Kinh doanh khí"], reread!.BusinessLines);
        Assert.Null(reread.ComplianceCostVnd);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Proposals(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var proposals = new ProposalStore(t.Db);

        var p = await proposals.GetAsync("PA-BCT-XD-2026-01");
        Assert.NotNull(p);
        Assert.Equal(["BCT-XD-0001", "BCT-XD-0002"], p.Targets.Select(x => x.RegulationId));
        Assert.Equal("abolish", p.Targets[0].Action);
        Assert.Equal("Bãi bỏ yêu cầu cầu cảng", p.Targets[0].Note);
        Assert.Null(p.Targets[1].Note);
        Assert.Equal(new DateOnly(2027, 1, 31), p.ClosesOn);
        Assert.Equal(48_000_000_000L, p.EstimatedSavingVnd);
        Assert.Equal(["PA-BCT-XD-2026-01"], (await proposals.ListAsync(status: "consultation")).Select(x => x.Id));
        Assert.Equal(["PA-BYT-TP-2020-01"], (await proposals.ListAsync(agency: "BYT")).Select(x => x.Id));
        Assert.Equal(2, (await proposals.ListAsync()).Count);
        Assert.Equal(["PA-BYT-TP-2020-01"], (await proposals.ListTargetingAsync("BYT-TP-0001")).Select(x => x.Id));
        Assert.Equal(2, await proposals.StreamAsync().CountAsync());
        Assert.Equal(2, (await proposals.GetManyAsync(["PA-BCT-XD-2026-01", "PA-BYT-TP-2020-01"])).Count);

        await t.Db.WriteAsync(s => proposals.SetStatusAsync(s, p.Id, "closed"));
        Assert.Equal("closed", (await proposals.GetAsync(p.Id))!.Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Comments_and_responses(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var comments = new CommentStore(t.Db);

        var thread = await comments.ListByProposalAsync("PA-BCT-XD-2026-01");
        Assert.Equal(["c-0001", "c-0002", "c-0003"], thread.Select(c => c.Id));
        Assert.Equal("c-0002", thread[2].ParentId);
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 14, 0, 0, TimeSpan.FromHours(7)), thread[1].CreatedAt);
        Assert.Equal(TimeSpan.FromHours(7), thread[1].CreatedAt.Offset);
        Assert.Equal("accepted", thread[0].Response!.Decision);
        Assert.Null(thread[1].Response);
        Assert.Equal(4, await comments.CountAsync());
        Assert.Equal(4, await comments.StreamAsync().CountAsync());

        var at = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(7));
        await t.Db.WriteAsync(s => comments.RespondAsync(s, "c-0003",
            new CommentResponse { Decision = "partially_accepted", Body = "Tiếp thu một phần.", By = "Vụ Pháp chế", At = at }));
        var answered = await comments.GetAsync("c-0003");
        Assert.Equal("partially_accepted", answered!.Response!.Decision);
        Assert.Equal(at, answered.Response.At);
        Assert.Null(await comments.GetAsync("c-9999"));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Audit_log_keeps_before_and_after(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var audit = new AuditLog(t.Db);
        await t.Db.WriteAsync(s => audit.AppendAsync(s, "drafter@bct.gov.vn", "status", Entities.Proposal, "PA-BCT-XD-2026-01",
            new { status = "consultation" }, new { status = "closed" }));

        var entry = Assert.Single(await audit.ListForAsync(Entities.Proposal, "PA-BCT-XD-2026-01"));
        Assert.Equal("drafter@bct.gov.vn", entry.Actor);
        Assert.Contains("consultation", entry.BeforeJson);
        Assert.Contains("closed", entry.AfterJson);
        Assert.True(DateTimeOffset.UtcNow - entry.At < TimeSpan.FromMinutes(5));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Dataset_counts_keys_and_replace(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var dataset = new DatasetStore(t.Db);

        Assert.Equal(new DatasetCounts(3, 2, 4, 2, 4), await dataset.CountAsync());
        var keys = await dataset.LoadKeysAsync();
        Assert.Contains("BCT-XD-0003", keys.Regulations);
        Assert.Equal(["BCT-XD-0001", "BCT-XD-0002"], keys.ProposalTargets["PA-BCT-XD-2026-01"].Order());
        Assert.Equal(("PA-BCT-XD-2026-01", "c-0001"), keys.Comments["c-0002"]);

        await t.Db.WriteAsync(dataset.DeleteAllAsync);
        Assert.True((await dataset.CountAsync()).IsEmpty);
        var last = (await new ChangeFeed(t.Db).ReadAfterAsync(0, 100_000)).Last();
        Assert.Equal(("dataset", "replace"), (last.Entity, last.Op));
    }
}
