using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using RegLookup.Indexing.Analysis;
using RegLookup.Indexing.Lifecycle;
using RegLookup.Indexing.Querying.Pruning;

namespace RegLookup.Indexing.Querying;

/// <summary>Answers searches and suggestions from the index of this node.</summary>
public sealed class SearchService(SearchIndex index, QueryVocabulary vocabulary)
{
    private const int FacetValues = 60;

    /// <summary>Score every match instead of pruning those that cannot reach the page (for tests and benchmarks
    /// that compare the two; the results are the same).</summary>
    public bool ScoreEverything { get; init; }

    /// <summary>From how many documents in the index a search prunes. Below it, scoring every match costs less than
    /// planning what to skip: with the seed data's 720 regulations, pruning took the search page under load from
    /// 1,194 to 842 requests/s.</summary>
    public int PruneFrom { get; init; } = 20_000;

    public SearchResult Search(SearchRequest request)
    {
        var clock = Stopwatch.StartNew();
        var parsed = ParsedQuery.Parse(request.Query, vocabulary);
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Max(1, request.Page);

        return index.Search(searcher =>
        {
            var levels = parsed.Words.Count + parsed.Expansions.Count + parsed.Phrases.Count > 0
                ? new[] { Tolerance.Exact, Tolerance.Fuzzy, Tolerance.Any } : [Tolerance.Exact];
            SearchResult result = null!;
            foreach (var tolerance in levels)
            {
                result = Run(searcher, parsed, request with { Page = page, PageSize = pageSize }, tolerance);
                if (result.Total > 0) break;
            }
            var didYouMean = Correct(searcher, parsed, request.Query);
            return result with { DidYouMean = didYouMean, TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2) };
        });
    }

    private SearchResult Run(IndexSearcher searcher, ParsedQuery parsed, SearchRequest request, Tolerance tolerance)
    {
        var query = QueryBuilder.Build(parsed, request.Type, tolerance, new ReaderStatistics(searcher.IndexReader));
        var depth = Math.Min(request.Page * request.PageSize, SearchRequest.MaxDepth);
        var byDate = request.Sort == SortOrders.Date;
        var prune = !byDate && !ScoreEverything && searcher.IndexReader.MaxDoc >= PruneFrom;
        var found = (prune ? PrunedSearch.TryRun(searcher, query, request.Filters, depth) : null)
            ?? ScoreAll(searcher, query, request.Filters, depth, byDate);

        var start = (request.Page - 1) * request.PageSize;
        var docs = SegmentSearch.Hits(found.Hits, byDate).Skip(start).Take(request.PageSize).ToList();
        var marks = parsed.MarkTerms.ToHashSet(StringComparer.Ordinal);
        return new SearchResult
        {
            Total = found.Tallies.Sum(t => t.TotalHits),
            Page = request.Page,
            PageSize = request.PageSize,
            Hits = docs.Select(d => ToHit(searcher.Doc(d.Doc), d.Score, marks)).ToList(),
            Facets = FacetTally.Facets(found.Tallies, FacetValues),
            Match = tolerance.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>Scores every match, as the date order needs and as the pruned search checks itself against.</summary>
    private static PrunedSearch.Found ScoreAll(IndexSearcher searcher, Query query, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, int depth, bool byDate)
    {
        var sort = byDate ? new Sort(new SortField(IndexSchema.Date, SortFieldType.INT64, true), SortField.FIELD_SCORE) : null;
        var parts = SegmentSearch.Run(searcher, query, () =>
        {
            // "Out of order" collectors break ties by document number, whatever order the segments come in.
            ITopDocsCollector top = sort is null
                ? TopScoreDocCollector.Create(depth, docsScoredInOrder: false)
                : TopFieldCollector.Create(sort, depth, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            return new SegmentSearch.Part(top, new FacetingCollector((ICollector)top, filters));
        });
        return new PrunedSearch.Found(parts.SelectMany(p => p.Top.GetTopDocs().ScoreDocs).ToList(), parts.Select(p => p.Facets.Tally).ToList());
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document doc, float score, IReadOnlySet<string> marks) => new()
    {
        Id = doc.Get(IndexSchema.Id),
        Type = doc.Get(IndexSchema.Type),
        Title = doc.Get(IndexSchema.Title),
        Snippet = Snippets.Make(doc.Get(IndexSchema.Plain) ?? "", marks),
        Agency = doc.Get(IndexSchema.Facets.Agency),
        Sector = doc.Get(IndexSchema.Facets.Sector),
        Kind = doc.Get(IndexSchema.Facets.Kind),
        Status = doc.Get(IndexSchema.Facets.Status),
        DocumentNumber = doc.Get(IndexSchema.Number),
        Article = doc.Get(IndexSchema.Article),
        Score = float.IsNaN(score) ? 0 : MathF.Round(score, 3),
    };

    /// <summary>"Did you mean": each plain word the index does not hold (not an abbreviation, phrase or document
    /// number, which are understood otherwise), replaced by the most frequent indexed term within two edits of it.
    /// Null when no word needed correcting.</summary>
    private static string? Correct(IndexSearcher searcher, ParsedQuery parsed, string typed)
    {
        var terms = MultiFields.GetTerms(searcher.IndexReader, IndexSchema.BodyFolded);
        if (terms is null) return null;
        var plain = parsed.Words.Select(w => w.Folded).ToHashSet(StringComparer.Ordinal);
        var corrected = false;
        var words = VietnameseAnalyzers.Terms(VietnameseAnalyzers.Folded, typed).Select(word =>
        {
            if (!plain.Contains(word) || word.Length < 3 || word.Any(char.IsDigit)
                || searcher.IndexReader.DocFreq(new Term(IndexSchema.BodyFolded, word)) > 0) return word;
            var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(IndexSchema.BodyFolded, word), 2, 1, true);
            string? best = null;
            var bestFrequency = 0;
            while (candidates.MoveNext())
                if (candidates.DocFreq > bestFrequency) (best, bestFrequency) = (candidates.Term.Utf8ToString(), candidates.DocFreq);
            if (best is null) return word;
            corrected = true;
            return best;
        }).ToList();
        return corrected ? string.Join(' ', words) : null;
    }

    /// <summary>Up to <paramref name="count"/> completions for a partly typed query: business lines and sectors
    /// first, then document numbers, proposals and regulation titles.</summary>
    public IReadOnlyList<Suggestion> Suggest(string typed, int count = 10)
    {
        var prefixes = VietnameseAnalyzers.Terms(VietnameseAnalyzers.Folded, typed).Select(t => t.Length > 20 ? t[..20] : t).ToList();
        if (prefixes.Count == 0 || !index.IsReady) return [];
        var query = new BooleanQuery { { new TermQuery(new Term(IndexSchema.Type, IndexSchema.Types.Suggestion)), Occur.MUST } };
        foreach (var prefix in prefixes.Take(12)) query.Add(new TermQuery(new Term(IndexSchema.Suggest, prefix)), Occur.MUST);

        return index.Search(searcher => searcher.Search(query, 200).ScoreDocs
            .Select(d => (Doc: searcher.Doc(d.Doc), d.Score))
            .Select(x => (Suggestion: new Suggestion(x.Doc.Get(IndexSchema.Title), x.Doc.Get(IndexSchema.SuggestKind), x.Doc.Get(IndexSchema.Id)), x.Score))
            .OrderByDescending(x => x.Score * Weight(x.Suggestion.Kind)).ThenBy(x => x.Suggestion.Text.Length)
            .Select(x => x.Suggestion).DistinctBy(s => s.Text).Take(count).ToList());
    }

    private sealed class ReaderStatistics(IndexReader reader) : ITermStatistics
    {
        public int DocFreq(string field, string term) => reader.DocFreq(new Term(field, term));
        public int DocCount(string field) => reader.GetDocCount(field);
    }

    private static float Weight(string kind) => kind switch
    {
        "businessLine" => 4f,
        "sector" => 3.5f,
        "document" => 2f,
        "proposal" => 1.5f,
        _ => 1f,
    };
}
