using Microsoft.AspNetCore.Identity;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity's user store over <see cref="UserStore"/> (Dapper, both engines) instead of Entity Framework.
/// The e-mail address is the user name. Role changes are audited.
/// </summary>
public sealed class DapperUserStore(UserStore users, Database db, AuditLog audit, IHttpContextAccessor http) :
    IUserPasswordStore<PortalUser>, IUserEmailStore<PortalUser>, IUserSecurityStampStore<PortalUser>,
    IUserLockoutStore<PortalUser>, IUserRoleStore<PortalUser>, IUserPhoneNumberStore<PortalUser>
{
    public async Task<IdentityResult> CreateAsync(PortalUser user, CancellationToken ct)
    {
        await users.CreateAsync(user);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(PortalUser user, CancellationToken ct) =>
        await users.UpdateAsync(user) ? IdentityResult.Success : IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());

    public async Task<IdentityResult> DeleteAsync(PortalUser user, CancellationToken ct)
    {
        await users.DeleteAsync(user.Id);
        return IdentityResult.Success;
    }

    public Task<PortalUser?> FindByIdAsync(string userId, CancellationToken ct) => users.FindByIdAsync(userId);
    public Task<PortalUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => users.FindByNormalizedEmailAsync(normalizedUserName);
    public Task<PortalUser?> FindByEmailAsync(string normalizedEmail, CancellationToken ct) => users.FindByNormalizedEmailAsync(normalizedEmail);

    public Task<string> GetUserIdAsync(PortalUser user, CancellationToken ct) => Task.FromResult(user.Id);
    public Task<string?> GetUserNameAsync(PortalUser user, CancellationToken ct) => Task.FromResult<string?>(user.Email);
    public Task SetUserNameAsync(PortalUser user, string? userName, CancellationToken ct) => Set(() => user.Email = userName ?? "");
    public Task<string?> GetNormalizedUserNameAsync(PortalUser user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedUserNameAsync(PortalUser user, string? normalizedName, CancellationToken ct) => Set(() => user.NormalizedEmail = normalizedName ?? "");

    public Task<string?> GetEmailAsync(PortalUser user, CancellationToken ct) => Task.FromResult<string?>(user.Email);
    public Task SetEmailAsync(PortalUser user, string? email, CancellationToken ct) => Set(() => user.Email = email ?? "");
    public Task<bool> GetEmailConfirmedAsync(PortalUser user, CancellationToken ct) => Task.FromResult(user.EmailConfirmed);
    public Task SetEmailConfirmedAsync(PortalUser user, bool confirmed, CancellationToken ct) => Set(() => user.EmailConfirmed = confirmed);
    public Task<string?> GetNormalizedEmailAsync(PortalUser user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(PortalUser user, string? normalizedEmail, CancellationToken ct) => Set(() => user.NormalizedEmail = normalizedEmail ?? "");

    public Task SetPasswordHashAsync(PortalUser user, string? passwordHash, CancellationToken ct) => Set(() => user.PasswordHash = passwordHash);
    public Task<string?> GetPasswordHashAsync(PortalUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(PortalUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(PortalUser user, string stamp, CancellationToken ct) => Set(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(PortalUser user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<string?> GetPhoneNumberAsync(PortalUser user, CancellationToken ct) => Task.FromResult(user.Phone);
    public Task SetPhoneNumberAsync(PortalUser user, string? phoneNumber, CancellationToken ct) => Set(() => user.Phone = phoneNumber);
    // Phone numbers are contact details only; the portal does not send SMS, so none is ever "confirmed".
    public Task<bool> GetPhoneNumberConfirmedAsync(PortalUser user, CancellationToken ct) => Task.FromResult(false);
    public Task SetPhoneNumberConfirmedAsync(PortalUser user, bool confirmed, CancellationToken ct) => Task.CompletedTask;

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(PortalUser user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);
    public Task SetLockoutEndDateAsync(PortalUser user, DateTimeOffset? lockoutEnd, CancellationToken ct) => Set(() => user.LockoutEnd = lockoutEnd);
    public Task<int> IncrementAccessFailedCountAsync(PortalUser user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(PortalUser user, CancellationToken ct) => Set(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(PortalUser user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(PortalUser user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(PortalUser user, bool enabled, CancellationToken ct) => Set(() => user.LockoutEnabled = enabled);

    public Task AddToRoleAsync(PortalUser user, string roleName, CancellationToken ct) => ChangeRoleAsync(user, roleName, grant: true);
    public Task RemoveFromRoleAsync(PortalUser user, string roleName, CancellationToken ct) => ChangeRoleAsync(user, roleName, grant: false);
    public async Task<IList<string>> GetRolesAsync(PortalUser user, CancellationToken ct) => await users.RolesAsync(user.Id);
    public async Task<bool> IsInRoleAsync(PortalUser user, string roleName, CancellationToken ct) =>
        (await users.RolesAsync(user.Id)).Contains(Role(roleName));
    public async Task<IList<PortalUser>> GetUsersInRoleAsync(string roleName, CancellationToken ct) => await users.InRoleAsync(Role(roleName));

    /// <summary>UserManager hands role names over normalized (upper case); the database keeps the lower-case names of <see cref="Roles"/>.</summary>
    private static string Role(string name) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown role '{name}'", nameof(name));

    private async Task ChangeRoleAsync(PortalUser user, string roleName, bool grant)
    {
        var role = Role(roleName);
        await db.WriteAsync(async s =>
        {
            if (grant) await users.AddRoleAsync(s, user.Id, role);
            else await users.RemoveRoleAsync(s, user.Id, role);
            await audit.AppendAsync(s, Actor.Of(http.HttpContext?.User), grant ? "role.grant" : "role.revoke", "user", user.Id, null, new { role, user.Agency });
        });
    }

    private static Task Set(Action set)
    {
        set();
        return Task.CompletedTask;
    }

    public void Dispose() { }
}
