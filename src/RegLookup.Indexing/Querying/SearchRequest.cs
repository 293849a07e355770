namespace RegLookup.Indexing.Querying;

/// <summary>What a person asked for: the query as typed, the filters (OR within a key, AND across keys), a page.</summary>
public sealed record SearchRequest
{
    public string Query { get; init; } = "";
    public string Type { get; init; } = IndexSchema.Types.Regulation;
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    public string Sort { get; init; } = SortOrders.Relevance;

    public const int MaxPageSize = 100;
    public const int MaxQueryLength = 500;
    public const int MaxDepth = 10_000;

    public static readonly IReadOnlyList<string> Types = ["regulation", "proposal", "document", "all"];
}

public static class SortOrders
{
    public const string Relevance = "relevance";
    public const string Date = "date";
    public static readonly IReadOnlyList<string> All = [Relevance, Date];
}

public sealed record SearchHit
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required string Snippet { get; init; }
    public string? Agency { get; init; }
    public string? Sector { get; init; }
    public string? Kind { get; init; }
    public string? Status { get; init; }
    public string? DocumentNumber { get; init; }
    public string? Article { get; init; }
    public float Score { get; init; }
}

public sealed record FacetValue(string Value, int Count);

public sealed record SearchResult
{
    public int Total { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; }
    public double TookMs { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();
    /// <summary>A corrected query when the words as typed found little ("did you mean").</summary>
    public string? DidYouMean { get; init; }
    /// <summary>How far the query had to be loosened: exact, fuzzy (typos) or any (some words).</summary>
    public string Match { get; init; } = "exact";
}

public sealed record Suggestion(string Text, string Kind, string? Id);
