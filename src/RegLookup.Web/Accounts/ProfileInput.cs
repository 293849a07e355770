using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using RegLookup.Data.Model;

namespace RegLookup.Web.Accounts;

/// <summary>What a person tells the portal about themselves, on registration and on the profile page.</summary>
public class ProfileInput
{
    public string DisplayName { get; set; } = "";
    public string RespondentType { get; set; } = "individual";
    public string? Organization { get; set; }
    public string? TaxCode { get; set; }
    public string? Phone { get; set; }

    public static ProfileInput Of(PortalUser user) => new()
    {
        DisplayName = user.DisplayName, RespondentType = user.RespondentType, Organization = user.Organization,
        TaxCode = user.TaxCode, Phone = user.Phone,
    };
}

/// <summary>
/// The rules of a respondent profile: organizations name themselves, an enterprise gives its tax code, and every
/// value has a sane length and shape. Field names are the ids of the inputs, so a message sits under its field.
/// </summary>
public static partial class ProfileRules
{
    public const int MaxName = 100;
    public const int MaxOrganization = 200;

    /// <summary>Respondent types that speak for an organization, which must therefore be named.</summary>
    public static readonly IReadOnlySet<string> Organizations = new HashSet<string> { "enterprise", "association", "agency" };

    /// <summary>Checks <paramref name="input"/> and writes the canonical values (trimmed, tax code and phone normalized) into <paramref name="user"/>.</summary>
    public static void Apply(ProfileInput input, PortalUser user, FormErrors errors, IStringLocalizer text)
    {
        var name = input.DisplayName?.Trim() ?? "";
        if (name.Length == 0) errors.Add("display-name", text["Account.Error.NameRequired"]);
        else if (name.Length > MaxName) errors.Add("display-name", text["Account.Error.NameTooLong", MaxName]);

        var type = input.RespondentType;
        if (!Vocabulary.RespondentTypes.Contains(type)) errors.Add("respondent-type", text["Account.Error.RespondentType"]);

        var organization = Blank(input.Organization);
        if (organization is null && Organizations.Contains(type)) errors.Add("organization", text["Account.Error.OrganizationRequired"]);
        else if (organization?.Length > MaxOrganization) errors.Add("organization", text["Account.Error.OrganizationTooLong", MaxOrganization]);

        var taxText = Blank(input.TaxCode);
        var taxCode = RegLookup.Web.Accounts.TaxCode.Normalize(taxText);
        if (taxText is null && type == "enterprise") errors.Add("tax-code", text["Account.Error.TaxCodeRequired"]);
        else if (taxText is not null && taxCode is null) errors.Add("tax-code", text["Account.Error.TaxCodeFormat"]);

        var phoneText = Blank(input.Phone);
        var phone = phoneText is null ? null : Phone(phoneText);
        if (phoneText is not null && phone is null) errors.Add("phone", text["Account.Error.PhoneFormat"]);

        if (errors.Any) return;
        user.DisplayName = name;
        user.RespondentType = type;
        user.Organization = organization;
        user.TaxCode = taxCode;
        user.Phone = phone;
    }

    /// <summary>A Vietnamese number (0 and 9–10 digits) or an international one (+ and 8–15 digits), without separators.</summary>
    private static string? Phone(string text)
    {
        var compact = Separators().Replace(text, "");
        return PhoneShape().IsMatch(compact) ? compact : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex("^(0[0-9]{9,10}|\\+[0-9]{8,15})$")]
    private static partial Regex PhoneShape();
}
