using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace RegLookup.Indexing.Querying;

/// <summary>
/// Runs one query over the segments of the index on every core: each worker takes the largest segment no one has
/// searched yet and collects its hits and facet counts into a part of its own; the parts are merged at the end.
/// (IndexSearcher spreads only its own top-documents searches over threads, not a collector of ours.)
/// </summary>
public static class SegmentSearch
{
    // Below this many documents a search takes well under a millisecond and threads would only add overhead.
    private const int ParallelFrom = 20_000;

    public sealed record Part(ITopDocsCollector Top, FacetingCollector Facets);

    /// <summary>The parts, one per worker that took a segment (at least one).</summary>
    public static IReadOnlyList<Part> Run(IndexSearcher searcher, Query query, Func<Part> newPart)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves.OrderByDescending(l => l.AtomicReader.MaxDoc).ToList();
        if (leaves.Count < 2 || searcher.IndexReader.MaxDoc < ParallelFrom)
        {
            var only = newPart();
            foreach (var leaf in leaves) Collect(weight, leaf, only.Facets);
            return [only];
        }
        var parts = new ConcurrentBag<Part>();
        Parallel.ForEach(Partitioner.Create(leaves, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            newPart,
            (leaf, _, part) =>
            {
                Collect(weight, leaf, part.Facets);
                return part;
            },
            parts.Add);
        return parts.ToList();
    }

    /// <summary>What IndexSearcher does for each segment of a search.</summary>
    private static void Collect(Weight weight, AtomicReaderContext leaf, ICollector collector)
    {
        collector.SetNextReader(leaf);
        weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
    }
}
