using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Tests.Accounts;

public class AttemptLimitTests
{
    [Fact]
    public async Task One_address_gets_a_clear_refusal_after_its_registrations_and_creates_nothing_more_while_another_still_registers()
    {
        await using var factory = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var portal = WithClientAddresses(factory);
        var first = From(portal, "203.0.113.7");
        for (var i = 0; i < AttemptLimiter.PerWindow; i++)
        {
            // Refused by the form's own rules (no password), but each one is an attempt.
            var attempt = await PortalUsers.PostFormAsync(first, "/account/register", "register",
                AccountForms.Registration($"thu{i}@example.vn", ("Password", ""), ("ConfirmPassword", "")));
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var refused = await PortalUsers.PostFormAsync(first, "/account/register", "register", AccountForms.Registration("lan@example.vn"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Có quá nhiều lần gửi biểu mẫu này từ địa chỉ mạng của bạn", AccountForms.Text(await refused.Content.ReadAsStringAsync()));
        var users = portal.Services.GetRequiredService<UserStore>();
        Assert.Null(await users.FindByNormalizedEmailAsync("LAN@EXAMPLE.VN"));

        var other = await PortalUsers.PostFormAsync(From(portal, "198.51.100.20"), "/account/register", "register", AccountForms.Registration("lan@example.vn"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotNull(await users.FindByNormalizedEmailAsync("LAN@EXAMPLE.VN"));
    }

    [Fact]
    public async Task Password_guesses_across_accounts_from_one_address_are_refused_in_English_too()
    {
        await using var factory = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var portal = WithClientAddresses(factory);
        var browser = From(portal, "203.0.113.9");
        for (var i = 0; i <= AttemptLimiter.PerWindow; i++)
        {
            var guess = await PortalUsers.PostFormAsync(browser, "/account/login?culture=en", "login",
                new() { ["Input.Email"] = $"user{i}@example.vn", ["Input.Password"] = "doan-bua-123" });
            var text = AccountForms.Text(await guess.Content.ReadAsStringAsync());
            if (i < AttemptLimiter.PerWindow) Assert.DoesNotContain("too many times", text);
            else
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, guess.StatusCode);
                Assert.Contains("This form has been sent too many times from your network address", text);
            }
        }
    }

    private const string AddressHeader = "X-Test-Client-Address";

    /// <summary>The in-process test host has no client address: this one takes it from a header.</summary>
    private static WebApplicationFactory<Program> WithClientAddresses(PortalFactory portal) =>
        portal.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>()));

    private static HttpClient From(WebApplicationFactory<Program> portal, string address)
    {
        var browser = PortalUsers.Browser(portal);
        browser.DefaultRequestHeaders.Add(AddressHeader, address);
        return browser;
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[AddressHeader], out var address)) http.Connection.RemoteIpAddress = address;
                return following(http);
            });
            next(app);
        };
    }
}
