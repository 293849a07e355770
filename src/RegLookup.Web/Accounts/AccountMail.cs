using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Accounts;

/// <summary>
/// The confirmation and password-reset messages, in the language the person used on the form. They always go to
/// the outbox, whether or not SMTP is configured yet: the sender picks them up once it is.
/// </summary>
public sealed class AccountMail(OutboxStore outbox, IStringLocalizer<Messages> text, IOptions<RegLookupOptions> options)
{
    public const string ConfirmPath = "/account/confirm";
    public const string ResetPath = "/account/reset-password";

    /// <summary>The site-relative link carrying an Identity token; the token is Base64Url-encoded so it survives in a URL.</summary>
    public static string Link(string path, string userId, string token) =>
        $"{path}?userId={Uri.EscapeDataString(userId)}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";

    /// <summary>The token of a link's <c>code</c>, or null when it was mangled on the way.</summary>
    public static string? Token(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public Task EnqueueConfirmationAsync(DbSession s, PortalUser user, string link) =>
        EnqueueAsync(s, user, text["Account.Mail.ConfirmSubject"], text["Account.Mail.ConfirmText"], link);

    public Task EnqueueResetAsync(DbSession s, PortalUser user, string link) =>
        EnqueueAsync(s, user, text["Account.Mail.ResetSubject"], text["Account.Mail.ResetText"], link);

    private Task EnqueueAsync(DbSession s, PortalUser user, string subject, string instruction, string link)
    {
        var body = string.Join("\n\n", text["Account.Mail.Hello", user.DisplayName].Value, instruction,
            options.Value.Email.PublicUrl.TrimEnd('/') + link, text["Account.Mail.NotYou"].Value);
        return outbox.EnqueueAsync(s, user.Email, subject, body);
    }
}
