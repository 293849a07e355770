using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.VisualBasic.FileIO;
using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests;

/// <summary>The open-data twins of the pages, over the sample dataset whose every figure is known.</summary>
public class OpenDataApiTests
{
    private static async Task<(PortalFactory Portal, HttpClient Client)> StartAsync(DbEngine engine = DbEngine.Sqlite)
    {
        var portal = await PortalFactory.CreateAsync(engine);
        return (portal, await portal.ReadyClientAsync());
    }

    [Fact]
    public async Task Regulation_document_and_proposal_come_with_what_surrounds_them()
    {
        var (portal, client) = await StartAsync();
        await using var _ = portal;

        var regulation = await client.GetFromJsonAsync<JsonElement>("/api/regulations/BCT-XD-0001");
        Assert.Equal("BCT-XD-0001", regulation.GetProperty("regulation").GetProperty("id").GetString());
        Assert.Equal("83/2014/NĐ-CP", regulation.GetProperty("document").GetProperty("number").GetString());
        Assert.Equal("Bộ Công Thương", regulation.GetProperty("agency").GetProperty("name").GetString());
        var proposal = regulation.GetProperty("proposals").EnumerateArray().Single();
        Assert.Equal(("PA-BCT-XD-2026-01", "abolish"), (proposal.GetProperty("id").GetString(), proposal.GetProperty("action").GetString()));

        var document = await client.GetFromJsonAsync<JsonElement>("/api/documents/nd-83-2014");
        Assert.Equal(3, document.GetProperty("regulations").GetArrayLength());

        var implemented = await client.GetFromJsonAsync<JsonElement>("/api/proposals/PA-BYT-TP-2020-01");
        Assert.False(implemented.GetProperty("window").GetProperty("isOpen").GetBoolean());
        Assert.Equal("Tự công bố sản phẩm thực phẩm", implemented.GetProperty("targets")[0].GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/regulations/BCT-XD-9999", "Không tìm thấy quy định 'BCT-XD-9999'.")]
    [InlineData("/api/documents/none", "Không tìm thấy văn bản 'none'.")]
    [InlineData("/api/proposals/none", "Không tìm thấy phương án 'none'.")]
    [InlineData("/api/proposals/none/comments", "Không tìm thấy phương án 'none'.")]
    [InlineData("/api/export/users.csv", "Không tìm thấy dữ liệu xuất 'users.csv'.")]
    [InlineData("/feeds/agencies/XYZ.atom", "Không tìm thấy cơ quan 'XYZ'.")]
    [InlineData("/api/regulations/BCT-XD-9999?culture=en", "No regulation 'BCT-XD-9999' was found.")]
    public async Task An_unknown_id_is_a_404_problem_in_the_readers_language(string url, string title)
    {
        var (portal, client) = await StartAsync();
        await using var _ = portal;
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Comment_threads_nest_replies_with_their_responses()
    {
        var (portal, client) = await StartAsync();
        await using var _ = portal;
        var threads = await client.GetFromJsonAsync<JsonElement>("/api/proposals/PA-BCT-XD-2026-01/comments");

        var first = threads.EnumerateArray().Single();
        Assert.Equal("c-0001", first.GetProperty("id").GetString());
        Assert.Equal("accepted", first.GetProperty("response").GetProperty("decision").GetString());
        var reply = first.GetProperty("replies").EnumerateArray().Single();
        Assert.Equal("c-0002", reply.GetProperty("id").GetString());
        Assert.Equal("c-0003", reply.GetProperty("replies")[0].GetProperty("id").GetString());
        Assert.False(first.TryGetProperty("email", out JsonElement _));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Agency_statistics_match_the_figures_counted_by_hand(DbEngine engine)
    {
        var (portal, client) = await StartAsync(engine);
        await using var _ = portal;
        var stats = (await client.GetFromJsonAsync<JsonElement>("/api/stats/agencies")).EnumerateArray()
            .ToDictionary(a => a.GetProperty("code").GetString()!);

        Assert.Equal(["BCT", "BYT"], stats.Keys.Order());
        var bct = stats["BCT"];
        Assert.Equal(3, bct.GetProperty("regulations").GetInt64());
        Assert.Equal(2, bct.GetProperty("regulationsByStatus").GetProperty("in_force").GetInt64());
        Assert.Equal(1, bct.GetProperty("regulationsByStatus").GetProperty("proposed_cut").GetInt64());
        Assert.Equal(1, bct.GetProperty("regulationsByKind").GetProperty("reporting").GetInt64());
        Assert.Equal(1, bct.GetProperty("proposalsByStatus").GetProperty("consultation").GetInt64());
        Assert.Equal(143_000_000, bct.GetProperty("complianceCostVnd").GetInt64());
        Assert.Equal(0, bct.GetProperty("cutRate").GetDouble());
        var byt = stats["BYT"];
        Assert.Equal(1.0, byt.GetProperty("cutRate").GetDouble());
        Assert.Equal(1, byt.GetProperty("proposalsByStatus").GetProperty("implemented").GetInt64());
        Assert.Equal("Bộ Y tế", byt.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Csv_exports_are_utf8_with_bom_and_parse_back()
    {
        var (portal, client) = await StartAsync();
        await using var _ = portal;
        var bytes = await client.GetByteArrayAsync("/api/export/regulations.csv");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        Assert.Equal("id", rows[0][0]);
        Assert.Equal(5, rows.Count);
        var first = rows.Single(r => r[0] == "BCT-XD-0001");
        Assert.Equal("Điều kiện đối với thương nhân đầu mối kinh doanh xăng dầu", first[Array.IndexOf(rows[0], "title")]);
        Assert.Equal("125000000", first[Array.IndexOf(rows[0], "complianceCostVnd")]);

        var comments = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/export/comments.csv"));
        Assert.Contains("Hiệp hội Xăng dầu Việt Nam", comments);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_dataset_zip_reimports_to_the_same_records(DbEngine engine)
    {
        var (portal, client) = await StartAsync(engine);
        await using var _ = portal;
        var folder = Path.Combine(Path.GetTempPath(), "reglookup-tests", "zip-" + Guid.NewGuid().ToString("N")[..8]);
        using (var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/api/export/dataset.zip"))))
            zip.ExtractToDirectory(folder);

        await using var copy = await TestDatabase.CreateAsync(DbEngine.Sqlite);
        var result = await new DatasetImporter(copy.Db).ImportAsync(folder);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new DatasetCounts(3, 2, 4, 2, 4), await new DatasetStore(copy.Db).CountAsync());
    }

    [Fact]
    public async Task Feeds_are_atom_and_list_opened_consultations()
    {
        var (portal, client) = await StartAsync();
        await using var _ = portal;

        SyndicationFeed Load(Stream s) { using var reader = XmlReader.Create(s); return SyndicationFeed.Load(reader); }
        var response = await client.GetAsync("/feeds/consultations.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var all = Load(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["Phương án cắt giảm điều kiện kinh doanh xăng dầu", "Phương án đơn giản hóa thủ tục tự công bố sản phẩm"],
            all.Items.Select(i => i.Title.Text));
        Assert.EndsWith("/proposals/PA-BCT-XD-2026-01", all.Items.First().Links[0].Uri.AbsoluteUri);

        var bct = Load(await client.GetStreamAsync("/feeds/agencies/BCT.atom"));
        Assert.Single(bct.Items);
        var responses = Load(await client.GetStreamAsync("/feeds/proposals/PA-BCT-XD-2026-01.atom"));
        Assert.Equal("c-0001", responses.Items.Single().Links[0].Uri.Fragment.TrimStart('#'));
    }

    [Fact]
    public async Task Public_data_answers_304_until_something_changes()
    {
        var (portal, client) = await StartAsync();
        await using var _ = portal;
        var first = await client.GetAsync("/api/regulations/BCT-XD-0001");
        var etag = first.Headers.ETag!;

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/regulations/BCT-XD-0001");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        var db = (Database)portal.Services.GetService(typeof(Database))!;
        await db.WriteAsync(s => new RegulationStore(db).SetStatusAsync(s, "BCT-XD-0003", "cut"));
        var changed = new HttpRequestMessage(HttpMethod.Get, "/api/regulations/BCT-XD-0001");
        changed.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(changed)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        var (portal, client) = await StartAsync();
        await using var _ = portal;
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[] { "/api/search", "/api/suggest", "/api/regulations/{id}", "/api/documents/{id}", "/api/proposals/{id}",
                     "/api/proposals/{id}/comments", "/api/stats/agencies", "/api/export/{file}", "/api/export/dataset.zip", "/feeds/consultations.atom" })
            Assert.True(paths.TryGetProperty(path, out JsonElement _), $"{path} is not in the OpenAPI document");
    }
}
