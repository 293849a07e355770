using Microsoft.Extensions.Localization;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Regulations;

public static class RegulationEndpoints
{
    public sealed record ProposalRef(string Id, string Title, string Status, string Action, string? Note);
    public sealed record RegulationView(Regulation Regulation, LegalDocument? Document, Agency? Agency, IReadOnlyList<ProposalRef> Proposals);
    public sealed record DocumentView(LegalDocument Document, Agency? Issuer, IReadOnlyList<Regulation> Regulations);

    /// <summary><c>GET /api/regulations/{id}</c> and <c>GET /api/documents/{id}</c>: the machine twins of those pages.</summary>
    public static void MapRegulationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Regulations").WithDataVersion();

        api.MapGet("/regulations/{id}", async (string id, RegulationStore regulations, DocumentStore documents, AgencyStore agencies,
            ProposalStore proposals, IStringLocalizer<Messages> text) =>
        {
            if (await regulations.GetAsync(id) is not { } r) return PublicData.NotFound(text, "regulation", id);
            var targeting = await proposals.ListTargetingAsync(id);
            return Results.Ok(new RegulationView(r, await documents.GetAsync(r.DocumentId), await agencies.GetAsync(r.Agency),
                targeting.Select(p =>
                {
                    var target = p.Targets.First(t => t.RegulationId == id);
                    return new ProposalRef(p.Id, p.Title, p.Status, target.Action, target.Note);
                }).ToList()));
        })
        .WithSummary("One regulation with its document, agency and the proposals that target it")
        .Produces<RegulationView>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/documents/{id}", async (string id, DocumentStore documents, RegulationStore regulations, AgencyStore agencies,
            IStringLocalizer<Messages> text) =>
        {
            if (await documents.GetAsync(id) is not { } d) return PublicData.NotFound(text, "document", id);
            return Results.Ok(new DocumentView(d, await agencies.GetAsync(d.Issuer), await regulations.ListByDocumentAsync(id)));
        })
        .WithSummary("One legal document with its regulations")
        .Produces<DocumentView>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
