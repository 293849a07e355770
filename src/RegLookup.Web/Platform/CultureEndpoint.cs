using Microsoft.AspNetCore.Localization;

namespace RegLookup.Web.Platform;

public static class CultureEndpoint
{
    public static readonly string[] Cultures = ["vi", "en"];

    /// <summary><c>GET /culture/{culture}?redirect=/path</c>: remembers the language in a cookie and goes back.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{culture}", (string culture, string? redirect, HttpContext http) =>
        {
            if (!Cultures.Contains(culture)) return Results.NotFound();
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Path = "/" });
            return Results.LocalRedirect(LocalUrls.LocalOr(redirect, "/"));
        }).ExcludeFromDescription();
}
