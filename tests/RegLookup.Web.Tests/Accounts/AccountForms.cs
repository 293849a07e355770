using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>The account forms as a browser fills them, and the links of the e-mails they queue.</summary>
public static partial class AccountForms
{
    /// <summary>A valid registration of an enterprise; a test overrides the fields it is about.</summary>
    public static Dictionary<string, string> Registration(string email, params (string Field, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = PortalUsers.Password,
            ["Input.ConfirmPassword"] = PortalUsers.Password,
            ["Input.DisplayName"] = "Phạm Thu Hà",
            ["Input.RespondentType"] = "enterprise",
            ["Input.Organization"] = "Công ty TNHH Thực phẩm Sạch Hà Nội",
            ["Input.TaxCode"] = "0101234567",
            ["Input.Phone"] = "0912 345 678",
        };
        foreach (var (field, value) in overrides) fields[$"Input.{field}"] = value;
        return fields;
    }

    public static async Task<string> RegisterAsync(HttpClient browser, Dictionary<string, string> fields)
    {
        var response = await PortalUsers.PostFormAsync(browser, "/account/register", "register", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The site-relative link (path and query) of the last e-mail queued to <paramref name="email"/> for <paramref name="path"/>.</summary>
    public static async Task<string> MailedLinkAsync(WebApplicationFactory<Program> portal, string email, string path)
    {
        var mails = await portal.Services.GetRequiredService<OutboxStore>().ListToAsync(email);
        var link = mails.Select(m => Regex.Match(m.Body, $@"https?://[^/\s]+({Regex.Escape(path)}\?\S+)")).LastOrDefault(m => m.Success);
        Assert.True(link is not null, $"No e-mail to {email} with a link to {path}");
        return link.Groups[1].Value;
    }

    /// <summary>The text of a page without its markup, to look for what it says.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
