using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Data.Tests;

public class ImportTests
{
    public static IEnumerable<object[]> BadLines =>
    [
        ["regulations.jsonl", 2, """{"id":"BCT-XD-0002", "title": """, "regulations.jsonl:2: not valid JSON"],
        ["regulations.jsonl", 3, """{"id":"BCT-XD-0003","documentId":"nd-9-2099","agency":"BCT","kind":"reporting","title":"Báo cáo","content":"x","status":"in_force"}""",
            "regulations.jsonl:3: documentId 'nd-9-2099' not found"],
        ["regulations.jsonl", 1, """{"id":"BCT-XD-0001","documentId":"nd-83-2014","agency":"BCT","kind":"giay_phep","title":"Điều kiện","content":"x","status":"in_force"}""",
            "regulations.jsonl:1: kind 'giay_phep' is not one of"],
        ["documents.jsonl", 2, """{"id":"nd-83-2014","number":"15/2018/NĐ-CP","type":"nghi_dinh","title":"Nghị định","issuer":"CP","status":"in_force"}""",
            "documents.jsonl:2: id 'nd-83-2014' duplicates line 1"],
        ["documents.jsonl", 1, """{"id":"nd-83-2014","number":"83/2014/NĐ-CP","type":"nghi_dinh","title":"Nghị định","issuer":"CP","issuedOn":"03/09/2014","status":"amended"}""",
            "documents.jsonl:1: issuedOn: expected a date YYYY-MM-DD"],
        ["comments.jsonl", 2, """{"id":"c-0002","proposalId":"PA-BCT-XD-2026-01","parentId":"c-0001","author":"A","respondentType":"individual","stance":"oppose","body":"x","createdAt":"hôm qua"}""",
            "comments.jsonl:2: createdAt: expected an ISO 8601 date-time"],
        ["comments.jsonl", 3, """{"id":"c-0003","proposalId":"PA-BCT-XD-2026-01","parentId":"c-0004","author":"A","respondentType":"individual","stance":"oppose","body":"x","createdAt":"2026-10-07T08:15:00+07:00"}""",
            "comments.jsonl:3: parentId 'c-0004' belongs to another proposal"],
        ["proposals.jsonl", 2, """{"id":"PA-BYT-TP-2020-01","agency":"BYT","title":"P","status":"implemented","targets":[{"regulationId":"BYT-TP-0001","action":"delete"}]}""",
            "proposals.jsonl:2: targets[0].action 'delete' is not one of"],
        ["proposals.jsonl", 2, """{"id":"PA-BYT-TP-2020-01","agency":"BYT","title":"P","status":"implemented","implementingDocumentId":"nd-9-2099","targets":[]}""",
            "proposals.jsonl:2: implementingDocumentId 'nd-9-2099' not found"],
        ["agencies.jsonl", 2, """{"code":"BCT"}""", "agencies.jsonl:2: name: required"],
    ];

