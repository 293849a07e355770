using Microsoft.Extensions.Localization;
using RegLookup.Indexing.Lifecycle;
using RegLookup.Indexing.Querying;

namespace RegLookup.Web.Search;

public static class SearchEndpoints
{
    /// <summary><c>GET /api/search</c> and <c>GET /api/suggest</c> of http-api.md.</summary>
    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Search");

        api.MapGet("/search", (HttpRequest http, SearchService search, SearchIndex index, IStringLocalizer<Messages> text) =>
        {
            var (request, problem) = SearchQueryString.Parse(http.Query, text);
            if (problem is not null) return Results.Problem(title: problem, statusCode: StatusCodes.Status400BadRequest);
            if (!index.IsReady) return NotReady(text);
            return Results.Ok(search.Search(request!));
        })
        .WithSummary("Search regulations, proposals and legal documents")
        .Produces<SearchResult>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/suggest", (string? q, SearchService search, SearchIndex index, IStringLocalizer<Messages> text) =>
        {
            if ((q ?? "").Length > SearchRequest.MaxQueryLength)
                return Results.Problem(title: text["Problem.QueryTooLong", SearchRequest.MaxQueryLength], statusCode: StatusCodes.Status400BadRequest);
            if (!index.IsReady) return NotReady(text);
            return Results.Ok(search.Suggest(q ?? ""));
        })
        .WithSummary("Up to 10 completions for a partly typed query")
        .Produces<IReadOnlyList<Suggestion>>()
        .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult NotReady(IStringLocalizer<Messages> text) =>
        Results.Problem(title: text["Problem.IndexNotReady"], statusCode: StatusCodes.Status503ServiceUnavailable);
}
