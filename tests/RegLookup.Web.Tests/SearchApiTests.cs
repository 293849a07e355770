using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests;

public class SearchApiTests
{
    [Fact]
    public async Task Search_answers_in_the_shape_of_the_spec()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var client = await portal.ReadyClientAsync();

        var json = await client.GetFromJsonAsync<JsonElement>("/api/search?q=dieu+kien+xang+dau&agency=BCT");

        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        Assert.Equal(20, json.GetProperty("pageSize").GetInt32());
        Assert.True(json.GetProperty("tookMs").GetDouble() >= 0);
        var hit = json.GetProperty("hits")[0];
        foreach (var field in new[] { "id", "type", "title", "snippet", "agency", "sector", "kind", "status", "documentNumber", "score" })
            Assert.True(hit.TryGetProperty(field, out _), $"hit has no {field}");
        Assert.Equal("regulation", hit.GetProperty("type").GetString());
        Assert.Equal("83/2014/NĐ-CP", hit.GetProperty("documentNumber").GetString());
        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString());
        var agencies = json.GetProperty("facets").GetProperty("agency").EnumerateArray()
            .ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Equal(2, agencies["BCT"]);
    }

    [Theory]
    [InlineData("/api/search?q=x&page=0", "Tham số page phải là số nguyên từ 1 trở lên.")]
    [InlineData("/api/search?q=x&page=abc", "Tham số page phải là số nguyên từ 1 trở lên.")]
    [InlineData("/api/search?q=x&pageSize=-5", "Tham số pageSize phải là số nguyên từ 1 trở lên.")]
    [InlineData("/api/search?q=x&type=law", "Loại kết quả 'law' không hợp lệ; dùng một trong: regulation, proposal, document, all.")]
    [InlineData("/api/search?q=x&sort=popular", "Cách sắp xếp 'popular' không hợp lệ; dùng một trong: relevance, date.")]
    [InlineData("/api/search?q=x&type=law&culture=en", "Unknown type 'law'; use one of: regulation, proposal, document, all.")]
    public async Task Bad_parameters_are_a_clear_400_problem(string url, string title)
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var response = await (await portal.ReadyClientAsync()).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_refused_not_a_500()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var client = await portal.ReadyClientAsync();
        var longQuery = string.Concat(Enumerable.Repeat("xăng dầu ", 1200))[..10_000];

        var search = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(longQuery));
        var suggest = await client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(longQuery));

        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, suggest.StatusCode);
        Assert.Contains("tối đa 500 ký tự", await search.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Page_size_is_capped_and_a_page_beyond_the_results_is_empty()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var client = await portal.ReadyClientAsync();

        var capped = await client.GetFromJsonAsync<JsonElement>("/api/search?pageSize=500");
        var beyond = await client.GetFromJsonAsync<JsonElement>("/api/search?page=40");

        Assert.Equal(100, capped.GetProperty("pageSize").GetInt32());
        Assert.Equal(4, capped.GetProperty("hits").GetArrayLength());
        Assert.Equal(0, beyond.GetProperty("hits").GetArrayLength());
        Assert.Equal(4, beyond.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Suggest_completes_a_partly_typed_query()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var suggestions = await (await portal.ReadyClientAsync()).GetFromJsonAsync<JsonElement>("/api/suggest?q=kinh+doanh+xa");

        Assert.InRange(suggestions.GetArrayLength(), 1, 10);
        Assert.Equal("Kinh doanh xăng dầu", suggestions[0].GetProperty("text").GetString());
    }

    /// <summary>Two web nodes share one PostgreSQL database, each with its own index: a regulation written through
    /// one is found by the other through the change feed.</summary>
    [Fact]
    public async Task A_change_through_one_node_is_searchable_on_another_within_two_seconds()
    {
        await using var first = await PortalFactory.CreateAsync(DbEngine.Postgres);
        await first.ReadyClientAsync();
        await using var second = first.Sibling();
        var client = await second.ReadyClientAsync();

        var regulations = first.Services.GetRequiredService<RegulationStore>();
        var regulation = (await regulations.GetAsync("BYT-TP-0001"))! with
        {
            Id = "BYT-TP-0042", Title = "Điều kiện đối với bếp ăn tập thể", Content = "Bếp ăn tập thể phải bố trí khu sơ chế, chế biến và chia thức ăn riêng biệt.",
        };
        await first.Services.GetRequiredService<Database>().WriteAsync(s => regulations.UpsertAsync(s, regulation));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        JsonElement found;
        do
        {
            found = await client.GetFromJsonAsync<JsonElement>("/api/search?q=bep+an+tap+the");
            if (found.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("id").GetString() == "BYT-TP-0042")) break;
            await Task.Delay(50);
        } while (clock.Elapsed < TimeSpan.FromSeconds(2));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"not searchable on the second node after {clock.Elapsed.TotalSeconds:F1} s");
    }
}
