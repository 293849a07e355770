using System.Text.RegularExpressions;
using RegLookup.Indexing.Analysis;

namespace RegLookup.Web.Platform;

/// <summary>URL names for sectors and business lines: "Kinh doanh xăng dầu" → "kinh-doanh-xang-dau".</summary>
public static partial class Slugs
{
    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();

    public static string Of(string name)
    {
        var slug = NonWord().Replace(VietnameseAnalyzers.Fold(name), "-").Trim('-');
        return slug.Length <= 120 ? slug : slug[..120].TrimEnd('-');
    }
}
