namespace RegLookup.Data.Model;

/// <summary>
/// A person's account. Mutable because ASP.NET Core Identity changes users in place before saving them.
/// E-mail, phone and tax code are personal data (Decree 13/2023/NĐ-CP): they never leave the account pages.
/// </summary>
public sealed class PortalUser
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public bool EmailConfirmed { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string? Phone { get; set; }
    /// <summary>The name shown on comments (an individual may still publish a comment as "Ẩn danh").</summary>
    public string DisplayName { get; set; } = "";
    public string RespondentType { get; set; } = "individual";
    public string? Organization { get; set; }
    public string? TaxCode { get; set; }
    /// <summary>The agency a drafter works for; a drafter acts only on that agency's proposals.</summary>
    public string? Agency { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public int AccessFailedCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public static class Roles
{
    public const string Member = "member";
    public const string Drafter = "drafter";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Member, Drafter, Moderator, Admin];
}
