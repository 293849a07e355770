using System.Security.Claims;
using Microsoft.Extensions.Localization;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Consultations;

/// <summary>What a drafter writes in a draft proposal.</summary>
public sealed record DraftContent(string Title, string Summary, string? Rationale, IReadOnlyList<ProposalTarget> Targets,
    long? EstimatedSavingVnd, long? EstimatedSavingDays);

/// <summary>A move to another status, with what that move needs: the window to open, the implementing document.</summary>
public sealed record TransitionRequest(string To, DateOnly? OpensOn = null, DateOnly? ClosesOn = null, string? ImplementingDocumentId = null);

/// <summary>The proposal as saved, or why nothing was saved (in the person's language).</summary>
public sealed record LifecycleResult(Proposal? Proposal, string? Error)
{
    public bool Succeeded => Error is null;
    public static LifecycleResult Ok(Proposal proposal) => new(proposal, null);
    public static LifecycleResult Fail(string error) => new(null, error);
}

/// <summary>
/// A proposal's life in its agency's hands: create and edit the draft, then draft → consultation → closed →
/// submitted → approved → implemented, or withdrawn from any of them. Each accepted change is one transaction with
/// its audit entry and notifications; a refused one writes nothing. Implementing moves the targets' status
/// (abolish: cut, anything else: simplified), and the search index follows through the change feed.
/// </summary>
public sealed class ProposalLifecycle(Database db, ProposalStore proposals, RegulationStore regulations, DocumentStore documents,
    AuditLog audit, Notifier notifier, IStringLocalizer<Messages> text)
{
    public const int MaxTitle = 300;
    public const int MaxText = 20_000;
    public const int MaxNote = 1_000;
    public const int MaxTargets = 200;

    /// <summary>Where a proposal may go from <paramref name="status"/>: the next step first, then withdrawal.</summary>
    public static IReadOnlyList<string> NextStatuses(string status) => status switch
    {
        ProposalStatuses.Draft => [ProposalStatuses.Consultation, ProposalStatuses.Withdrawn],
        ProposalStatuses.Consultation => [ProposalStatuses.Closed, ProposalStatuses.Withdrawn],
        ProposalStatuses.Closed => [ProposalStatuses.Submitted, ProposalStatuses.Withdrawn],
        ProposalStatuses.Submitted => [ProposalStatuses.Approved, ProposalStatuses.Withdrawn],
        ProposalStatuses.Approved => [ProposalStatuses.Implemented, ProposalStatuses.Withdrawn],
        _ => [],
    };

    /// <summary>The status implementing a proposal gives a target regulation.</summary>
    public static string StatusAfterImplementing(string action) => action == "abolish" ? "cut" : "simplified";

    public static bool CanManage(ClaimsPrincipal user, string agency) => Permissions.Can(user, PortalAction.ManageProposal, agency);

    /// <summary>Whether <paramref name="user"/> may see <paramref name="proposal"/>: everyone sees a public one,
    /// only its agency's drafters see a draft.</summary>
    public static bool CanSee(ClaimsPrincipal? user, Proposal proposal) =>
        proposal.IsPublic || (user is not null && CanManage(user, proposal.Agency));

    /// <summary>A new draft of the drafter's own agency, under the next free id of that agency and year.</summary>
    public async Task<LifecycleResult> CreateAsync(ClaimsPrincipal user, DraftContent content)
    {
        if (Permissions.AgencyOf(user) is not { } agency || !CanManage(user, agency)) return LifecycleResult.Fail(text["Lifecycle.NotAllowed"]);
        if (await ValidateAsync(content, agency) is { } error) return LifecycleResult.Fail(error);
        Proposal? created = null;
        await db.WriteAsync(async s =>
        {
            created = await proposals.CreateAsync(s, WithContent(new Proposal
            {
                Id = "", Agency = agency, Title = "", Status = ProposalStatuses.Draft,
            }, content), ProposalEndpoints.Today.Year);
            await audit.AppendAsync(s, Actor.Of(user), "proposal.create", Entities.Proposal, created.Id, null, created);
        });
        return LifecycleResult.Ok(created!);
    }

    /// <summary>Saves a draft's content; a proposal that left the draft status is no longer edited.</summary>
    public async Task<LifecycleResult> EditAsync(ClaimsPrincipal user, string id, DraftContent content)
    {
        if (await proposals.GetAsync(id) is not { } before || !CanSee(user, before)) return LifecycleResult.Fail(text["Lifecycle.NotFound", id]);
        if (!CanManage(user, before.Agency)) return LifecycleResult.Fail(text["Lifecycle.NotAllowed"]);
        if (before.Status != ProposalStatuses.Draft) return LifecycleResult.Fail(text["Lifecycle.NotDraft", StatusName(before.Status)]);
        if (await ValidateAsync(content, before.Agency) is { } error) return LifecycleResult.Fail(error);
        var after = WithContent(before, content);
        var saved = false;
        await db.WriteAsync(async s =>
        {
            saved = await proposals.UpdateDraftAsync(s, after);
            if (saved) await audit.AppendAsync(s, Actor.Of(user), "proposal.edit", Entities.Proposal, id, before, after);
        });
        // Someone opened or withdrew it between the read and the write.
        return saved ? LifecycleResult.Ok(after) : LifecycleResult.Fail(text["Lifecycle.ChangedMeanwhile"]);
    }

    /// <summary>Moves a proposal one step along its lifecycle, or withdraws it.</summary>
    public async Task<LifecycleResult> TransitionAsync(ClaimsPrincipal user, string id, TransitionRequest request)
    {
        if (await proposals.GetAsync(id) is not { } before || !CanSee(user, before)) return LifecycleResult.Fail(text["Lifecycle.NotFound", id]);
        if (!CanManage(user, before.Agency)) return LifecycleResult.Fail(text["Lifecycle.NotAllowed"]);
        if (!NextStatuses(before.Status).Contains(request.To))
            return LifecycleResult.Fail(text["Lifecycle.Refused", StatusName(before.Status), StatusName(request.To)]);
        var (after, error) = await NextAsync(before, request);
        if (error is not null) return LifecycleResult.Fail(error);

        var targets = await regulations.GetManyAsync(before.Targets.Select(t => t.RegulationId).ToArray());
        var actor = Actor.Of(user);
        var userId = Permissions.UserIdOf(user);
        var moved = false;
        await db.WriteAsync(async s =>
        {
            moved = await proposals.TransitionAsync(s, after!, before.Status);
            if (!moved) return;
            await audit.AppendAsync(s, actor, $"proposal.{request.To}", Entities.Proposal, id, before, after);
            IReadOnlyCollection<string> told = [];
            if (request.To == ProposalStatuses.Implemented)
                (targets, told) = await ImplementTargetsAsync(s, before, targets, actor, userId);
            // A draft withdrawn before it was ever published stays unseen, so nobody is told about it.
            if (after!.IsPublic)
                await notifier.ProposalChangedAsync(s, after, targets, KindOf(request.To), userId, told);
        });
        return moved ? LifecycleResult.Ok(after!) : LifecycleResult.Fail(text["Lifecycle.ChangedMeanwhile"]);
    }

    /// <summary>The proposal after the move, once what the move needs has been checked.</summary>
    private async Task<(Proposal? After, string? Error)> NextAsync(Proposal before, TransitionRequest request)
    {
        var after = before with { Status = request.To };
        switch (request.To)
        {
            case ProposalStatuses.Consultation:
                if (before.Targets.Count == 0) return (null, text["Lifecycle.NeedsTarget"]);
                if (request.OpensOn is not { } opens || request.ClosesOn is not { } closes) return (null, text["Lifecycle.WindowRequired"]);
                if (opens > closes) return (null, text["Lifecycle.WindowOrder", Labels.Date(opens), Labels.Date(closes)]);
                if (closes < ProposalEndpoints.Today) return (null, text["Lifecycle.WindowPast", Labels.Date(closes)]);
                return (after with { OpensOn = opens, ClosesOn = closes }, null);
            case ProposalStatuses.Implemented:
                var typed = request.ImplementingDocumentId?.Trim();
                if (string.IsNullOrEmpty(typed)) return (null, text["Lifecycle.DocumentRequired"]);
                if (await documents.FindAsync(typed) is not { } document) return (null, text["Lifecycle.DocumentNotFound", typed]);
                return (after with { ImplementingDocumentId = document.Id }, null);
            case ProposalStatuses.Withdrawn when before.Status == ProposalStatuses.Draft:
                // Its planned window never opened: clearing it keeps the withdrawn draft private (Proposal.IsPublic).
                return (after with { OpensOn = null, ClosesOn = null }, null);
            default:
                return (after, null);
        }
    }

    /// <summary>Cuts or simplifies each target (a regulation already cut stays cut); returns the targets as they now
    /// are, and who has been told of a change to a regulation they follow.</summary>
    private async Task<(List<Regulation> Targets, IReadOnlyCollection<string> Told)> ImplementTargetsAsync(DbSession s, Proposal proposal,
        List<Regulation> targets, string actor, string? userId)
    {
        var actions = proposal.Targets.ToDictionary(t => t.RegulationId, t => t.Action, StringComparer.Ordinal);
        var changed = new List<Regulation>();
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var before in targets)
        {
            var status = before.Status == "cut" ? "cut" : StatusAfterImplementing(actions[before.Id]);
            var after = before with { Status = status, UpdatedAt = ProposalEndpoints.Today };
            changed.Add(after);
            if (status == before.Status) continue;
            await regulations.SetStatusAsync(s, before.Id, status, after.UpdatedAt);
            await audit.AppendAsync(s, actor, "regulation.status", Entities.Regulation, before.Id, before, after);
            told.UnionWith(await notifier.RegulationChangedAsync(s, after, userId));
        }
        return (changed, told);
    }

    /// <summary>The first thing wrong with a draft's content, or null.</summary>
    private async Task<string?> ValidateAsync(DraftContent content, string agency)
    {
        if (string.IsNullOrWhiteSpace(content.Title)) return text["Lifecycle.TitleRequired"];
        if (content.Title.Trim().Length > MaxTitle) return text["Lifecycle.TooLong", text["Lifecycle.Title"], MaxTitle];
        if (content.Summary.Length > MaxText) return text["Lifecycle.TooLong", text["Lifecycle.Summary"], MaxText];
        if (content.Rationale?.Length > MaxText) return text["Lifecycle.TooLong", text["Lifecycle.Rationale"], MaxText];
        if (content.EstimatedSavingVnd < 0 || content.EstimatedSavingDays < 0) return text["Lifecycle.SavingNegative"];
        if (content.Targets.Count > MaxTargets) return text["Lifecycle.TooManyTargets", MaxTargets];
        var ids = content.Targets.Select(t => t.RegulationId).ToArray();
        if (ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return text["Lifecycle.TargetTwice", twice.Key];
        var found = (await regulations.GetManyAsync(ids)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var t in content.Targets)
        {
            if (!found.TryGetValue(t.RegulationId, out var r)) return text["Lifecycle.TargetNotFound", t.RegulationId];
            if (r.Agency != agency) return text["Lifecycle.TargetOtherAgency", t.RegulationId];
            if (!Vocabulary.TargetActions.Contains(t.Action)) return text["Lifecycle.ActionInvalid", t.RegulationId];
            if (t.Note?.Length > MaxNote) return text["Lifecycle.TooLong", text["Lifecycle.Note"], MaxNote];
        }
        return null;
    }

    private static Proposal WithContent(Proposal proposal, DraftContent content) => proposal with
    {
        Title = content.Title.Trim(),
        Summary = content.Summary.Trim(),
        Rationale = string.IsNullOrWhiteSpace(content.Rationale) ? null : content.Rationale.Trim(),
        Targets = content.Targets.Select(t => t with { Note = string.IsNullOrWhiteSpace(t.Note) ? null : t.Note.Trim() }).ToList(),
        EstimatedSavingVnd = content.EstimatedSavingVnd,
        EstimatedSavingDays = content.EstimatedSavingDays,
    };

    private string StatusName(string status) => text[$"Status.{status}"];

    private static string KindOf(string to) => to switch
    {
        ProposalStatuses.Consultation => NotificationKinds.ConsultationOpened,
        ProposalStatuses.Closed => NotificationKinds.ConsultationClosed,
        _ => NotificationKinds.ProposalChanged,
    };
}
