using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RegLookup.Data.Model;

namespace RegLookup.Web.Accounts;

/// <summary>Puts roles, the drafter's agency and the display name into the sign-in cookie, so pages need no lookup.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var role in await UserManager.GetRolesAsync(user))
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        if (user.Agency is { } agency)
            identity.AddClaim(new Claim(Permissions.AgencyClaim, agency));
        identity.AddClaim(new Claim(Permissions.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
