using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RegLookup.Data.Model;

namespace RegLookup.Web.Accounts;

/// <summary>Everything a person may try to do on the portal that needs more than reading.</summary>
public enum PortalAction
{
    /// <summary>Write a comment or a reply while a consultation is open.</summary>
    Comment,
    /// <summary>Report a comment to the moderators.</summary>
    FlagComment,
    /// <summary>Follow a proposal, regulation, sector or agency.</summary>
    Follow,
    /// <summary>Hide a comment with a reason, see hidden comments, flags and the audit trail.</summary>
    Moderate,
    /// <summary>Open the drafter workspace (the comments on one's own agency's proposals).</summary>
    ViewWorkspace,
    /// <summary>Create, edit and move a proposal of one's own agency through its lifecycle.</summary>
    ManageProposal,
    /// <summary>Answer comments on one's own agency's proposals.</summary>
    RespondToComment,
    /// <summary>Download the synthesis report of one's own agency's proposal.</summary>
    DownloadReport,
    /// <summary>Grant and revoke roles.</summary>
    GrantRoles,
}

/// <summary>
/// The one table of who may do what (README "Roles"). Agency-bound actions take the agency of the record acted
/// on; a drafter acts only for the agency on their account.
/// </summary>
public static class Permissions
{
    public const string AgencyClaim = "reglookup:agency";
    public const string DisplayNameClaim = "reglookup:display_name";

    public static bool Can(ClaimsPrincipal user, PortalAction action, string? agency = null)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        return action switch
        {
            PortalAction.Comment or PortalAction.FlagComment or PortalAction.Follow => true,
            PortalAction.Moderate => user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Admin),
            PortalAction.ViewWorkspace => IsDrafter(user),
            PortalAction.ManageProposal or PortalAction.RespondToComment or PortalAction.DownloadReport =>
                IsDrafter(user) && (agency is null || string.Equals(AgencyOf(user), agency, StringComparison.Ordinal)),
            PortalAction.GrantRoles => user.IsInRole(Roles.Admin),
            _ => false,
        };
    }

    public static string? AgencyOf(ClaimsPrincipal user) => user.FindFirst(AgencyClaim)?.Value;

    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    public static string? DisplayNameOf(ClaimsPrincipal user) => user.FindFirst(DisplayNameClaim)?.Value;

    private static bool IsDrafter(ClaimsPrincipal user) => user.IsInRole(Roles.Drafter) && AgencyOf(user) is not null;

    /// <summary>One authorization policy per action, named after it: <c>[Authorize(Policy = nameof(PortalAction.X))]</c>.</summary>
    public static void AddPolicies(AuthorizationOptions options)
    {
        foreach (var action in Enum.GetValues<PortalAction>())
            options.AddPolicy(action.ToString(), p => p.RequireAuthenticatedUser().AddRequirements(new ActionRequirement(action)));
    }
}

public sealed record ActionRequirement(PortalAction Action) : IAuthorizationRequirement;

/// <summary>Evaluates <see cref="ActionRequirement"/>; the resource, when given, is the agency code the action concerns.</summary>
public sealed class ActionHandler : AuthorizationHandler<ActionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActionRequirement requirement)
    {
        if (Permissions.Can(context.User, requirement.Action, context.Resource as string))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>How the audit log names whoever acted.</summary>
public static class Actor
{
    public static string Of(ClaimsPrincipal? user) =>
        user is not null && Permissions.UserIdOf(user) is { } id ? User(id) : "system";

    /// <summary>The name of a person acting on their own account before they are signed in (registering, confirming, resetting).</summary>
    public static string User(string userId) => $"user:{userId}";
}
