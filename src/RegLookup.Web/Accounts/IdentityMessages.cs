using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace RegLookup.Web.Accounts;

/// <summary>
/// Identity's errors (English, from IdentityErrorDescriber) as the portal's own messages, under the field they concern.
/// Codes of errors a form cannot cause fall back to one general message rather than leaking Identity's wording.
/// </summary>
public static class IdentityMessages
{
    public static void AddTo(FormErrors errors, IEnumerable<IdentityError> identityErrors, IStringLocalizer text)
    {
        foreach (var error in identityErrors)
        {
            var (field, key) = Map(error.Code);
            errors.Add(field, text[key, AccountServices.MinPasswordLength]);
        }
    }

    private static (string Field, string Key) Map(string code) => code switch
    {
        // The e-mail is the user name, so a taken address is reported twice; FormErrors keeps one.
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => ("email", "Account.Error.EmailTaken"),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => ("email", "Account.Error.EmailFormat"),
        nameof(IdentityErrorDescriber.PasswordTooShort) => ("password", "Account.Error.PasswordTooShort"),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => ("password", "Account.Error.PasswordDigit"),
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => ("password", "Account.Error.PasswordLower"),
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => ("password", "Account.Error.PasswordUpper"),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => ("password", "Account.Error.PasswordSymbol"),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => ("password", "Account.Error.PasswordUniqueChars"),
        nameof(IdentityErrorDescriber.InvalidToken) => (FormErrors.Form, "Account.Error.LinkInvalid"),
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => (FormErrors.Form, "Account.Error.Concurrency"),
        _ => (FormErrors.Form, "Account.Error.General"),
    };
}
