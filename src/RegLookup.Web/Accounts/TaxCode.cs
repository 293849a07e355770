using System.Text.RegularExpressions;

namespace RegLookup.Web.Accounts;

/// <summary>
/// Vietnamese tax codes (mã số thuế): 10 digits for an enterprise, 13 for a branch or dependent unit, written
/// "0101234567-001" or as 13 digits in a row. Kept in the written form with the hyphen.
/// </summary>
public static partial class TaxCode
{
    /// <summary>The code in its canonical form, or null when <paramref name="text"/> is not a tax code.</summary>
    public static string? Normalize(string? text)
    {
        var compact = (text ?? "").Replace(" ", "");
        var match = Shape().Match(compact);
        if (!match.Success) return null;
        return match.Groups["branch"].Success ? $"{match.Groups["main"].Value}-{match.Groups["branch"].Value}" : match.Groups["main"].Value;
    }

    [GeneratedRegex(@"^(?<main>[0-9]{10})(-?(?<branch>[0-9]{3}))?$")]
    private static partial Regex Shape();
}
