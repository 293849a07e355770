using Microsoft.AspNetCore.Identity;
using RegLookup.Data.Model;

namespace RegLookup.Web.Accounts;

/// <summary>
/// A ready administrator for a developer's machine, from <c>RegLookup:Admin:Email</c> and <c>RegLookup:Admin:Password</c>
/// (appsettings.Development.json). Only in the Development environment: elsewhere the first administrator is made
/// with the <c>grant-role</c> command, so no known password ever reaches a real deployment.
/// </summary>
public static class DevelopmentAdmin
{
    public const string Section = "RegLookup:Admin";

    public static async Task SeedAsync(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration)
    {
        var email = configuration[$"{Section}:Email"];
        var password = configuration[$"{Section}:Password"];
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DevelopmentAdmin));
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return;
        if (!environment.IsDevelopment())
        {
            log.LogWarning("{Section} is set but ignored outside the Development environment; use the grant-role command", Section);
            return;
        }

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var admin = new PortalUser { Email = email, DisplayName = "Quản trị viên", EmailConfirmed = true };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            log.LogError("The development administrator {Email} was not created: {Errors}", email, string.Join("; ", created.Errors.Select(e => e.Description)));
            return;
        }
        foreach (var role in new[] { Roles.Member, Roles.Admin })
            await users.AddToRoleAsync(admin, role);
        log.LogInformation("Development administrator {Email} created", email);
    }
}
