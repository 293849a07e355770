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

    /// <summary>A comment as the public sees it, with its files and replies nested (no e-mail, phone or tax code ever).</summary>
    public sealed record CommentView(string Id, string? ParentId, string? RegulationId, string Author, string? Organization,
        string RespondentType, string Stance, string Body, DateTimeOffset CreatedAt, CommentResponse? Response, IReadOnlyList<CommentView> Replies,
        DateTimeOffset? EditedAt, IReadOnlyList<AttachmentView> Attachments)
    {
        public static CommentView From(CommentNode n) => new(n.Comment.Id, n.Comment.ParentId, n.Comment.RegulationId, n.Comment.Author,
            n.Comment.Organization, n.Comment.RespondentType, n.Comment.Stance, n.Comment.Body, n.Comment.CreatedAt, n.Comment.Response,
            n.Replies.Select(From).ToList(), n.EditedAt, n.Attachments.Select(AttachmentView.From).ToList());
    }

    public sealed record AttachmentView(string Id, string FileName, string ContentType, long SizeBytes, string Url)
    {
        public static AttachmentView From(AttachmentInfo a) => new(a.Id, a.FileName, a.ContentType, a.SizeBytes, CommentEndpoints.AttachmentUrl(a.Id));
    }

    /// <summary>Today in Vietnam, the day consultation windows are reckoned in.</summary>
    public static DateOnly Today => DayOf(DateTimeOffset.UtcNow);

    /// <summary>The day in Vietnam of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Vocabulary.VietnamOffset).DateTime);

    public static bool IsOpen(Proposal p) => IsOpen(p, Today);

    public static bool IsOpen(Proposal p, DateOnly today) => p.Status == "consultation" && p.OpensOn <= today && today <= p.ClosesOn;

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

        api.MapGet("/{id}/comments", async (string id, ProposalStore proposals, CommentThreadReader threads, IStringLocalizer<Messages> text) =>
        {
            if (await proposals.GetAsync(id) is not { IsPublic: true }) return PublicData.NotFound(text, "proposal", id);
            return Results.Ok((await threads.ReadAsync(id, includeHidden: false)).Threads.Select(CommentView.From).ToList());
        })
        .WithSummary("The visible comment threads of a proposal, nested, with responses")
        .Produces<List<CommentView>>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
