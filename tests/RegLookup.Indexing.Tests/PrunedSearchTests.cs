using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using RegLookup.Data.Model;
using RegLookup.Indexing.Analysis;
using RegLookup.Indexing.Querying;
using RegLookup.Indexing.Querying.Pruning;
using RegLookup.Testing;

namespace RegLookup.Indexing.Tests;

/// <summary>The pruned search must find what scoring every match finds: the same total, facet counts and top hits
/// with the same scores (documents whose scores tie may come in another order, as Lucene's own sums of the same
/// scores differ in the last bit from one way of reaching a document to another).</summary>
public class PrunedSearchTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFilters = new Dictionary<string, IReadOnlyList<string>>();

    private static readonly string[] Phrases =
    [
        "kinh doanh xăng dầu", "cửa hàng bán lẻ xăng dầu", "dịch vụ karaoke", "phòng cháy và chữa cháy", "điều kiện về vốn",
        "giấy chứng nhận đủ điều kiện", "an toàn thực phẩm", "kinh doanh dịch vụ lữ hành", "vốn pháp định", "nhân viên có chứng chỉ",
        "báo cáo định kỳ", "kho chứa", "kinh doanh khí", "dịch vụ bảo vệ", "camera giám sát",
    ];
    private static readonly string[] Agencies = ["BCT", "BYT", "BCA", "BTC", "BVHTTDL"];

    /// <summary>Regulations made of the phrases above in many mixes, in several segments, some updated (so deleted
    /// in their first segment) and some repealed.</summary>
    private static DirectoryReader Index(Lucene.Net.Store.Directory directory)
    {
        var random = new Random(68);
        string Pick() => Phrases[random.Next(Phrases.Length)];
        Regulation Make(int i) => new()
        {
            Id = $"R{i}", DocumentId = "vb", Agency = Agencies[random.Next(Agencies.Length)], Kind = random.Next(3) == 0 ? "report" : "condition",
            Title = $"{Pick()} đối với {Pick()}", Content = string.Join(", ", Enumerable.Range(0, random.Next(2, 7)).Select(_ => Pick())),
            BusinessLines = [Pick()], Sector = Pick(), Status = random.Next(8) == 0 ? "cut" : "in_force",
        };
        using var writer = new IndexWriter(directory, new IndexWriterConfig(VietnameseAnalyzers.Version, IndexAnalyzer.Create()) { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES });
        for (var i = 0; i < 3000; i++)
        {
            writer.AddDocument(DocumentMapper.Regulation(Make(i), null));
            if (i % 700 == 699) writer.Commit();
        }
        for (var i = 0; i < 3000; i += 11) writer.UpdateDocument(new Term(IndexSchema.Key, DocumentMapper.KeyOf(IndexSchema.Types.Regulation, $"R{i}")), DocumentMapper.Regulation(Make(i), null));
        writer.Commit();
        return DirectoryReader.Open(directory);
    }

    private sealed class Statistics(IndexReader reader) : ITermStatistics
    {
        public int DocFreq(string field, string term) => reader.DocFreq(new Term(field, term));
        public int DocCount(string field) => reader.GetDocCount(field);
    }

    private static (List<ScoreDoc> Hits, int Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets) Everything(
        IndexSearcher searcher, Query query, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, int depth)
    {
        var parts = SegmentSearch.Run(searcher, query, () =>
        {
            var top = TopScoreDocCollector.Create(depth, docsScoredInOrder: false);
            return new SegmentSearch.Part(top, new FacetingCollector(top, filters));
        }, parallelFrom: 0, workers: 2);
        var tallies = parts.Select(p => p.Facets.Tally).ToList();
        return (SegmentSearch.Hits(parts, byDate: false).Take(depth).ToList(), tallies.Sum(t => t.TotalHits), FacetTally.Facets(tallies, 60));
    }

    private static void AssertSameTop(IReadOnlyList<ScoreDoc> expected, IReadOnlyList<ScoreDoc> actual, string query)
    {
        Assert.True(expected.Count == actual.Count, $"{query}: {actual.Count} hits, expected {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i].Score - actual[i].Score) <= 1e-5f * expected[i].Score, $"{query}: hit {i} scores {actual[i].Score}, expected {expected[i].Score}");
        if (expected.Count == 0) return;
        // Above the last score on the page (which the page may cut through), the same documents.
        var last = expected[^1].Score * (1 + 1e-5f);
        Assert.Equal(expected.Where(d => d.Score > last).Select(d => d.Doc).Order(), actual.Where(d => d.Score > last).Select(d => d.Doc).Order());
    }

    [Theory]
    [InlineData("kinh doanh xăng dầu", 10)]
    [InlineData("kinh doanh xang dau", 10)]
    [InlineData("dịch vụ", 20)]
    [InlineData("điều kiện về vốn pháp định", 5)]
    [InlineData("giấy chứng nhận camera", 50)]
    [InlineData("thực phẩm", 1)]
    public void Finds_the_same_hits_scores_and_counts_as_scoring_every_match(string text, int depth)
    {
        using var directory = new RAMDirectory();
        using var reader = Index(directory);
        Assert.True(reader.Leaves.Count > 2 && reader.HasDeletions);
        var searcher = new IndexSearcher(reader);
        var query = QueryBuilder.Build(ParsedQuery.Parse(text, QueryVocabulary.Default), "all", Tolerance.Exact, new Statistics(reader));

        foreach (var filters in new[] { NoFilters, new Dictionary<string, IReadOnlyList<string>> { [IndexSchema.Facets.Agency] = ["BCT", "BYT"], [IndexSchema.Facets.Status] = ["in_force"] } })
        {
            var pruned = PrunedSearch.TryRun(searcher, query, filters, depth, parallelFrom: 0, workers: 2);
            var expected = Everything(searcher, query, filters, depth);

            Assert.NotNull(pruned);
            Assert.True(expected.Total > depth, $"{text}: only {expected.Total} matches");
            Assert.Equal(expected.Total, pruned.Tallies.Sum(t => t.TotalHits));
            Assert.Equal(expected.Facets, FacetTally.Facets(pruned.Tallies, 60));
            AssertSameTop(expected.Hits, SegmentSearch.Hits(pruned.Hits, byDate: false).Take(depth).ToList(), text);
        }
    }

    [Fact]
    public void A_typo_tolerant_query_is_pruned_too()
    {
        using var directory = new RAMDirectory();
        using var reader = Index(directory);
        var searcher = new IndexSearcher(reader);
        var query = QueryBuilder.Build(ParsedQuery.Parse("karaokee xăng", QueryVocabulary.Default), "all", Tolerance.Fuzzy, new Statistics(reader));

        var pruned = PrunedSearch.TryRun(searcher, query, NoFilters, 10, parallelFrom: 0, workers: 2);
        var expected = Everything(searcher, query, NoFilters, 10);

        Assert.NotNull(pruned);
        Assert.Equal(expected.Total, pruned.Tallies.Sum(t => t.TotalHits));
        AssertSameTop(expected.Hits, SegmentSearch.Hits(pruned.Hits, byDate: false).Take(10).ToList(), "karaokee xăng");
    }

    /// <summary>A required phrase (quoted, or the wording an abbreviation stands for) matches by positions, which
    /// bit sets of terms cannot tell; so does a query that excludes.</summary>
    [Theory]
    [InlineData("PCCC quán karaoke")]
    [InlineData("cây xăng")]
    [InlineData("\"kho chứa\" xăng")]
    public void A_query_whose_matches_bit_sets_cannot_tell_is_left_to_scoring_every_match(string text)
    {
        using var directory = new RAMDirectory();
        using var reader = Index(directory);
        var searcher = new IndexSearcher(reader);
        var query = QueryBuilder.Build(ParsedQuery.Parse(text, QueryVocabulary.Default), "all", Tolerance.Exact, new Statistics(reader));
        Assert.Null(PrunedSearch.TryRun(searcher, query, NoFilters, 10));
    }

    [Fact]
    public void A_query_the_model_does_not_know_is_left_to_scoring_every_match()
    {
        using var directory = new RAMDirectory();
        using var reader = Index(directory);
        var searcher = new IndexSearcher(reader);
        var excluding = new BooleanQuery
        {
            { new TermQuery(new Term(IndexSchema.BodyFolded, "xang")), Occur.MUST },
            { new TermQuery(new Term(IndexSchema.BodyFolded, "karaoke")), Occur.MUST_NOT },
        };

        Assert.Null(PrunedSearch.TryRun(searcher, excluding, NoFilters, 10));
        Assert.Null(PrunedSearch.TryRun(searcher, new MatchAllDocsQuery(), NoFilters, 10));
    }

    [Fact]
    public async Task The_portal_search_gives_the_same_pages_either_way_over_the_seed_data()
    {
        await using var sample = await IndexedSample.CreateAsync(RepoPaths.SeedData);
        var pruning = new SearchService(sample.Index, QueryVocabulary.Default) { PruneFrom = 0 };
        var everything = new SearchService(sample.Index, QueryVocabulary.Default) { ScoreEverything = true };
        // The relevance suite's queries, and a few more.
        using var judgments = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Relevance.RelevanceFixture.JudgmentsPath));
        var queries = judgments.RootElement.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("query").GetString()!)
            .Concat(["giấy phép", "an toàn thực phẩm", "karaoke", "kinh doanh"]).ToList();
        Assert.True(queries.Count > 60);
        foreach (var text in queries)
        {
            foreach (var request in new[]
                     {
                         new SearchRequest { Query = text, Type = "all", PageSize = 10 },
                         new SearchRequest { Query = text, Type = "regulation", PageSize = 5, Page = 2 },
                         new SearchRequest { Query = text, Type = "all", PageSize = 10, Filters = new Dictionary<string, IReadOnlyList<string>> { [IndexSchema.Facets.Status] = ["in_force"] } },
                     })
            {
                var pruned = pruning.Search(request);
                var expected = everything.Search(request);
                Assert.Equal(expected.Total, pruned.Total);
                Assert.Equal(expected.Facets, pruned.Facets);
                Assert.Equal(expected.Hits.Select(h => h.Score), pruned.Hits.Select(h => h.Score));
                var last = expected.Hits.Count == 0 ? 0 : expected.Hits[^1].Score;
                Assert.Equal(expected.Hits.Where(h => h.Score > last).Select(h => h.Id).Order(), pruned.Hits.Where(h => h.Score > last).Select(h => h.Id).Order());
            }
        }
    }
}
