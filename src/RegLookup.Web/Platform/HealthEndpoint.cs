using Dapper;
using RegLookup.Data;

namespace RegLookup.Web.Platform;

public static class HealthEndpoint
{
    /// <summary><c>GET /healthz</c>: 200 <c>{"status":"ok"}</c> once the database answers.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (Database db) =>
        {
            try
            {
                await db.ReadAsync(c => c.ExecuteScalarAsync<int>("SELECT 1"));
                return Results.Ok(new { status = "ok" });
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                return Results.Problem(title: "Cơ sở dữ liệu chưa sẵn sàng / The database is not ready",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription();
}
