using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Tests.Accounts;

public class DevelopmentAdminTests
{
    [Fact]
    public async Task Development_starts_with_the_configured_administrator_who_can_sign_in()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var development = portal.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        var configuration = development.Services.GetRequiredService<IConfiguration>();
        var email = configuration[$"{DevelopmentAdmin.Section}:Email"]!;

        var admin = await PortalUsers.SignInAsync(development, email, configuration[$"{DevelopmentAdmin.Section}:Password"]!);

        Assert.Equal("admin@reglookup.local", email); // from appsettings.Development.json
        Assert.Contains("href=\"/admin/users\"", await admin.GetStringAsync("/account"));
    }

    [Fact]
    public async Task No_other_environment_creates_it_even_when_configured()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var production = portal.WithWebHostBuilder(b => b
            .UseSetting($"{DevelopmentAdmin.Section}:Email", "root@example.vn")
            .UseSetting($"{DevelopmentAdmin.Section}:Password", "Mật-khẩu-2026"));

        var users = production.Services.GetRequiredService<UserStore>();

        Assert.Null(await users.FindByNormalizedEmailAsync("ROOT@EXAMPLE.VN"));
        Assert.Empty(await users.InRoleAsync(Roles.Admin));
    }
}
