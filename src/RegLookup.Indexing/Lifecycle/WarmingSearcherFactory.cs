using Lucene.Net.Index;
using Lucene.Net.Search;
using RegLookup.Indexing.Querying;

namespace RegLookup.Indexing.Lifecycle;

/// <summary>Reads the facet ordinals of new segments before a searcher over them is handed out, so that the first
/// search after a merge or a rebuild does not pay for it (about 0.1 s at a million regulations).</summary>
public sealed class WarmingSearcherFactory : SearcherFactory
{
    public static WarmingSearcherFactory Instance { get; } = new();

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves) SegmentFacets.Of(leaf.AtomicReader);
        return base.NewSearcher(reader);
    }
}
