using System.Security.Claims;
using Microsoft.Extensions.Localization;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Consultations;

/// <summary>A comment as the drafter saw it when answering: its id and <see cref="WorkspaceComment.ResponseStamp"/> then.</summary>
public sealed record SeenComment(string Id, string Stamp);

public enum SkipReason
{
    /// <summary>Someone answered (or changed the answer) after the drafter's page was drawn.</summary>
    AnsweredMeanwhile,
    /// <summary>The comment no longer exists or a moderator hid it.</summary>
    Gone,
}

/// <summary>A comment whose response was not saved, and its response as it is now.</summary>
public sealed record SkippedResponse(string CommentId, SkipReason Reason, CommentResponse? Current);

public sealed record ResponseResult
{
    /// <summary>Why nothing was saved (bad input), in the reader's language.</summary>
    public string? Error { get; init; }
    /// <summary>A comment named is not on a proposal of the drafter's agency: nothing was saved.</summary>
    public bool Forbidden { get; init; }
    public IReadOnlyList<string> Saved { get; init; } = [];
    public IReadOnlyList<SkippedResponse> Skipped { get; init; } = [];
}

/// <summary>
/// Records a drafter's response (tiếp thu, giải trình) to one comment or to several at once. Each response is one
/// transaction with its audit entry, its change-feed entry and the notification of the comment's author, and lands
/// only on the response the drafter saw: a comment answered meanwhile is skipped and reported with its current answer.
/// </summary>
public sealed class ResponseService(
    Database db, WorkspaceStore workspace, CommentStore comments, ProposalStore proposals, AgencyStore agencies,
    UserStore users, AuditLog audit, Notifier notifier, IStringLocalizer<Messages> text)
{
    public const int MaxExplanationLength = 10_000;
    public const int MaxAtOnce = 200;

    /// <summary>Decisions that a drafter must explain.</summary>
    public static bool NeedsExplanation(string decision) => decision is "rejected" or "partially_accepted";

    public async Task<ResponseResult> RespondAsync(ClaimsPrincipal user, IReadOnlyList<SeenComment> seen, string? decision, string? explanation)
    {
        if (!Permissions.Can(user, PortalAction.RespondToComment)) return new ResponseResult { Forbidden = true };
        seen = seen.DistinctBy(c => c.Id, StringComparer.Ordinal).ToList();
        explanation = explanation?.Trim() ?? "";
        if (Validate(seen, decision, explanation) is { } error) return new ResponseResult { Error = error };

        var found = (await workspace.GetManyAsync(seen.Select(c => c.Id).ToList())).ToDictionary(c => c.Id, StringComparer.Ordinal);
        if (found.Values.Any(c => !Permissions.Can(user, PortalAction.RespondToComment, c.ProposalAgency)))
            return new ResponseResult { Forbidden = true };

        var onProposals = (await proposals.GetManyAsync(found.Values.Select(c => c.Comment.ProposalId).Distinct().ToList()))
            .ToDictionary(p => p.Id, StringComparer.Ordinal);
        var response = new CommentResponse { Decision = decision!, Body = explanation, By = await ByAsync(user), At = DateTimeOffset.UtcNow };
        var saved = new List<string>();
        var skipped = new List<SkippedResponse>();
        foreach (var comment in seen)
        {
            if (!found.TryGetValue(comment.Id, out var known))
            {
                skipped.Add(new SkippedResponse(comment.Id, SkipReason.Gone, null));
                continue;
            }
            var outcome = await RespondOneAsync(user, comment, onProposals[known.Comment.ProposalId], response);
            if (outcome is null) saved.Add(comment.Id);
            else skipped.Add(outcome);
        }
        return new ResponseResult { Saved = saved, Skipped = skipped };
    }

    /// <summary>One comment in one transaction; null when saved, otherwise why not.</summary>
    private async Task<SkippedResponse?> RespondOneAsync(ClaimsPrincipal user, SeenComment seen, Proposal proposal, CommentResponse response)
    {
        SkippedResponse? skipped = null;
        await db.WriteAsync(async s =>
        {
            var current = await workspace.LockForResponseAsync(s, seen.Id);
            if (current is null)
            {
                skipped = new SkippedResponse(seen.Id, SkipReason.Gone, null);
                return;
            }
            if (current.ResponseStamp != seen.Stamp)
            {
                skipped = new SkippedResponse(seen.Id, SkipReason.AnsweredMeanwhile, current.Comment.Response);
                return;
            }
            await comments.RespondAsync(s, seen.Id, response);
            await audit.AppendAsync(s, Actor.Of(user), "comment.respond", Entities.Comment, seen.Id, current.Comment.Response, response);
            await notifier.ResponseRecordedAsync(s, current.Comment with { Response = response }, proposal,
                Permissions.UserIdOf(user), current.AuthorUserId);
        });
        return skipped;
    }

    private string? Validate(IReadOnlyList<SeenComment> seen, string? decision, string explanation)
    {
        if (seen.Count == 0) return text["Workspace.NothingSelected"];
        if (seen.Count > MaxAtOnce) return text["Workspace.TooMany", MaxAtOnce];
        if (decision is null || !Vocabulary.Decisions.Contains(decision)) return text["Workspace.DecisionRequired"];
        if (NeedsExplanation(decision) && explanation.Length == 0) return text["Workspace.ExplanationRequired"];
        if (explanation.Length > MaxExplanationLength) return text["Workspace.ExplanationTooLong", MaxExplanationLength];
        return null;
    }

    /// <summary>Responses are signed by the drafter's unit (as the seed data's "Vụ Thị trường trong nước"), or by
    /// the agency when the account names no unit.</summary>
    private async Task<string> ByAsync(ClaimsPrincipal user)
    {
        var account = Permissions.UserIdOf(user) is { } id ? await users.FindByIdAsync(id) : null;
        if (!string.IsNullOrWhiteSpace(account?.Organization)) return account.Organization.Trim();
        var agency = Permissions.AgencyOf(user);
        return (agency is null ? null : (await agencies.GetAsync(agency))?.Name) ?? agency ?? "";
    }
}
