using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace RegLookup.Web.Consultations;

/// <summary>
/// The drafter's proposal pages: the signed-in person, and a 403 page (not a redirect) when they may not manage the
/// proposals of the agency concerned. Signing in is asked for by <c>[Authorize]</c> on each page.
/// </summary>
public abstract class ProposalWorkspacePage : ComponentBase
{
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected ClaimsPrincipal User { get; private set; } = new();
    protected bool Denied { get; private set; }

    protected async Task LoadUserAsync()
    {
        if (AuthenticationState is not null) User = (await AuthenticationState).User;
    }

    /// <summary>True when the person manages <paramref name="agency"/>'s proposals; otherwise the page answers 403.</summary>
    protected bool Allow(string? agency)
    {
        if (agency is not null && ProposalLifecycle.CanManage(User, agency)) return true;
        Denied = true;
        if (HttpContext is { Response.HasStarted: false } http) http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return false;
    }
}
