using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace RegLookup.Indexing.Analysis;

/// <summary>
/// The analysis chains for Vietnamese. Text is indexed twice: as written (lower case, diacritics kept) and folded
/// (no diacritics, đ → d), so that a query typed without marks finds everything and one typed with marks ranks
/// exact matches first. A third field holds folded syllable bigrams: Vietnamese words are mostly two syllables
/// ("kinh doanh", "điều kiện"), so adjacent query syllables that stand together in a text rank it higher.
/// </summary>
public static class VietnameseAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Lower case, diacritics kept.</summary>
    public static Analyzer Exact { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
    });

    /// <summary>Lower case, diacritics removed, đ → d.</summary>
    public static Analyzer Folded { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)));
    });

    /// <summary>Folded syllable pairs: "điều kiện kinh doanh" → "dieu kien", "kien kinh", "kinh doanh".</summary>
    public static Analyzer Bigrams { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new SyllablePairFilter(new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer))));
    });

    /// <summary>Folded prefixes of each syllable, for suggestions as the user types.</summary>
    public static Analyzer EdgePrefixes { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer,
            new EdgeNGramTokenFilter(Version, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)), 1, 20));
    });

    /// <summary>Analyzes <paramref name="text"/> with <paramref name="analyzer"/> into its terms, in order.</summary>
    public static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("_", text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    /// <summary>Lower case and folded, as the folded field stores it: "Điều kiện" → "dieu kien".</summary>
    public static string Fold(string text)
    {
        var lower = text.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant().ToCharArray();
        var output = new char[lower.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, output, 0, lower.Length);
        return new string(output, 0, length);
    }
}
