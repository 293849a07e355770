using Dapper;
using Microsoft.Extensions.Localization;
using RegLookup.Data;
using RegLookup.Indexing.Lifecycle;

namespace RegLookup.Web.Platform;

public static class HealthEndpoint
{
    /// <summary><c>GET /healthz</c>: 200 <c>{"status":"ok"}</c> once the database answers and the search index is open.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (Database db, SearchIndex index, IStringLocalizer<Messages> text) =>
        {
            try
            {
                await db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT 1"));
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                return Results.Problem(title: text["Problem.DatabaseNotReady"], statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            return index.IsReady
                ? Results.Ok(new { status = "ok" })
                : Results.Problem(title: text["Problem.IndexNotReady"], statusCode: StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
}
