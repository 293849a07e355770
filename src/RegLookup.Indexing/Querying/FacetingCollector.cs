using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace RegLookup.Indexing.Querying;

/// <summary>
/// Applies the filters and counts the facets in one pass over the documents the query matches (written here
/// because Lucene.Net.Facet is not available; it reads the SortedSetDocValues that the mapper writes).
/// A document that passes every filter is a hit and counts in every facet; one that fails the filter of exactly
/// one key still counts in that key's facet, so each facet shows what choosing another value of it would give
/// (OR within a key) under the other keys' filters (AND across keys).
/// </summary>
public sealed class FacetingCollector(ICollector hits, IReadOnlyDictionary<string, IReadOnlyList<string>> filters) : ICollector
{
    private readonly string[] _dimensions = IndexSchema.Facets.All.ToArray();
    private readonly Dictionary<string, int>[] _counts = IndexSchema.Facets.All.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly bool _filtered = filters.Values.Any(v => v.Count > 0);
    private SortedSetDocValues?[] _values = [];
    // Most facets hold one value per document; reading those through SortedDocValues skips the set iteration.
    private SortedDocValues?[] _single = [];
    private bool[]?[] _selected = [];
    private int[][] _segmentCounts = [];
    private readonly List<long>[] _docOrds = IndexSchema.Facets.All.Select(_ => new List<long>(4)).ToArray();

    public int TotalHits { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets(int top)
    {
        Flush();
        return _dimensions.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => (IReadOnlyList<FacetValue>)_counts[x.i]
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(top)
            .Select(c => new FacetValue(c.Key, c.Value)).ToList());
    }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        hits.SetNextReader(context);
        var reader = context.AtomicReader;
        _values = _dimensions.Select(d => reader.GetSortedSetDocValues(d)).ToArray();
        _single = _values.Select(v => v is null ? null : DocValues.UnwrapSingleton(v)).ToArray();
        _segmentCounts = _values.Select(v => new int[v?.ValueCount ?? 0]).ToArray();
        _selected = _dimensions.Select((d, i) =>
        {
            if (!filters.TryGetValue(d, out var wanted) || wanted.Count == 0) return null;
            var selected = new bool[_values[i]?.ValueCount ?? 0];
            if (_values[i] is { } values)
                foreach (var value in wanted)
                    if (values.LookupTerm(new BytesRef(value)) is var ord and >= 0) selected[ord] = true;
            return selected;
        }).ToArray();
    }

    public void Collect(int doc)
    {
        if (!_filtered)
        {
            // No filter chosen (most searches): every matching document is a hit and counts in every facet.
            TotalHits++;
            hits.Collect(doc);
            for (var d = 0; d < _dimensions.Length; d++)
            {
                if (_single[d] is { } single) CountOrd(d, single.GetOrd(doc));
                else if (_values[d] is not null) { Read(d, doc); Count(d); }
            }
            return;
        }
        var failed = -1;
        var failures = 0;
        for (var d = 0; d < _dimensions.Length; d++)
        {
            Read(d, doc);
            if (_selected[d] is { } selected && !AnySelected(_docOrds[d], selected))
            {
                failed = d;
                failures++;
            }
        }
        if (failures == 0)
        {
            TotalHits++;
            hits.Collect(doc);
            for (var d = 0; d < _dimensions.Length; d++) Count(d);
        }
        else if (failures == 1)
        {
            Count(failed);
        }
    }

    private void Read(int d, int doc)
    {
        var ords = _docOrds[d];
        ords.Clear();
        if (_single[d] is { } single)
        {
            if (single.GetOrd(doc) is var one and >= 0) ords.Add(one);
        }
        else if (_values[d] is { } values)
        {
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) ords.Add(ord);
        }
    }

    // Plain loops: these run for every matching document, where a lambda would allocate each time.
    private static bool AnySelected(List<long> ords, bool[] selected)
    {
        foreach (var ord in ords)
            if (selected[ord]) return true;
        return false;
    }

    private void Count(int d)
    {
        foreach (var ord in _docOrds[d]) _segmentCounts[d][ord]++;
    }

    private void CountOrd(int d, int ord)
    {
        if (ord >= 0) _segmentCounts[d][ord]++;
    }

    /// <summary>Turns the per-segment ordinal counts of the segment just finished into value counts.</summary>
    private void Flush()
    {
        var term = new BytesRef();
        for (var d = 0; d < _segmentCounts.Length; d++)
        {
            for (var ord = 0; ord < _segmentCounts[d].Length; ord++)
            {
                if (_segmentCounts[d][ord] == 0) continue;
                _values[d]!.LookupOrd(ord, term);
                var value = term.Utf8ToString();
                _counts[d][value] = _counts[d].GetValueOrDefault(value) + _segmentCounts[d][ord];
            }
        }
        _segmentCounts = [];
    }
}
