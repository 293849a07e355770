using System.Globalization;
using Microsoft.Extensions.Localization;

namespace RegLookup.Web.Platform;

/// <summary>Localized names of the closed value sets (kinds, statuses, document types …) and number and date formats.</summary>
public sealed class Labels(IStringLocalizer<Messages> text)
{
    public string Kind(string? value) => Named("Kind", value);
    public string Status(string? value) => Named("Status", value);
    public string DocumentType(string? value) => Named("DocType", value);
    public string Action(string? value) => Named("Action", value);
    public string Respondent(string? value) => Named("Respondent", value);
    public string Stance(string? value) => Named("Stance", value);
    public string Decision(string? value) => Named("Decision", value);

    /// <summary>A facet value as a person reads it: kinds, statuses, types and agencies by name, sectors as they are.</summary>
    public string FacetValue(string facet, string value, IReadOnlyDictionary<string, string>? agencyNames = null) => facet switch
    {
        "kind" => Kind(value),
        "status" => Status(value),
        "doctype" => DocumentType(value),
        "agency" => agencyNames?.GetValueOrDefault(value) ?? value,
        _ => value,
    };

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Date(DateTimeOffset date) => date.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Whole numbers with the separator of the UI language (1.000.000 in Vietnamese, 1,000,000 in English).</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private string Named(string prefix, string? value)
    {
        if (string.IsNullOrEmpty(value)) return "—";
        var found = text[$"{prefix}.{value}"];
        return found.ResourceNotFound ? value : found.Value;
    }
}
