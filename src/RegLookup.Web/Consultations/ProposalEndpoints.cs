using Microsoft.Extensions.Localization;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Consultations;

public static class ProposalEndpoints
{
    public sealed record TargetView(string RegulationId, string? Title, string? Status, string Action, string? Note);
    public sealed record Window(DateOnly? OpensOn, DateOnly? ClosesOn, bool IsOpen);
    public sealed record ProposalView(Proposal Proposal, IReadOnlyList<TargetView> Targets, Window Window);

    /// <summary>A comment as the public sees it, with its replies nested (no e-mail, phone or tax code ever).</summary>
    public sealed record CommentView(string Id, string? ParentId, string? RegulationId, string Author, string? Organization,
        string RespondentType, string Stance, string Body, DateTimeOffset CreatedAt, CommentResponse? Response, IReadOnlyList<CommentView> Replies)
    {
        public static CommentView From(CommentNode n) => new(n.Comment.Id, n.Comment.ParentId, n.Comment.RegulationId, n.Comment.Author,
            n.Comment.Organization, n.Comment.RespondentType, n.Comment.Stance, n.Comment.Body, n.Comment.CreatedAt, n.Comment.Response,
            n.Replies.Select(From).ToList());
    }

    /// <summary>Today in Vietnam, the day consultation windows are reckoned in.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.Add(Vocabulary.VietnamOffset));

    public static bool IsOpen(Proposal p) => p.Status == "consultation" && p.OpensOn <= Today && Today <= p.ClosesOn;

    /// <summary><c>GET /api/proposals/{id}</c> and <c>GET /api/proposals/{id}/comments</c>.</summary>
    public static void MapProposalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/proposals").WithTags("Consultations").WithDataVersion();

        // Drafts are never in the API, even for their drafters: its answers may be cached publicly (PublicData).
        api.MapGet("/{id}", async (string id, ProposalStore proposals, RegulationStore regulations, IStringLocalizer<Messages> text) =>
        {
            if (await proposals.GetAsync(id) is not { IsPublic: true } p) return PublicData.NotFound(text, "proposal", id);
            var targets = (await regulations.GetManyAsync(p.Targets.Select(t => t.RegulationId).ToArray())).ToDictionary(r => r.Id);
            return Results.Ok(new ProposalView(p,
                p.Targets.Select(t => new TargetView(t.RegulationId, targets.GetValueOrDefault(t.RegulationId)?.Title,
                    targets.GetValueOrDefault(t.RegulationId)?.Status, t.Action, t.Note)).ToList(),
                new Window(p.OpensOn, p.ClosesOn, IsOpen(p))));
        })
        .WithSummary("One proposal with its targets and consultation window")
        .Produces<ProposalView>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id}/comments", async (string id, ProposalStore proposals, CommentStore comments, IStringLocalizer<Messages> text) =>
        {
            if (await proposals.GetAsync(id) is not { IsPublic: true }) return PublicData.NotFound(text, "proposal", id);
            return Results.Ok(CommentNode.Nest(await comments.ListByProposalAsync(id)).Select(CommentView.From).ToList());
        })
        .WithSummary("The visible comment threads of a proposal, nested, with responses")
        .Produces<List<CommentView>>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
