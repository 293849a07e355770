namespace RegLookup.Web.Accounts;

/// <summary>
/// The messages of one form submission, by field, in the order they were found (the summary lists them so). A field
/// is named by the id of its input, the kebab-case of the model property it edits ("tax-code" for TaxCode).
/// </summary>
public sealed class FormErrors
{
    /// <summary>The field name of a message about the whole form rather than one input.</summary>
    public const string Form = "form";

    private readonly List<(string Field, string Message)> _all = [];

    public bool Any => _all.Count > 0;

    public IEnumerable<(string Field, string Message)> All => _all;

    /// <summary>Keeps the first message of a field: one clear reason at a time.</summary>
    public void Add(string field, string message)
    {
        if (For(field) is null) _all.Add((field, message));
    }

    public string? For(string field) => _all.FirstOrDefault(e => e.Field == field).Message;

    /// <summary>For aria-describedby: the id of the field's message (see FieldError.razor).</summary>
    public string? DescribedBy(string field) => For(field) is null ? null : $"{field}-error";

    /// <summary>The model property a field edits: "tax-code" → "TaxCode".</summary>
    public static string PropertyOf(string field) =>
        string.Concat(field.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
