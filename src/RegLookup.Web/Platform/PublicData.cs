using Microsoft.Extensions.Localization;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Platform;

/// <summary>What every open-data route shares: conditional GET on the data version, caching, localized 404s.</summary>
public static class PublicData
{
    /// <summary>
    /// The change feed's last sequence is the version of all public data: a client that sends back the ETag it got
    /// is told 304 until something changes. Public data may be cached briefly by anyone.
    /// </summary>
    public static TBuilder WithDataVersion<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var version = await http.RequestServices.GetRequiredService<ChangeFeed>().LatestSeqAsync();
            var etag = $"\"{version}-{System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\"";
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Contains(etag)))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            // Exports stream their body, so the headers are set just before it starts, and only on success.
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode < 400)
                {
                    http.Response.Headers.ETag = etag;
                    http.Response.Headers.CacheControl = "public, max-age=30";
                }
                return Task.CompletedTask;
            });
            return await next(context);
        });

    public static IResult NotFound(IStringLocalizer<Messages> text, string entity, string id) =>
        Results.Problem(title: text["Problem.NotFound", text[$"Entity.{entity}"], id], statusCode: StatusCodes.Status404NotFound);
}
