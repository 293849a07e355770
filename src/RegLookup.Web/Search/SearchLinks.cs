using RegLookup.Indexing;
using RegLookup.Indexing.Querying;

namespace RegLookup.Web.Search;

/// <summary>The links of the search page: each is the current request with one thing changed, back to page 1.</summary>
public static class SearchLinks
{
    public static bool IsSelected(this SearchRequest r, string key, string value) =>
        r.Filters.TryGetValue(key, out var values) && values.Contains(value);

    public static string Toggle(this SearchRequest r, string key, string value)
    {
        var filters = r.Filters.ToDictionary(f => f.Key, f => f.Value.ToList());
        if (!filters.TryGetValue(key, out var values)) filters[key] = values = [];
        if (!values.Remove(value)) values.Add(value);
        return Url(r with { Filters = Clean(filters), Page = 1 });
    }

    public static string ClearFilters(this SearchRequest r) => Url(r with { Filters = new Dictionary<string, IReadOnlyList<string>>(), Page = 1 });

    public static string WithSort(this SearchRequest r, string sort) => Url(r with { Sort = sort, Page = 1 });

    public static string WithPage(this SearchRequest r, int page) => Url(r with { Page = page });

    /// <summary>Another result type keeps the words but not the filters, whose values differ by type.</summary>
    public static string WithType(this SearchRequest r, string type) =>
        Url(r with { Type = type, Page = 1, Filters = new Dictionary<string, IReadOnlyList<string>>() });

    public static string WithQuery(this SearchRequest r, string query) => Url(r with { Query = query, Page = 1 });

    public static string Of(SearchHit hit) => hit.Type switch
    {
        IndexSchema.Types.Proposal => $"/proposals/{Uri.EscapeDataString(hit.Id)}",
        IndexSchema.Types.Document => $"/documents/{Uri.EscapeDataString(hit.Id)}",
        _ => $"/regulations/{Uri.EscapeDataString(hit.Id)}",
    };

    public static string Of(Suggestion s) => s.Kind switch
    {
        "title" => $"/regulations/{Uri.EscapeDataString(s.Id!)}",
        "document" => $"/documents/{Uri.EscapeDataString(s.Id!)}",
        "proposal" => $"/proposals/{Uri.EscapeDataString(s.Id!)}",
        "sector" => $"/sectors/{Platform.Slugs.Of(s.Text)}",
        "businessLine" => $"/business-lines/{Platform.Slugs.Of(s.Text)}",
        _ => $"/search?q={Uri.EscapeDataString(s.Text)}",
    };

    private static string Url(SearchRequest r) => SearchQueryString.Url(r);

    private static Dictionary<string, IReadOnlyList<string>> Clean(Dictionary<string, List<string>> filters) =>
        filters.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value);
}
