using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests;

public class StartupTests
{
    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task First_start_migrates_loads_the_seed_and_answers_healthz(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        var client = await portal.ReadyClientAsync();

        var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", (await health.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["status"]);
        var counts = await portal.Services.GetRequiredService<DatasetStore>().CountAsync();
        Assert.Equal(new DatasetCounts(3, 2, 4, 2, 4), counts);
        Assert.Equal(engine, portal.Services.GetRequiredService<Database>().Engine);
    }

    [Fact]
    public async Task Home_page_shows_the_counts_in_vietnamese()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var html = await portal.CreateClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"vi\"", html);
        Assert.Contains("Tra cứu quy định kinh doanh", html);
        Assert.Matches(@">\s*4\s*</p>\s*<p[^>]*>\s*Quy định kinh doanh", html);
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var response = await portal.CreateClient().GetAsync("/khong-co-trang-nay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }
}
