using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;

namespace RegLookup.Indexing.Analysis;

public static class IndexAnalyzer
{
    /// <summary>The analyzer of each text field of <see cref="IndexSchema"/>.</summary>
    public static Analyzer Create() => new PerFieldAnalyzerWrapper(VietnameseAnalyzers.Folded, new Dictionary<string, Analyzer>
    {
        [IndexSchema.TitleExact] = VietnameseAnalyzers.Exact,
        [IndexSchema.BodyExact] = VietnameseAnalyzers.Exact,
        [IndexSchema.TitleFolded] = VietnameseAnalyzers.Folded,
        [IndexSchema.BodyFolded] = VietnameseAnalyzers.Folded,
        [IndexSchema.LinesFolded] = VietnameseAnalyzers.Folded,
        [IndexSchema.Bigrams] = VietnameseAnalyzers.Bigrams,
        [IndexSchema.Suggest] = VietnameseAnalyzers.EdgePrefixes,
    });
}