    [Theory, MemberData(nameof(BadLines))]
    public async Task A_bad_line_is_named_and_loads_nothing(string file, int line, string text, string expected)
    {
        foreach (var engine in new[] { DbEngine.Sqlite, DbEngine.Postgres })
        {
            await using var t = await TestDatabase.CreateAsync(engine);
            var folder = new SampleDataset().Replace(file, line, text).WriteToTemp();

            var result = await new DatasetImporter(t.Db).ImportAsync(folder);

            Assert.False(result.Succeeded);
            Assert.StartsWith(expected, result.Errors[0].ToString());
            Assert.True((await new DatasetStore(t.Db).CountAsync()).IsEmpty);
            Assert.Equal(0, await new ChangeFeed(t.Db).LatestSeqAsync());
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_failed_import_leaves_the_loaded_data_as_it_was(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        var importer = new DatasetImporter(t.Db);
        Assert.True((await importer.ImportAsync(new SampleDataset().WriteToTemp())).Succeeded);
        var before = await new DatasetStore(t.Db).CountAsync();
        var seq = await new ChangeFeed(t.Db).LatestSeqAsync();

        var broken = new SampleDataset().Replace("regulations.jsonl", 4, """{"id":"BYT-TP-0001","documentId":"nd-15-2018","agency":"BYT","kind":"procedure","title":"Sửa","content":"x","status":"abolished"}""");
        var result = await importer.ImportAsync(broken.WriteToTemp(), replace: true);

        Assert.Equal("regulations.jsonl:4: status 'abolished' is not one of in_force, proposed_cut, cut, simplified", result.Errors[0].ToString());
        Assert.Equal(before, await new DatasetStore(t.Db).CountAsync());
        Assert.Equal(seq, await new ChangeFeed(t.Db).LatestSeqAsync());
        Assert.Equal("Tự công bố sản phẩm thực phẩm", (await new RegulationStore(t.Db).GetAsync("BYT-TP-0001"))!.Title);
    }

    [Fact]
    public async Task A_missing_folder_or_agencies_file_is_an_error()
    {
        await using var t = await TestDatabase.CreateAsync(DbEngine.Sqlite);
        var importer = new DatasetImporter(t.Db);
        Assert.Equal("folder not found", (await importer.ImportAsync("/nonexistent/folder")).Errors[0].Message);

        var folder = new SampleDataset().WriteToTemp();
        File.Delete(Path.Combine(folder, "agencies.jsonl"));
        var result = await importer.ImportAsync(folder);
        Assert.StartsWith("agencies.jsonl: file not found", result.Errors[0].ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Importing_twice_leaves_the_same_data(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        var importer = new DatasetImporter(t.Db);
        var folder = new SampleDataset().WriteToTemp();

        Assert.True((await importer.ImportAsync(folder)).Succeeded);
        var first = await ExportTextAsync(t.Db);
        Assert.True((await importer.ImportAsync(folder)).Succeeded);

        Assert.Equal(first, await ExportTextAsync(t.Db));
        Assert.Equal(new DatasetCounts(3, 2, 4, 2, 4), await new DatasetStore(t.Db).CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_import_may_reference_records_already_loaded(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        var importer = new DatasetImporter(t.Db);
        Assert.True((await importer.ImportAsync(new SampleDataset().WriteToTemp())).Succeeded);

        var reply = new SampleDataset();
        foreach (var file in reply.Files.Keys.Where(f => f != "agencies.jsonl").ToList()) reply.Files[file].Clear();
        reply.Files["comments.jsonl"].Add("""{"id":"c-0005","proposalId":"PA-BCT-XD-2026-01","parentId":"c-0003","author":"Phạm Quốc Bảo","respondentType":"expert","stance":"neutral","body":"Ý kiến bổ sung.","createdAt":"2026-10-08T10:00:00+07:00"}""");
        var result = await importer.ImportAsync(reply.WriteToTemp());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("c-0003", (await new CommentStore(t.Db).GetAsync("c-0005"))!.ParentId);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Export_then_import_round_trips_exactly(DbEngine engine)
    {
        await using var source = await TestDatabase.CreateAsync(engine);
        await using var copy = await TestDatabase.CreateAsync(engine);
        var folder = Directory.Exists(RepoPaths.SeedData) ? RepoPaths.SeedData : new SampleDataset().WriteToTemp();
        Assert.True((await new DatasetImporter(source.Db).ImportAsync(folder)).Succeeded);

        var exported = Path.Combine(Path.GetTempPath(), "reglookup-tests", "export-" + Guid.NewGuid().ToString("N")[..8]);
        await new DatasetExporter(source.Db).ExportAsync(exported, includeDrafts: true);
        var result = await new DatasetImporter(copy.Db).ImportAsync(exported);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(await new DatasetStore(source.Db).CountAsync(), await new DatasetStore(copy.Db).CountAsync());
        Assert.Equal(await ExportTextAsync(source.Db), await ExportTextAsync(copy.Db));
    }

    [Fact]
    public async Task Times_without_an_offset_are_vietnam_time_and_export_with_it()
    {
        await using var t = await TestDatabase.CreateAsync(DbEngine.Sqlite);
        Assert.True((await new DatasetImporter(t.Db).ImportAsync(new SampleDataset().WriteToTemp())).Succeeded);
        var text = await ExportTextAsync(t.Db);
        Assert.Contains("\"createdAt\":\"2026-10-06T14:00:00+07:00\"", text["comments.jsonl"]);
        Assert.Contains("\"title\":\"Nghị định về kinh doanh xăng dầu\"", text["documents.jsonl"]);
    }

    private static async Task<Dictionary<string, string>> ExportTextAsync(Database db)
    {
        var folder = Path.Combine(Path.GetTempPath(), "reglookup-tests", "export-" + Guid.NewGuid().ToString("N")[..8]);
        await new DatasetExporter(db).ExportAsync(folder, includeDrafts: true);
        return Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f));
    }
}
