using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Indexing.Tests;

public class SearchTests
{
    /// <summary>The sample plus two regulations whose words differ only by their marks: "mã" (code) and "má" (pad).</summary>
    private static string MarksDataset()
    {
        var sample = new SampleDataset();
        sample.Files["regulations.jsonl"].Add("""{"id":"BYT-TP-0002","documentId":"nd-15-2018","agency":"BYT","sector":"An toàn thực phẩm","businessLines":["Kinh doanh thực phẩm"],"kind":"procedure","title":"Ghi mã số lô sản xuất trên nhãn thực phẩm","content":"Nhãn thực phẩm phải ghi mã số lô sản xuất và hạn sử dụng.","status":"in_force","updatedAt":"2023-03-01"}""");
        sample.Files["regulations.jsonl"].Add("""{"id":"BCT-XD-0004","documentId":"nd-83-2014","agency":"BCT","sector":"Xăng dầu","businessLines":["Kinh doanh xăng dầu"],"kind":"technical_standard","title":"Kiểm định má phanh xe bồn chở xăng dầu","content":"Xe bồn chở xăng dầu phải được kiểm định má phanh định kỳ sáu tháng một lần.","status":"in_force","updatedAt":"2020-01-01"}""");
        return sample.WriteToTemp();
    }

    [Fact]
    public async Task A_query_without_diacritics_finds_and_marks_the_text_with_them()
    {
        await using var s = await IndexedSample.CreateAsync();
        var result = s.Find("dieu kien cua hang ban le xang dau");

        Assert.Equal("BCT-XD-0002", result.Hits[0].Id);
        Assert.Contains("<mark>xăng</mark> <mark>dầu</mark>", result.Hits[0].Snippet);
        Assert.Equal("83/2014/NĐ-CP", result.Hits[0].DocumentNumber);
        Assert.Equal("exact", result.Match);
    }

    [Fact]
    public async Task A_word_typed_with_marks_ranks_the_exact_word_first()
    {
        await using var s = await IndexedSample.CreateAsync(MarksDataset());

        Assert.Equal("BYT-TP-0002", s.Find("mã").Hits[0].Id);
        Assert.Equal("BCT-XD-0004", s.Find("má").Hits[0].Id);
        Assert.Equal(["BCT-XD-0004", "BYT-TP-0002"], s.Find("ma").Hits.Select(h => h.Id).Order());
    }

    [Theory]
    [InlineData("83/2014", 3)]
    [InlineData("83/2014/NĐ-CP", 3)]
    [InlineData("nđ 83/2014", 3)]
    [InlineData("nghi dinh 83", 3)]
    [InlineData("nghị định 15/2018", 1)]
    public async Task A_document_number_goes_straight_to_its_regulations(string query, int count)
    {
        await using var s = await IndexedSample.CreateAsync();
        var result = s.Find(query);
        Assert.Equal(count, result.Total);
        Assert.All(result.Hits, h => Assert.Equal(count == 3 ? "83/2014/NĐ-CP" : "15/2018/NĐ-CP", h.DocumentNumber));
    }

    [Fact]
    public async Task Abbreviations_expand_to_the_legal_wording()
    {
        await using var s = await IndexedSample.CreateAsync();
        Assert.Equal("BYT-TP-0001", s.Find("ATTP").Hits.Single().Id);
        Assert.Contains("BCT-XD-0002", s.Find("cây xăng").Hits.Select(h => h.Id).Take(1));
    }

    [Fact]
    public async Task A_typo_falls_back_to_near_words_and_says_what_it_meant()
    {
        await using var s = await IndexedSample.CreateAsync();
        var result = s.Find("xawng");
        Assert.Equal(3, result.Total);
        Assert.All(result.Hits, h => Assert.StartsWith("BCT-XD", h.Id));
        Assert.Equal("xang", result.DidYouMean);
    }

    [Fact]
    public async Task An_abbreviation_is_not_corrected_as_a_typo()
    {
        await using var s = await IndexedSample.CreateAsync();
        Assert.Null(s.Find("ATTP").DidYouMean);
        Assert.Equal("xang dau", s.Find("xawng dau").DidYouMean);
    }

    [Fact]
    public async Task Facets_count_other_values_of_a_key_under_the_other_filters()
    {
        await using var s = await IndexedSample.CreateAsync();
        var all = s.Find("");
        Assert.Equal(4, all.Total);
        Assert.Equal([new("BCT", 3), new("BYT", 1)], all.Facets["agency"]);

        var byt = s.Find("", filters: new() { ["agency"] = ["BYT"] });
        Assert.Equal(1, byt.Total);
        Assert.Equal([new("BCT", 3), new("BYT", 1)], byt.Facets["agency"]);    // its own key: what choosing another would give
        Assert.Equal([new("procedure", 1)], byt.Facets["kind"]);              // other keys: within the filter

        Assert.Equal(4, s.Find("", filters: new() { ["agency"] = ["BCT", "BYT"] }).Total);                       // OR within a key
        var and = s.Find("", filters: new() { ["agency"] = ["BCT"], ["kind"] = ["reporting"] });                // AND across keys
        Assert.Equal("BCT-XD-0003", and.Hits.Single().Id);
        Assert.Equal([new("BCT", 1)], and.Facets["agency"]);
        Assert.Equal([new("business_condition", 2), new("reporting", 1)], and.Facets["kind"]);
        Assert.Equal(0, s.Find("", filters: new() { ["agency"] = ["BTC"] }).Total);
    }

