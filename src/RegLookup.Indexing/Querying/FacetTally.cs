namespace RegLookup.Indexing.Querying;

/// <summary>The hits and facet value counts one worker of a search found in its segments.</summary>
public sealed class FacetTally
{
    private readonly Dictionary<string, int>[] _counts = IndexSchema.Facets.All.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();

    public int TotalHits { get; set; }

    /// <summary>Adds <paramref name="count"/> to <paramref name="value"/> of the key at <paramref name="dimension"/>
    /// in <see cref="IndexSchema.Facets.All"/>.</summary>
    public void Add(int dimension, string value, int count) =>
        _counts[dimension][value] = _counts[dimension].GetValueOrDefault(value) + count;

    /// <summary>The <paramref name="top"/> values of each key by count, over the tallies of one search.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets(IEnumerable<FacetTally> tallies, int top)
    {
        var all = tallies.ToList();
        return IndexSchema.Facets.All.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => (IReadOnlyList<FacetValue>)all
            .SelectMany(tally => tally._counts[x.i]).GroupBy(c => c.Key, c => c.Value, StringComparer.Ordinal)
            .Select(g => new FacetValue(g.Key, g.Sum()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(top).ToList());
    }
}
