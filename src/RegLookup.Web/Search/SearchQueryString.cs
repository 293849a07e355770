using System.Globalization;
using Microsoft.Extensions.Localization;
using RegLookup.Indexing;
using RegLookup.Indexing.Querying;

namespace RegLookup.Web.Search;

/// <summary>
/// Reads and writes the search parameters of a URL — the same for the API and the search page, so a page is a
/// link that can be shared: q, type, agency, sector, kind, status, doctype (repeatable), page, pageSize, sort.
/// </summary>
public static class SearchQueryString
{
    public static readonly IReadOnlyList<string> FilterKeys = IndexSchema.Facets.All;

    /// <summary>The request, or the localized reason it is refused.</summary>
    public const int DefaultPageSize = 20;

    public static (SearchRequest? Request, string? Problem) Parse(IQueryCollection query, IStringLocalizer<Messages> text)
    {
        var q = query["q"].ToString();
        if (q.Length > SearchRequest.MaxQueryLength)
            return (null, text["Problem.QueryTooLong", SearchRequest.MaxQueryLength]);

        var type = query["type"] is { Count: > 0 } t && t.ToString().Length > 0 ? t.ToString() : IndexSchema.Types.Regulation;
        if (!SearchRequest.Types.Contains(type))
            return (null, text["Problem.BadType", type, string.Join(", ", SearchRequest.Types)]);

        var sort = query["sort"] is { Count: > 0 } s && s.ToString().Length > 0 ? s.ToString() : SortOrders.Relevance;
        if (!SortOrders.All.Contains(sort))
            return (null, text["Problem.BadSort", sort, string.Join(", ", SortOrders.All)]);

        if (!TryPositive(query["page"], 1, out var page)) return (null, text["Problem.BadPage"]);
        if (!TryPositive(query["pageSize"], DefaultPageSize, out var pageSize)) return (null, text["Problem.BadPageSize"]);

        var filters = FilterKeys
            .Select(k => (Key: k, Values: (IReadOnlyList<string>)query[k].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct().ToList()))
            .Where(f => f.Values.Count > 0)
            .ToDictionary(f => f.Key, f => f.Values);

        return (new SearchRequest
        {
            Query = q.Trim(), Type = type, Sort = sort, Page = page,
            PageSize = Math.Min(pageSize, SearchRequest.MaxPageSize), Filters = filters,
        }, null);
    }

    /// <summary>The URL of the search page for a request, with parameters at their defaults left out.</summary>
    public static string Url(SearchRequest r, string path = "/search")
    {
        var parts = new List<string>();
        void Add(string key, string value) => parts.Add($"{key}={Uri.EscapeDataString(value)}");
        if (r.Query.Length > 0) Add("q", r.Query);
        if (r.Type != IndexSchema.Types.Regulation) Add("type", r.Type);
        foreach (var (key, values) in r.Filters.OrderBy(f => FilterKeys.ToList().IndexOf(f.Key)))
            foreach (var value in values) Add(key, value);
        if (r.Sort != SortOrders.Relevance) Add("sort", r.Sort);
        if (r.PageSize != DefaultPageSize) Add("pageSize", r.PageSize.ToString(CultureInfo.InvariantCulture));
        if (r.Page != 1) Add("page", r.Page.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    private static bool TryPositive(Microsoft.Extensions.Primitives.StringValues value, int fallback, out int result)
    {
        result = fallback;
        if (value.Count == 0 || string.IsNullOrEmpty(value.ToString())) return true;
        return int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= 1;
    }
}
