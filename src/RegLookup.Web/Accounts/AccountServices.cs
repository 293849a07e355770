using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Accounts;

public static class AccountServices
{
    public const string LoginPath = "/account/login";
    public const int MinPasswordLength = 8;

    /// <summary>Identity with cookie sign-in on the Dapper store, the authorization policies, and the shared key ring
    /// (encrypted when <see cref="KeyRingCertificate"/> is configured).</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "reglookup.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
        });
        // A role granted or revoked by an admin reaches the person's cookie within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = MinPasswordLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddUserStore<DapperUserStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        var protection = services.AddDataProtection().SetApplicationName("RegLookup");
        if (KeyRingCertificate.Load(configuration) is { } certificate) protection.ProtectKeysWithCertificate(certificate);
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyStore>((o, keys) => o.XmlRepository = new DatabaseXmlRepository(keys));
        services.AddAntiforgery(o => o.Cookie.Name = "reglookup.af");

        services.AddSingleton<AttemptLimiter>();
        services.AddSingleton<Notifier>();
        services.AddScoped<AccountMail>();
        services.AddScoped<AccountFlows>();
        services.AddSingleton<UserAdministration>();
        services.AddAuthorization(Permissions.AddPolicies);
        services.AddSingleton<IAuthorizationHandler, ActionHandler>();
        return services;
    }

    /// <summary>Sign-out is a POST with an antiforgery token, so a link on another site cannot sign anyone out.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<PortalUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
}
