using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Accounts;

/// <summary>Why an administrator's change was refused (each has a message <c>Account.Admin.Outcome.X</c>), or Done.</summary>
public enum AdminOutcome { Done, UnknownUser, UnknownRole, AgencyRequired, UnknownAgency, AlreadyInRole, NotInRole, OwnAdminRole, NothingToDo }

/// <summary>Who acts: a signed-in administrator, or the operator at the command line (no account).</summary>
public sealed record AdminActor(string AuditName, string? UserId)
{
    /// <summary>The operator, named by their login on the server.</summary>
    public static AdminActor CommandLine() => new($"cli:{Environment.UserName}", null);

    public static AdminActor Of(ClaimsPrincipal user) => new(Actor.Of(user), Permissions.UserIdOf(user));
}

/// <summary>
/// Roles, the drafter's agency, manual e-mail confirmation and unlocking. Each change is one transaction that
/// also writes the audit entry with the account's roles and state before and after. A role reaches the person's
/// cookie at its next security-stamp check (within a minute, AccountServices).
/// </summary>
public sealed class UserAdministration(Database db, UserStore users, AgencyStore agencies, AuditLog audit)
{
    public Task<PortalUser?> FindByEmailAsync(string email) =>
        users.FindByNormalizedEmailAsync(new UpperInvariantLookupNormalizer().NormalizeEmail(email.Trim()) ?? "");

    /// <summary>Grants <paramref name="role"/>; a drafter needs the agency they draft for (granting drafter again moves them to another).</summary>
    public async Task<AdminOutcome> GrantAsync(AdminActor actor, string userId, string role, string? agency)
    {
        if (RoleNamed(role) is not { } canonical) return AdminOutcome.UnknownRole;
        var drafterAgency = canonical == Roles.Drafter ? agency?.Trim() : null;
        if (canonical == Roles.Drafter && string.IsNullOrEmpty(drafterAgency)) return AdminOutcome.AgencyRequired;
        if (drafterAgency is not null && await agencies.GetAsync(drafterAgency) is null) return AdminOutcome.UnknownAgency;

        return await ChangeAsync(actor, userId, "role.grant", async (s, user, roles) =>
        {
            var sameAgency = drafterAgency is null || drafterAgency == user.Agency;
            if (roles.Contains(canonical) && sameAgency) return AdminOutcome.AlreadyInRole;
            if (drafterAgency is not null) await users.SetAgencyAsync(s, userId, drafterAgency);
            await users.AddRoleAsync(s, userId, canonical);
            return AdminOutcome.Done;
        });
    }

    /// <summary>Revokes <paramref name="role"/>; revoking drafter also unbinds the agency. Nobody removes their own admin role,
    /// so the portal always keeps an administrator who can undo a mistake.</summary>
    public async Task<AdminOutcome> RevokeAsync(AdminActor actor, string userId, string role)
    {
        if (RoleNamed(role) is not { } canonical) return AdminOutcome.UnknownRole;
        if (canonical == Roles.Admin && actor.UserId == userId) return AdminOutcome.OwnAdminRole;

        return await ChangeAsync(actor, userId, "role.revoke", async (s, _, roles) =>
        {
            if (!roles.Contains(canonical)) return AdminOutcome.NotInRole;
            if (canonical == Roles.Drafter) await users.SetAgencyAsync(s, userId, null);
            await users.RemoveRoleAsync(s, userId, canonical);
            return AdminOutcome.Done;
        });
    }

    /// <summary>Confirms the address for someone whose confirmation e-mail never arrived (the administrator vouches for it).</summary>
    public Task<AdminOutcome> ConfirmEmailAsync(AdminActor actor, string userId) =>
        ChangeAsync(actor, userId, "user.confirm_email", async (s, user, _) =>
        {
            if (user.EmailConfirmed) return AdminOutcome.NothingToDo;
            await users.ConfirmEmailAsync(s, userId);
            return AdminOutcome.Done;
        });

    public Task<AdminOutcome> UnlockAsync(AdminActor actor, string userId) =>
        ChangeAsync(actor, userId, "user.unlock", async (s, user, _) =>
        {
            if (!IsLockedOut(user) && user.AccessFailedCount == 0) return AdminOutcome.NothingToDo;
            await users.UnlockAsync(s, userId);
            return AdminOutcome.Done;
        });

    public static bool IsLockedOut(PortalUser user) => user.LockoutEnd > DateTimeOffset.UtcNow;

    public static string? RoleNamed(string? name) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task<AdminOutcome> ChangeAsync(AdminActor actor, string userId, string action,
        Func<DbSession, PortalUser, List<string>, Task<AdminOutcome>> change)
    {
        var outcome = AdminOutcome.UnknownUser;
        await db.WriteAsync(async s =>
        {
            if (await users.FindByIdAsync(s, userId) is not { } user) return;
            var roles = await users.RolesAsync(s, userId);
            var before = State(user, roles);
            outcome = await change(s, user, roles);
            if (outcome != AdminOutcome.Done) return;
            var after = State((await users.FindByIdAsync(s, userId))!, await users.RolesAsync(s, userId));
            await audit.AppendAsync(s, actor.AuditName, action, "user", userId, before, after);
        });
        return outcome;
    }

    private static object State(PortalUser user, List<string> roles) =>
        new { roles, user.Agency, user.EmailConfirmed, LockedOut = IsLockedOut(user) };
}
