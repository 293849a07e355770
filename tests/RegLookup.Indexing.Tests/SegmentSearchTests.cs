using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using RegLookup.Indexing.Analysis;
using RegLookup.Indexing.Querying;

namespace RegLookup.Indexing.Tests;

public class SegmentSearchTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFilters = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Four segments (30, 60, 60 and 50 documents) that all match "xăng" equally (same text), with agencies
    /// in turn. Shared out by size, the first segment (the lowest document numbers) goes last, to the second worker.</summary>
    private static DirectoryReader FourSegments(Lucene.Net.Store.Directory directory)
    {
        string[] agencies = ["BCT", "BYT", "BTC"];
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(VietnameseAnalyzers.Version, VietnameseAnalyzers.Folded) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES }))
        {
            for (var i = 0; i < 200; i++)
            {
                var agency = agencies[i % agencies.Length];
                writer.AddDocument(new Document
                {
                    new TextField(IndexSchema.BodyFolded, "kinh doanh xăng dầu", Field.Store.NO),
                    new SortedSetDocValuesField(IndexSchema.Facets.Agency, new BytesRef(agency)),
                });
                if (i is 29 or 89 or 149) writer.Commit();
            }
        }
        return DirectoryReader.Open(directory);
    }

    private static (int[] Docs, int Total, IReadOnlyList<FacetValue> Agencies, int Parts) Search(IndexSearcher searcher, int parallelFrom,
        IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var parts = SegmentSearch.Run(searcher, new TermQuery(new Term(IndexSchema.BodyFolded, "xang")), () =>
        {
            var top = TopScoreDocCollector.Create(30, docsScoredInOrder: false);
            return new SegmentSearch.Part(top, new FacetingCollector(top, filters));
        }, parallelFrom, workers: 2);
        var docs = SegmentSearch.Hits(parts, byDate: false).Take(30).Select(d => d.Doc).ToArray();
        var tallies = parts.Select(p => p.Facets.Tally).ToList();
        return (docs, tallies.Sum(t => t.TotalHits), FacetTally.Facets(tallies, 10)[IndexSchema.Facets.Agency], parts.Count);
    }

    [Fact]
    public void Segments_searched_in_parallel_give_the_same_hits_ties_and_counts_as_one_after_the_other()
    {
        using var directory = new RAMDirectory();
        using var reader = FourSegments(directory);
        Assert.Equal(4, reader.Leaves.Count);
        var searcher = new IndexSearcher(reader);

        var sequential = Search(searcher, int.MaxValue, NoFilters);
        var parallel = Search(searcher, parallelFrom: 0, NoFilters);

        Assert.Equal(1, sequential.Parts);
        Assert.Equal(2, parallel.Parts);
        // Every document scores the same: ties go to the lowest document numbers, whichever worker took which segment.
        Assert.Equal(Enumerable.Range(0, 30), parallel.Docs);
        Assert.Equal(sequential.Docs, parallel.Docs);
        Assert.Equal(200, parallel.Total);
        Assert.Equal(sequential.Agencies, parallel.Agencies);
        Assert.Equal([new FacetValue("BCT", 67), new FacetValue("BTC", 66), new FacetValue("BYT", 67)], sequential.Agencies.OrderBy(f => f.Value));
    }

    [Fact]
    public void A_filter_counts_the_same_in_parallel()
    {
        using var directory = new RAMDirectory();
        using var reader = FourSegments(directory);
        var searcher = new IndexSearcher(reader);
        var filters = new Dictionary<string, IReadOnlyList<string>> { [IndexSchema.Facets.Agency] = ["BYT"] };

        var parallel = Search(searcher, parallelFrom: 0, filters);

        Assert.Equal(67, parallel.Total);
        // The chosen key's own facet still shows the other values (OR within a key).
        Assert.Equal(Search(searcher, int.MaxValue, filters).Agencies, parallel.Agencies);
        Assert.Equal(3, parallel.Agencies.Count);
    }
}
