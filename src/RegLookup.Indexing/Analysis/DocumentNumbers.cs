using System.Text.RegularExpressions;

namespace RegLookup.Indexing.Analysis;

/// <summary>
/// Vietnamese legal document numbers in the forms people type them: "83/2014/NĐ-CP", "83/2014", "nđ 83/2014",
/// "nghi dinh 83", "68/NQ-CP". Both the index and the query reduce a number to the same folded keys.
/// </summary>
public static partial class DocumentNumbers
{
    /// <summary>Words a person types for a document type, folded, mapped to the type codes of data-format.md.</summary>
    private static readonly (string Words, string Type)[] TypeWords =
    [
        ("nghi dinh", "nghi_dinh"), ("nd", "nghi_dinh"), ("nd-cp", "nghi_dinh"), ("thong tu lien tich", "thong_tu_lien_tich"),
        ("thong tu", "thong_tu"), ("tt", "thong_tu"), ("quyet dinh", "quyet_dinh"), ("qd", "quyet_dinh"),
        ("nghi quyet", "nghi_quyet"), ("nq", "nghi_quyet"), ("luat", "luat"),
    ];

    [GeneratedRegex(@"^(\d{1,4})/(\d{4})(?:/(.+))?$")]
    private static partial Regex WithYear();

    [GeneratedRegex(@"^(\d{1,4})/([a-z]+(?:-[a-z0-9]+)+)$")]
    private static partial Regex WithoutYear();

    // "83/2014/nd-cp", "83 / 2014", "68/nq-cp", optionally after a type word.
    [GeneratedRegex(@"(?:\b(nghi dinh|thong tu lien tich|thong tu|quyet dinh|nghi quyet|luat|nd|tt|qd|nq)\s*)?\b(\d{1,4})\s*/\s*(\d{4}|[a-z]+(?:-[a-z0-9]+)+)(?:\s*/\s*([a-z]+\d*(?:-[a-z0-9]+)*))?")]
    private static partial Regex InQueryWithSlash();

    // "nghi dinh 83", "nd 83": a type word and a bare number.
    [GeneratedRegex(@"\b(nghi dinh|thong tu lien tich|thong tu|quyet dinh|nghi quyet|luat|nd|tt|qd|nq)\s+(\d{1,4})\b(?!\s*/)")]
    private static partial Regex InQueryTypeAndNumber();

    /// <summary>The keys a document with this official number and type is found by.</summary>
    public static IEnumerable<string> Keys(string number, string type)
    {
        var n = VietnameseAnalyzers.Fold(number).Replace(" ", "");
        yield return n;
        if (WithYear().Match(n) is { Success: true } y)
        {
            yield return $"{y.Groups[1].Value}/{y.Groups[2].Value}";
            yield return $"{type}:{y.Groups[1].Value}";
        }
        else if (WithoutYear().Match(n) is { Success: true } w)
        {
            yield return $"{type}:{w.Groups[1].Value}";
        }
    }

    /// <summary>A document number found in a query: the keys to look it up by, and where it stood in the folded query.</summary>
    public sealed record Mention(IReadOnlyList<string> Keys, int Start, int Length);

    /// <summary>Finds document numbers in a folded query.</summary>
    public static List<Mention> Find(string foldedQuery)
    {
        var found = new List<Mention>();
        foreach (Match m in InQueryWithSlash().Matches(foldedQuery))
        {
            var type = TypeOf(m.Groups[1].Value);
            var (number, second, third) = (m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value);
            string key;
            if (second.Length == 4 && second.All(char.IsDigit))
                key = third.Length > 0 ? $"{number}/{second}/{third}" : type is null ? $"{number}/{second}" : $"{type}:{number}";
            else
                key = $"{number}/{second}";
            // "nđ 83/2014": the type narrows a bare number/year to decrees; the year keeps it exact.
            var keys = type is not null && third.Length == 0 && second.All(char.IsDigit)
                ? new[] { $"{number}/{second}" } : new[] { key };
            found.Add(new Mention(keys, m.Index, m.Length));
        }
        foreach (Match m in InQueryTypeAndNumber().Matches(foldedQuery))
        {
            if (found.Any(f => m.Index < f.Start + f.Length && f.Start < m.Index + m.Length)) continue;
            found.Add(new Mention([$"{TypeOf(m.Groups[1].Value)}:{m.Groups[2].Value}"], m.Index, m.Length));
        }
        return found;
    }

    private static string? TypeOf(string words) =>
        words.Length == 0 ? null : TypeWords.First(t => t.Words == words).Type;
}
