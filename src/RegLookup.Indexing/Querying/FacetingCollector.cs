using Lucene.Net.Index;
using Lucene.Net.Search;

namespace RegLookup.Indexing.Querying;

/// <summary>
/// Applies the filters and counts the facets in one pass over the documents the query matches (written here
/// because Lucene.Net.Facet is not available; it reads the facet ordinals that <see cref="SegmentFacets"/> keeps).
/// A document that passes every filter is a hit and counts in every facet; one that fails the filter of exactly
/// one key still counts in that key's facet, so each facet shows what choosing another value of it would give
/// (OR within a key) under the other keys' filters (AND across keys).
/// </summary>
public sealed class FacetingCollector(ICollector hits, IReadOnlyDictionary<string, IReadOnlyList<string>> filters) : ICollector
{
    private readonly string[] _dimensions = IndexSchema.Facets.All.ToArray();
    private readonly FacetTally _tally = new();
    private readonly bool _filtered = filters.Values.Any(v => v.Count > 0);
    private FacetDimension[] _segment = [];
    private bool[]?[] _selected = [];
    private int[][] _segmentCounts = [];

    /// <summary>What this collector has counted, up to the last segment it was given.</summary>
    public FacetTally Tally
    {
        get
        {
            Flush();
            return _tally;
        }
    }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        hits.SetNextReader(context);
        _segment = SegmentFacets.Of(context.AtomicReader).Dimensions;
        _segmentCounts = _segment.Select(d => new int[d.Values.Length]).ToArray();
        _selected = _dimensions.Select((d, i) => filters.TryGetValue(d, out var wanted) && wanted.Count > 0 ? _segment[i].Selection(wanted) : null).ToArray();
    }

    // Plain loops over arrays: this runs for every matching document.
    public void Collect(int doc)
    {
        if (!_filtered)
        {
            // No filter chosen (most searches): every matching document is a hit and counts in every facet.
            _tally.TotalHits++;
            hits.Collect(doc);
            for (var d = 0; d < _segment.Length; d++) Count(d, doc);
            return;
        }
        var failed = -1;
        var failures = 0;
        for (var d = 0; d < _segment.Length; d++)
        {
            if (_selected[d] is { } selected && !_segment[d].HasAny(doc, selected))
            {
                failed = d;
                failures++;
            }
        }
        if (failures == 0)
        {
            _tally.TotalHits++;
            hits.Collect(doc);
            for (var d = 0; d < _segment.Length; d++) Count(d, doc);
        }
        else if (failures == 1)
        {
            Count(failed, doc);
        }
    }

    private void Count(int d, int doc) => _segment[d].CountInto(doc, _segmentCounts[d]);

    /// <summary>Turns the per-segment ordinal counts of the segment just finished into value counts.</summary>
    private void Flush()
    {
        for (var d = 0; d < _segmentCounts.Length; d++)
            for (var ord = 0; ord < _segmentCounts[d].Length; ord++)
                if (_segmentCounts[d][ord] is var count and > 0) _tally.Add(d, _segment[d].Values[ord], count);
        _segmentCounts = [];
    }
}
