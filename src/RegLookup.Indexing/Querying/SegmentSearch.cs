using Lucene.Net.Index;
using Lucene.Net.Search;

namespace RegLookup.Indexing.Querying;

/// <summary>
/// Runs one query over the segments of the index on every core: the segments are shared out by size, largest first
/// to the least loaded worker, and each worker collects the hits and facet counts of its segments into a part of
/// its own; the parts are merged at the end. (IndexSearcher spreads only its own top-documents searches over
/// threads, not a collector of ours.)
/// </summary>
public static class SegmentSearch
{
    /// <summary>Below this many documents a search takes well under a millisecond and threads would only add overhead.</summary>
    public const int ParallelFrom = 20_000;

    public sealed record Part(ITopDocsCollector Top, FacetingCollector Facets);

    // Searches running now in this process. Threads cost a quarter more CPU in all, so a search spreads over the
    // cores only when it runs alone; under load, each search keeps to one core and the searches fill the others.
    private static int _running;

    /// <summary>Documents <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) of one segment.</summary>
    /// <summary>One part per worker (at least one), each having collected the hits and facets of its segments.</summary>
    public static IReadOnlyList<Part> Run(IndexSearcher searcher, Query query, Func<Part> newPart, int parallelFrom = ParallelFrom, int? workers = null)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        return Share(searcher, newPart, (part, leaf) => Collect(weight, leaf, part.Facets), parallelFrom, workers);
    }

    /// <summary>Shares the segments out to workers, each with a part of its own that <paramref name="search"/> fills
    /// from its segments. Parallel when the index has at least <paramref name="parallelFrom"/> documents in more
    /// than one segment and no other search is running (or <paramref name="workers"/> is given).</summary>
    public static T[] Share<T>(IndexSearcher searcher, Func<T> newPart, Action<T, AtomicReaderContext> search, int parallelFrom = ParallelFrom, int? workers = null)
    {
        var alone = Interlocked.Increment(ref _running) == 1;
        try
        {
            var available = searcher.IndexReader.MaxDoc < parallelFrom ? 1 : workers ?? (alone ? Environment.ProcessorCount : 1);
            return Share(searcher.IndexReader.Leaves, newPart, search, available);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static T[] Share<T>(IList<AtomicReaderContext> leaves, Func<T> newPart, Action<T, AtomicReaderContext> search, int workers)
    {
        var count = Math.Min(workers, leaves.Count);
        var shares = Enumerable.Range(0, Math.Max(1, count)).Select(_ => new List<AtomicReaderContext>()).ToArray();
        var load = new long[shares.Length];
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
        {
            var least = Array.IndexOf(load, load.Min());
            shares[least].Add(leaf);
            load[least] += leaf.AtomicReader.MaxDoc;
        }
        var parts = shares.Select(_ => newPart()).ToArray();
        void Work(int w)
        {
            foreach (var leaf in shares[w]) search(parts[w], leaf);
        }
        if (parts.Length == 1) Work(0);
        else Parallel.For(0, parts.Length, Work);
        return parts;
    }

    /// <summary>The hits of all parts in one order: date (when sorting by it), score, then document number, so that
    /// ties fall the same way on every request and a page never repeats a hit of the page before. (TopDocs.Merge
    /// breaks ties by part, and a part holds segments from anywhere in the index.)</summary>
    public static IEnumerable<ScoreDoc> Hits(IReadOnlyList<Part> parts, bool byDate) => Hits(parts.SelectMany(p => p.Top.GetTopDocs().ScoreDocs), byDate);

    /// <inheritdoc cref="Hits(IReadOnlyList{Part}, bool)"/>
    public static IEnumerable<ScoreDoc> Hits(IEnumerable<ScoreDoc> all, bool byDate)
    {
        var ordered = byDate ? all.OrderByDescending(d => ((FieldDoc)d).Fields[0], Comparer<object>.Default).ThenByDescending(d => d.Score) : all.OrderByDescending(d => d.Score);
        return ordered.ThenBy(d => d.Doc);
    }

    /// <summary>What IndexSearcher does for each segment of a search.</summary>
    private static void Collect(Weight weight, AtomicReaderContext leaf, ICollector collector)
    {
        collector.SetNextReader(leaf);
        weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
    }
}