    [Fact]
    public async Task Paging_and_sorting()
    {
        await using var s = await IndexedSample.CreateAsync();
        Assert.Equal(2, s.Find("", pageSize: 2).Hits.Count);
        Assert.Equal(2, s.Find("", page: 2, pageSize: 2).Hits.Count);
        var beyond = s.Find("", page: 9, pageSize: 2);
        Assert.Empty(beyond.Hits);
        Assert.Equal(4, beyond.Total);
        // By date, newest first: 2022-01-15, 2021-06-30, then the document's dates.
        Assert.Equal(["BCT-XD-0002", "BCT-XD-0001"], s.Find("", sort: "date").Hits.Take(2).Select(h => h.Id));
    }

    [Fact]
    public async Task Proposals_and_legal_documents_are_searchable_too()
    {
        await using var s = await IndexedSample.CreateAsync();
        Assert.Equal("PA-BCT-XD-2026-01", s.Find("cắt giảm xăng dầu", type: "proposal").Hits[0].Id);
        Assert.Equal("nd-83-2014", s.Find("83/2014", type: "document").Hits.Single().Id);
        var all = s.Find("xang dau", type: "all");
        Assert.Equal(["document", "proposal", "regulation"], all.Hits.Select(h => h.Type).Distinct().Order());
    }

    [Fact]
    public async Task Suggestions_complete_business_lines_and_document_numbers_without_marks()
    {
        await using var s = await IndexedSample.CreateAsync();
        Assert.Equal("Kinh doanh xăng dầu", s.Search.Suggest("kinh doanh x")[0].Text);
        Assert.Contains(s.Search.Suggest("83/20"), x => x.Kind == "document" && x.Id == "nd-83-2014");
        Assert.Empty(s.Search.Suggest("   "));
        Assert.True(s.Search.Suggest("x").Count <= 10);
    }

    [Fact]
    public async Task A_change_written_to_the_database_is_searchable_after_the_follower_catches_up()
    {
        await using var s = await IndexedSample.CreateAsync();
        var regulations = new RegulationStore(s.Db);
        var r = (await regulations.GetAsync("BYT-TP-0001"))! with { Id = "BYT-TP-0009", Title = "Điều kiện bếp ăn tập thể", Content = "Bếp ăn tập thể phải có khu sơ chế riêng biệt." };
        await s.Db.WriteAsync(async w =>
        {
            await regulations.UpsertAsync(w, r);
            await regulations.SetStatusAsync(w, "BCT-XD-0001", "cut");
        });

        Assert.DoesNotContain(s.Find("bep an tap the").Hits, h => h.Id == "BYT-TP-0009");
        Assert.True(await s.Follower.CatchUpAsync() >= 2);

        Assert.Equal("BYT-TP-0009", s.Find("bep an tap the").Hits.Single().Id);
        Assert.Equal("cut", s.Find("cầu cảng").Hits.Single(h => h.Id == "BCT-XD-0001").Status);
        Assert.Equal(0, await s.Follower.CatchUpAsync());
    }

    [Fact]
    public async Task A_replaced_dataset_rebuilds_the_index()
    {
        await using var s = await IndexedSample.CreateAsync();
        var smaller = new SampleDataset();
        smaller.Files["regulations.jsonl"].RemoveRange(0, 3);
        smaller.Files["proposals.jsonl"].RemoveAt(0);
        smaller.Files["comments.jsonl"].RemoveRange(0, 3);
        Assert.True((await new RegLookup.Data.Interchange.DatasetImporter(s.Db).ImportAsync(smaller.WriteToTemp(), replace: true)).Succeeded);

        await s.Follower.CatchUpAsync();
        Assert.Equal(["BYT-TP-0001"], s.Find("").Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task A_reopened_index_resumes_from_its_committed_position()
    {
        await using var s = await IndexedSample.CreateAsync();
        var folder = s.Index.Folder;
        var position = s.Index.Position;
        await s.ReopenAsync();

        Assert.Equal(folder, s.Index.Folder);
        Assert.Equal(position, s.Index.Position);
        Assert.Equal(4, s.Find("").Total);
    }

    [Fact]
    public async Task A_corrupt_index_is_rebuilt_from_the_database_at_start()
    {
        await using var s = await IndexedSample.CreateAsync();
        var folder = s.Index.Folder!;
        s.Index.Dispose();
        foreach (var file in Directory.GetFiles(folder)) File.WriteAllText(file, "not an index");

        await s.ReopenAsync();

        Assert.NotEqual(folder, s.Index.Folder);
        Assert.Equal(4, s.Find("").Total);
    }

    [Fact]
    public async Task A_rebuild_that_fails_keeps_the_current_index_and_leaves_no_folders_behind()
    {
        await using var s = await IndexedSample.CreateAsync();
        var folder = s.Index.Folder!;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.Follower.RebuildAsync(cancelled.Token));

        Assert.Equal(folder, s.Index.Folder);
        Assert.Equal(4, s.Find("").Total);
        Assert.Equal([folder], Directory.GetDirectories(s.Folder));
    }

    [Fact]
    public async Task Search_keeps_answering_while_the_index_is_rebuilt()
    {
        await using var s = await IndexedSample.CreateAsync();
        var rebuilding = true;
        var answers = 0;
        var searching = Task.Run(() =>
        {
            while (Volatile.Read(ref rebuilding))
            {
                Assert.Equal(4, s.Find("").Total);
                answers++;
            }
        });
        for (var i = 0; i < 3; i++) await s.Follower.RebuildAsync();
        Volatile.Write(ref rebuilding, false);
        await searching;

        Assert.True(answers > 0);
        Assert.Single(Directory.GetDirectories(s.Folder, "gen-*"));
    }
}
