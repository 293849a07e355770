using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Accounts;

public sealed class RegisterInput : ProfileInput
{
    public const int MaxEmail = 254;

    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>
/// What a person does with their own account: register, confirm the address, reset a forgotten password, edit the
/// profile. Every bad value ends in a message under its field and changes nothing; what is accepted is audited
/// without the personal data itself (Decree 13/2023: e-mail, phone and tax code stay on the account).
/// </summary>
public sealed class AccountFlows(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, UserStore store, AccountMail mail, Database db,
    AuditLog audit, IStringLocalizer<Messages> text, IOptions<RegLookupOptions> options, IHostEnvironment environment)
{
    /// <summary>A developer without SMTP has no other way to open a confirmation or reset link, so pages show it (as
    /// the ASP.NET Core Identity template does); never in production.</summary>
    public bool ShowsLinks => environment.IsDevelopment() && !options.Value.Email.Enabled;

    /// <summary>Creates the account and queues its confirmation e-mail; returns the confirmation link, or null with <paramref name="errors"/> filled.</summary>
    public async Task<string?> RegisterAsync(RegisterInput input, FormErrors errors)
    {
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0) errors.Add("email", text["Account.Error.EmailRequired"]);
        else if (email.Length > RegisterInput.MaxEmail || !IsEmail(email)) errors.Add("email", text["Account.Error.EmailFormat"]);
        else if (await users.FindByEmailAsync(email) is not null) errors.Add("email", text["Account.Error.EmailTaken"]);

        var user = new PortalUser { Email = email };
        await CheckNewPasswordAsync(user, input.Password, input.ConfirmPassword, errors);
        ProfileRules.Apply(input, user, errors, text);
        if (errors.Any) return null;

        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            IdentityMessages.AddTo(errors, created.Errors, text);
            return null;
        }
        await users.AddToRoleAsync(user, Roles.Member);
        var link = AccountMail.Link(AccountMail.ConfirmPath, user.Id, await users.GenerateEmailConfirmationTokenAsync(user));
        await db.WriteAsync(async s =>
        {
            await mail.EnqueueConfirmationAsync(s, user, link);
            await audit.AppendAsync(s, Actor.User(user.Id), "user.register", "user", user.Id, null, Public(user));
        });
        return link;
    }

    /// <summary>Opens a confirmation link; false when it is not one the portal issued or it has expired.</summary>
    public async Task<bool> ConfirmAsync(string? userId, string? code)
    {
        if (await UserOfLinkAsync(userId, code) is not ({ } user, { } token)) return false;
        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded) return false;
        await db.WriteAsync(s => audit.AppendAsync(s, Actor.User(user.Id), "user.confirm_email", "user", user.Id, null, null));
        return true;
    }

    /// <summary>Queues a reset link when <paramref name="email"/> has an account. The page answers the same either way,
    /// so nobody learns who has an account; the link is returned only for <see cref="ShowsLinks"/>.</summary>
    public async Task<string?> SendPasswordResetAsync(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || await users.FindByEmailAsync(email.Trim()) is not { } user) return null;
        var link = AccountMail.Link(AccountMail.ResetPath, user.Id, await users.GeneratePasswordResetTokenAsync(user));
        await db.WriteAsync(s => mail.EnqueueResetAsync(s, user, link));
        return link;
    }

    public async Task<bool> ResetPasswordAsync(string? userId, string? code, string password, string confirm, FormErrors errors)
    {
        if (await UserOfLinkAsync(userId, code) is not ({ } user, { } token))
        {
            errors.Add(FormErrors.Form, text["Account.Error.LinkInvalid"]);
            return false;
        }
        await CheckNewPasswordAsync(user, password, confirm, errors);
        if (errors.Any) return false;
        // The link reached the mailbox, which proves the address and makes the lock of earlier wrong guesses pointless.
        // Set in memory, these are saved only together with the new password, when the token is valid.
        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            IdentityMessages.AddTo(errors, reset.Errors, text);
            return false;
        }
        await db.WriteAsync(s => audit.AppendAsync(s, Actor.User(user.Id), "user.reset_password", "user", user.Id, null, null));
        return true;
    }

    /// <summary>Saves the signed-in person's profile and renews their cookie, so the header shows the new name at once.</summary>
    public async Task<bool> UpdateProfileAsync(ClaimsPrincipal principal, ProfileInput input, FormErrors errors)
    {
        if (await users.GetUserAsync(principal) is not { } user) return false;
        var before = Public(user);
        ProfileRules.Apply(input, user, errors, text);
        if (errors.Any) return false;
        var saved = false;
        await db.WriteAsync(async s =>
        {
            saved = await store.UpdateProfileAsync(s, user);
            if (saved) await audit.AppendAsync(s, Actor.Of(principal), "user.profile", "user", user.Id, before, Public(user));
        });
        if (!saved)
        {
            errors.Add(FormErrors.Form, text["Account.Error.Concurrency"]);
            return false;
        }
        await signIn.RefreshSignInAsync(user);
        return true;
    }

    /// <summary>Changes the signed-in person's password when the current one is right (a wrong one counts towards
    /// the lockout, as at sign-in). The security stamp changes with it, so the person's other sign-ins end within a
    /// minute; this browser's cookie is renewed.</summary>
    public async Task<bool> ChangePasswordAsync(ClaimsPrincipal principal, string? current, string? password, string? confirm, FormErrors errors)
    {
        if (await users.GetUserAsync(principal) is not { } user) return false;
        if (string.IsNullOrEmpty(current))
            errors.Add("current-password", text["Account.Error.CurrentPasswordRequired"]);
        else if (await signIn.CheckPasswordSignInAsync(user, current, lockoutOnFailure: true) is var check && !check.Succeeded)
            errors.Add("current-password", check.IsLockedOut ? text["Account.LockedOut"] : text["Account.Error.CurrentPasswordWrong"]);
        await CheckNewPasswordAsync(user, password, confirm, errors);
        if (errors.Any) return false;
        var changed = await users.ChangePasswordAsync(user, current!, password!);
        if (!changed.Succeeded)
        {
            IdentityMessages.AddTo(errors, changed.Errors, text);
            return false;
        }
        await db.WriteAsync(s => audit.AppendAsync(s, Actor.User(user.Id), "user.change_password", "user", user.Id, null, null));
        await signIn.RefreshSignInAsync(user);
        return true;
    }

    private async Task CheckNewPasswordAsync(PortalUser user, string? password, string? confirm, FormErrors errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", text["Account.Error.PasswordRequired"]);
            return;
        }
        foreach (var validator in users.PasswordValidators)
            IdentityMessages.AddTo(errors, (await validator.ValidateAsync(users, user, password)).Errors, text);
        if (password != confirm) errors.Add("confirm-password", text["Account.Error.PasswordMismatch"]);
    }

    private async Task<(PortalUser? User, string? Token)> UserOfLinkAsync(string? userId, string? code) =>
        string.IsNullOrEmpty(userId) || AccountMail.Token(code) is not { } token ? (null, null) : (await users.FindByIdAsync(userId), token);

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');

    /// <summary>The audited view of a profile: what may be public, and only whether the personal fields are filled.</summary>
    private static object Public(PortalUser user) => new
    {
        user.DisplayName, user.RespondentType, user.Organization, HasTaxCode = user.TaxCode is not null, HasPhone = user.Phone is not null,
    };
}
