using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>
/// A test-only endpoint, <c>/test/can?action=X&amp;agency=Y</c>, answering "yes" or "no" for the request's cookie as the
/// cookie handler reads it (security-stamp check included), for actions that no page of this feature guards yet.
/// </summary>
public sealed class PermissionProbe : IStartupFilter
{
    public const string Path = "/test/can";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, probe => probe.Run(async http =>
        {
            var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            var action = Enum.Parse<PortalAction>(http.Request.Query["action"].ToString());
            var can = signedIn.Principal is { } user && Permissions.Can(user, action, http.Request.Query["agency"].FirstOrDefault());
            await http.Response.WriteAsync(can ? "yes" : "no");
        }));
        next(app);
    };

    /// <summary>The portal with the probe, checking the security stamp on every request instead of once a minute,
    /// so a role change shows in the next request of a cookie that already exists.</summary>
    public static WebApplicationFactory<Program> On(PortalFactory portal) => portal.WithWebHostBuilder(b => b.ConfigureServices(s =>
    {
        s.AddSingleton<IStartupFilter, PermissionProbe>();
        s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
    }));

    public static async Task<bool> CanAsync(HttpClient browser, PortalAction action, string? agency = null) =>
        await browser.GetStringAsync($"{Path}?action={action}&agency={agency}") == "yes";
}
