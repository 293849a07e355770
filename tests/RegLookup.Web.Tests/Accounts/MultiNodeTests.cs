using System.Net;
using Dapper;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>Two web nodes over one PostgreSQL database, the way the portal scales out: a person moves between them.</summary>
public class MultiNodeTests
{
    [Fact]
    public async Task A_cookie_and_an_antiforgery_token_from_one_node_are_accepted_by_another()
    {
        await using var a = await PortalFactory.CreateAsync(DbEngine.Postgres);
        await a.ReadyClientAsync();
        await using var b = a.Sibling();
        await b.ReadyClientAsync();
        var user = await PortalUsers.CreateAsync(a, "lan.nguyen@example.vn", "Nguyễn Thị Lan");
        // One browser, whose requests a load balancer sends to either node.
        var jar = new CookieContainer();
        var onA = a.CreateDefaultClient(new CookieContainerHandler(jar));
        var onB = b.CreateDefaultClient(new CookieContainerHandler(jar));

        var signIn = await PortalUsers.PostFormAsync(onA, "/account/login", "login",
            new() { ["Input.Email"] = "lan.nguyen@example.vn", ["Input.Password"] = PortalUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var profile = await onB.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("lan.nguyen@example.vn", await profile.Content.ReadAsStringAsync());

        var token = PortalUsers.AntiforgeryTokenOf(await onA.GetStringAsync("/account"), "/account");
        var saved = await onB.PostAsync("/account", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "profile",
            ["Input.DisplayName"] = "Nguyễn Thị Lan (node B)", ["Input.RespondentType"] = "individual",
        }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Đã lưu thông tin tài khoản.", await saved.Content.ReadAsStringAsync());
        Assert.Equal("Nguyễn Thị Lan (node B)", (await a.Services.GetRequiredService<UserStore>().FindByIdAsync(user.Id))!.DisplayName);
    }

    [Fact]
    public async Task Nodes_started_one_after_the_other_use_the_key_the_first_one_created()
    {
        await using var a = await PortalFactory.CreateAsync(DbEngine.Postgres);
        await a.ReadyClientAsync();
        await using var b = a.Sibling();
        await b.ReadyClientAsync();

        Assert.Equal(1, await KeysAsync(a.Services.GetRequiredService<Database>()));
        Assert.Equal(DefaultKey(a), DefaultKey(b));
    }

    [Fact]
    public async Task Nodes_starting_at_the_same_moment_agree_on_one_key()
    {
        // A database that is migrated and loaded but has no key yet, as on the first deployment of several nodes.
        await using var t = await TestDatabase.CreateLoadedAsync(DbEngine.Postgres);
        var seed = new SampleDataset().WriteToTemp();
        var nodes = Enumerable.Range(0, 3).Select(_ => new PortalFactory(t.Db.ConnectionString, seed,
            Path.Combine(Path.GetTempPath(), "reglookup-tests", "data-" + Guid.NewGuid().ToString("N")[..8]))).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(n => Task.Run(n.ReadyClientAsync)));

            Assert.Equal(1, await KeysAsync(t.Db));
            Assert.Single(nodes.Select(DefaultKey).Distinct());
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static Task<int> KeysAsync(Database db) =>
        db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM data_protection_keys"));

    private static Guid DefaultKey(PortalFactory node) => node.Services.GetRequiredService<IKeyRingProvider>().GetCurrentKeyRing().DefaultKeyId;
}
