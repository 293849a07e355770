using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data.Model;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>Accounts made through the portal's own UserManager, and browsers (cookie-keeping clients) signed in through the real form.</summary>
public static partial class PortalUsers
{
    public const string Password = "Mật-khẩu-thử-2026";

    public static async Task<PortalUser> CreateAsync(WebApplicationFactory<Program> factory, string email, string displayName,
        string respondentType = "individual", string? organization = null, string? agency = null, params string[] roles)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            Email = email, DisplayName = displayName, RespondentType = respondentType, Organization = organization,
            Agency = agency, EmailConfirmed = true,
        };
        Check(await users.CreateAsync(user, Password));
        foreach (var role in roles) Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>A client that keeps cookies, like a browser, not yet signed in.</summary>
    public static HttpClient Browser(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login form (with its antiforgery token) and returns the signed-in browser.</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string email, string password = Password)
    {
        var browser = Browser(factory);
        var response = await PostFormAsync(browser, "/account/login", "login",
            new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return browser;
    }

    /// <summary>Posts a form the way a browser does: fetch the page, keep its antiforgery token, submit. A Blazor SSR
    /// form is named by <paramref name="formName"/>; a plain form (null) posts to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string? formName,
        Dictionary<string, string> fields, string? action = null)
    {
        fields["__RequestVerificationToken"] = AntiforgeryTokenOf(await browser.GetStringAsync(path), path);
        if (formName is not null) fields["_handler"] = formName;
        return await browser.PostAsync(action ?? path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryTokenOf(string page, string path)
    {
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"{path} has no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
