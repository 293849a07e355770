using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

/// <summary>Accounts and their roles. Updates are optimistic: they only land on the concurrency stamp they read.</summary>
public sealed class UserStore(Database db)
{
    private const string Select = """
        SELECT id, email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone,
               display_name, respondent_type, organization, tax_code, agency, lockout_end, lockout_enabled,
               access_failed_count, created_at
        FROM users
        """;

    public Task CreateAsync(PortalUser user) => db.WriteAsync(s => s.ExecuteAsync("""
        INSERT INTO users (id, email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone,
                           display_name, respondent_type, organization, tax_code, agency, lockout_end, lockout_enabled,
                           access_failed_count, created_at)
        VALUES (@Id, @Email, @NormalizedEmail, @EmailConfirmed, @PasswordHash, @SecurityStamp, @ConcurrencyStamp, @Phone,
                @DisplayName, @RespondentType, @Organization, @TaxCode, @Agency, @LockoutEnd, @LockoutEnabled,
                @AccessFailedCount, @CreatedAt)
        """, user));

    /// <summary>Saves <paramref name="user"/> if nobody changed it since it was read; false when someone did.</summary>
    public async Task<bool> UpdateAsync(PortalUser user)
    {
        var read = user.ConcurrencyStamp;
        var next = Guid.NewGuid().ToString("N");
        var rows = await db.ReadAsync(c => c.ExecuteAsync("""
            UPDATE users SET email = @Email, normalized_email = @NormalizedEmail, email_confirmed = @EmailConfirmed,
                password_hash = @PasswordHash, security_stamp = @SecurityStamp, concurrency_stamp = @next, phone = @Phone,
                display_name = @DisplayName, respondent_type = @RespondentType, organization = @Organization,
                tax_code = @TaxCode, agency = @Agency, lockout_end = @LockoutEnd, lockout_enabled = @LockoutEnabled,
                access_failed_count = @AccessFailedCount
            WHERE id = @Id AND concurrency_stamp = @read
            """, new
        {
            user.Id, user.Email, user.NormalizedEmail, user.EmailConfirmed, user.PasswordHash, user.SecurityStamp, next,
            user.Phone, user.DisplayName, user.RespondentType, user.Organization, user.TaxCode, user.Agency, user.LockoutEnd,
            user.LockoutEnabled, user.AccessFailedCount, read,
        }));
        if (rows == 1) user.ConcurrencyStamp = next;
        return rows == 1;
    }

    public Task DeleteAsync(string id) => db.WriteAsync(s => s.ExecuteAsync("DELETE FROM users WHERE id = @id", new { id }));

    public Task<PortalUser?> FindByIdAsync(string id) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<PortalUser>($"{Select} WHERE id = @id", new { id }));

    public Task<PortalUser?> FindByNormalizedEmailAsync(string normalizedEmail) =>
        db.ReadAsync(c => c.QuerySingleOrDefaultAsync<PortalUser>($"{Select} WHERE normalized_email = @normalizedEmail", new { normalizedEmail }));

    /// <summary>Accounts whose name, e-mail or organization contains <paramref name="text"/>, for the admin screen.</summary>
    public Task<List<PortalUser>> ListAsync(string? text = null, int take = 200) =>
        db.ReadAsync(async c => (await c.QueryAsync<PortalUser>($"""
            {Select}
            WHERE @pattern IS NULL OR LOWER(display_name) LIKE @pattern OR normalized_email LIKE UPPER(@pattern)
               OR LOWER(organization) LIKE @pattern
            ORDER BY created_at DESC, id LIMIT @take
            """, new { pattern = string.IsNullOrWhiteSpace(text) ? null : $"%{text.Trim().ToLowerInvariant()}%", take })).ToList());

    public async Task<List<PortalUser>> FindManyAsync(DbSession s, IReadOnlyCollection<string> ids) =>
        (await s.QueryAsync<PortalUser>($"{Select} WHERE {s.Dialect.In("id", "ids")}", new { ids = ids.ToArray() })).ToList();

    public Task<PortalUser?> FindByIdAsync(DbSession s, string id) =>
        s.QuerySingleOrDefaultAsync<PortalUser>($"{Select} WHERE id = @id", new { id });

    public async Task<List<string>> RolesAsync(DbSession s, string userId) =>
        (await s.QueryAsync<string>("SELECT role FROM user_roles WHERE user_id = @userId ORDER BY role", new { userId })).ToList();

    /// <summary>The roles of several accounts at once (the admin list), by user id.</summary>
    public Task<Dictionary<string, List<string>>> RolesOfAsync(IReadOnlyCollection<string> userIds) =>
        db.ReadAsync(async c => (await c.QueryAsync<(string UserId, string Role)>(
                $"SELECT user_id, role FROM user_roles WHERE {db.Dialect.In("user_id", "userIds")} ORDER BY role",
                new { userIds = userIds.ToArray() }))
            .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Role).ToList()));

    /// <summary>Saves what a person edits on their own profile, if nobody changed the account since it was read.</summary>
    public async Task<bool> UpdateProfileAsync(DbSession s, PortalUser user)
    {
        var next = Guid.NewGuid().ToString("N");
        var rows = await s.ExecuteAsync("""
            UPDATE users SET display_name = @DisplayName, respondent_type = @RespondentType, organization = @Organization,
                tax_code = @TaxCode, phone = @Phone, concurrency_stamp = @next
            WHERE id = @Id AND concurrency_stamp = @ConcurrencyStamp
            """, new { user.Id, user.DisplayName, user.RespondentType, user.Organization, user.TaxCode, user.Phone, user.ConcurrencyStamp, next });
        if (rows == 1) user.ConcurrencyStamp = next;
        return rows == 1;
    }

    // The administrator's changes renew the concurrency stamp, so a profile save based on an older read cannot undo them.
    public Task SetAgencyAsync(DbSession s, string userId, string? agency) => s.ExecuteAsync(
        "UPDATE users SET agency = @agency, concurrency_stamp = @next WHERE id = @userId", new { userId, agency, next = Guid.NewGuid().ToString("N") });

    public Task ConfirmEmailAsync(DbSession s, string userId) => s.ExecuteAsync(
        "UPDATE users SET email_confirmed = @yes, concurrency_stamp = @next WHERE id = @userId", new { userId, yes = true, next = Guid.NewGuid().ToString("N") });

    public Task UnlockAsync(DbSession s, string userId) => s.ExecuteAsync(
        "UPDATE users SET lockout_end = NULL, access_failed_count = 0, concurrency_stamp = @next WHERE id = @userId", new { userId, next = Guid.NewGuid().ToString("N") });

    public Task<List<string>> RolesAsync(string userId) =>
        db.ReadAsync(async c => (await c.QueryAsync<string>(
            "SELECT role FROM user_roles WHERE user_id = @userId ORDER BY role", new { userId })).ToList());

    public Task<List<PortalUser>> InRoleAsync(string role) =>
        db.ReadAsync(async c => (await c.QueryAsync<PortalUser>(
            $"{Select} WHERE id IN (SELECT user_id FROM user_roles WHERE role = @role) ORDER BY display_name", new { role })).ToList());

    public Task AddRoleAsync(DbSession s, string userId, string role) =>
        s.ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (@userId, @role) ON CONFLICT DO NOTHING", new { userId, role });

    public Task RemoveRoleAsync(DbSession s, string userId, string role) =>
        s.ExecuteAsync("DELETE FROM user_roles WHERE user_id = @userId AND role = @role", new { userId, role });
}
