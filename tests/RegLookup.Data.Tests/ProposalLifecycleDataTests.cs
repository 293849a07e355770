using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Data.Tests;

public class ProposalLifecycleDataTests
{
    private const string Implemented =
        """{"id":"PA-BYT-TP-2020-01","agency":"BYT","title":"Phương án đơn giản hóa thủ tục tự công bố sản phẩm","summary":"Cho phép nộp hồ sơ tự công bố trực tuyến.","status":"implemented","opensOn":"2020-06-01","closesOn":"2020-07-15","targets":[{"regulationId":"BYT-TP-0001","action":"simplify"}],"rationale":"Hồ sơ giấy **trùng lặp**.","implementingDocumentId":"nd-15-2018"}""";

    private const string Draft =
        """{"id":"PA-BCT-2026-01","agency":"BCT","title":"Dự thảo bãi bỏ báo cáo tồn kho","summary":"Bỏ báo cáo hằng tháng.","status":"draft","targets":[{"regulationId":"BCT-XD-0003","action":"abolish"}]}""";

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Rationale_and_implementing_document_round_trip_through_export_and_import(DbEngine engine)
    {
        await using var source = await TestDatabase.CreateAsync(engine);
        await using var copy = await TestDatabase.CreateAsync(engine);
        var dataset = new SampleDataset().Replace("proposals.jsonl", 2, Implemented);
        dataset.Files["proposals.jsonl"].Add(Draft);
        var imported = await new DatasetImporter(source.Db).ImportAsync(dataset.WriteToTemp());
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));

        var folder = Path.Combine(Path.GetTempPath(), "reglookup-tests", "export-" + Guid.NewGuid().ToString("N")[..8]);
        await new DatasetExporter(source.Db).ExportAsync(folder, includeDrafts: true);
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, DatasetJson.Proposals));
        Assert.Contains(Implemented, lines);
        Assert.Contains(Draft, lines);
        Assert.True((await new DatasetImporter(copy.Db).ImportAsync(folder)).Succeeded);

        var p = (await new ProposalStore(copy.Db).GetAsync("PA-BYT-TP-2020-01"))!;
        Assert.Equal("nd-15-2018", p.ImplementingDocumentId);
        Assert.Equal("Hồ sơ giấy **trùng lặp**.", p.Rationale);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Public_lists_streams_and_exports_leave_drafts_out(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        var dataset = new SampleDataset();
        dataset.Files["proposals.jsonl"].Add(Draft);
        dataset.Files["proposals.jsonl"].Add(
            """{"id":"PA-BCT-2026-02","agency":"BCT","title":"Dự thảo đã rút","status":"withdrawn","targets":[{"regulationId":"BCT-XD-0002","action":"simplify"}]}""");
        Assert.True((await new DatasetImporter(t.Db).ImportAsync(dataset.WriteToTemp())).Succeeded);
        var proposals = new ProposalStore(t.Db);

        Assert.Equal(["PA-BCT-XD-2026-01"], (await proposals.ListAsync(agency: "BCT")).Select(p => p.Id));
        Assert.Equal(["PA-BCT-2026-01", "PA-BCT-2026-02", "PA-BCT-XD-2026-01"],
            (await proposals.ListAsync(agency: "BCT", includeDrafts: true)).Select(p => p.Id).Order());
        Assert.Empty(await proposals.ListTargetingAsync("BCT-XD-0003"));
        Assert.Equal(["PA-BCT-XD-2026-01", "PA-BYT-TP-2020-01"], await proposals.StreamAsync().Select(p => p.Id).ToListAsync());
        Assert.Equal(4, await proposals.StreamAsync(includeDrafts: true).CountAsync());

        var folder = Path.Combine(Path.GetTempPath(), "reglookup-tests", "export-" + Guid.NewGuid().ToString("N")[..8]);
        await new DatasetExporter(t.Db).ExportAsync(folder, includeDrafts: false);
        Assert.Equal(2, (await File.ReadAllLinesAsync(Path.Combine(folder, DatasetJson.Proposals))).Length);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Implementing_moves_a_regulation_s_status_and_its_date(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        Assert.True((await new DatasetImporter(t.Db).ImportAsync(new SampleDataset().WriteToTemp())).Succeeded);
        var regulations = new RegulationStore(t.Db);

        await t.Db.WriteAsync(s => regulations.SetStatusAsync(s, "BCT-XD-0003", "cut", new DateOnly(2026, 11, 2)));
        await t.Db.WriteAsync(s => regulations.SetStatusAsync(s, "BCT-XD-0001", "simplified"));

        var cut = (await regulations.GetAsync("BCT-XD-0003"))!;
        Assert.Equal(("cut", new DateOnly(2026, 11, 2)), (cut.Status, cut.UpdatedAt));
        var simplified = (await regulations.GetAsync("BCT-XD-0001"))!;
        Assert.Equal(("simplified", new DateOnly(2021, 6, 30)), (simplified.Status, simplified.UpdatedAt));
    }
}
