using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using RegLookup.Indexing.Analysis;
using RegLookup.Indexing.Querying;

namespace RegLookup.Indexing.Tests;

public class AnalysisTests
{
    [Theory]
    [InlineData("Điều kiện kinh doanh xăng dầu", "dieu kien kinh doanh xang dau")]
    [InlineData("ĐỊA ĐIỂM Đặt Cược", "dia diem dat cuoc")]
    [InlineData("Nghị định 83/2014/NĐ-CP", "nghi dinh 83/2014/nd-cp")]
    [InlineData("thuốc lá, rượu; mỹ phẩm", "thuoc la, ruou; my pham")]
    public void Folding_removes_marks_and_case_and_turns_đ_into_d(string text, string expected) =>
        Assert.Equal(expected, VietnameseAnalyzers.Fold(text));

    [Fact]
    public void Decomposed_input_folds_like_composed_input() =>
        Assert.Equal(VietnameseAnalyzers.Fold("xăng dầu"), VietnameseAnalyzers.Fold("xăng dầu".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void Exact_field_keeps_marks_and_bigrams_pair_adjacent_syllables()
    {
        Assert.Equal(["mã", "số", "thuế"], VietnameseAnalyzers.Terms(VietnameseAnalyzers.Exact, "Mã số thuế"));
        Assert.Equal(["dieu kien", "kien kinh", "kinh doanh"], VietnameseAnalyzers.Terms(VietnameseAnalyzers.Bigrams, "Điều kiện kinh doanh"));
    }

    /// <summary>The bigram field's own pair filter must index exactly what Lucene's ShingleFilter (2, 2, no unigrams)
    /// did: the same terms at the same positions, and a "_" filler where the tokenizer skipped a token longer than 255
    /// characters, at the start, in the middle or at the end.</summary>
    [Theory]
    [InlineData("Điều kiện kinh doanh xăng dầu; cửa hàng bán lẻ.\nKho chứa 2.000 m3")]
    [InlineData("một")]
    [InlineData("")]
    [InlineData(" ,.; ")]
    [InlineData("LONG đầu")]
    [InlineData("đầu LONG")]
    [InlineData("a LONG b LONG LONG c")]
    [InlineData("LONG")]
    [InlineData("LONG LONG")]
    public void Syllable_pairs_are_what_a_shingle_filter_of_two_gives(string pattern)
    {
        var text = pattern.Replace("LONG", new string('x', 300));
        var shingles = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(VietnameseAnalyzers.Version, reader);
            var filter = new ShingleFilter(new ASCIIFoldingFilter(new LowerCaseFilter(VietnameseAnalyzers.Version, tokenizer)), 2, 2);
            filter.SetOutputUnigrams(false);
            return new TokenStreamComponents(tokenizer, filter);
        });
        Assert.Equal(Positions(shingles, text), Positions(VietnameseAnalyzers.Bigrams, text));
    }

    private static List<(string Term, int Position)> Positions(Analyzer analyzer, string text)
    {
        var found = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream("_", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken()) found.Add((term.ToString(), position += increment.PositionIncrement));
        stream.End();
        found.Add(("(end)", position + increment.PositionIncrement));
        return found;
    }

    [Theory]
    [InlineData("83/2014/NĐ-CP", "nghi_dinh", new[] { "83/2014/nd-cp", "83/2014", "nghi_dinh:83" })]
    [InlineData("09/2018/TT-BCT", "thong_tu", new[] { "09/2018/tt-bct", "09/2018", "thong_tu:09" })]
    [InlineData("68/NQ-CP", "nghi_quyet", new[] { "68/nq-cp", "nghi_quyet:68" })]
    public void A_document_number_is_indexed_in_the_forms_people_type(string number, string type, string[] keys) =>
        Assert.Equal(keys, DocumentNumbers.Keys(number, type).ToArray());

    [Theory]
    [InlineData("83/2014/NĐ-CP", "83/2014/nd-cp")]
    [InlineData("83/2014", "83/2014")]
    [InlineData("nđ 83/2014", "83/2014")]
    [InlineData("nghi dinh 83", "nghi_dinh:83")]
    [InlineData("Nghị định 83 về xăng dầu", "nghi_dinh:83")]
    [InlineData("thông tư 09/2018/TT-BCT", "09/2018/tt-bct")]
    [InlineData("nghị quyết 68/NQ-CP", "68/nq-cp")]
    public void A_document_number_in_a_query_is_recognised(string query, string key)
    {
        var mention = Assert.Single(DocumentNumbers.Find(VietnameseAnalyzers.Fold(query)));
        Assert.Contains(key, mention.Keys);
    }

    [Fact]
    public void Numbers_that_are_not_document_numbers_are_left_alone() =>
        Assert.Empty(DocumentNumbers.Find(VietnameseAnalyzers.Fold("kho chứa 2.000 m3 trong 30 ngày")));

    [Fact]
    public void Queries_expand_abbreviations_drop_question_words_and_keep_phrases()
    {
        var q = ParsedQuery.Parse("PCCC quán karaoke cần gì \"cửa thoát hiểm\"", QueryVocabulary.Default);

        Assert.Equal(["cua", "thoat", "hiem"], q.Phrases.Single().Select(w => w.Folded));
        Assert.Equal(2, q.Expansions.Count);
        Assert.Contains(q.Expansions, e => e.Alternatives.Any(a => string.Join(' ', a) == "phong chay chua chay"));
        Assert.Contains(q.Expansions, e => e.Alternatives.Any(a => string.Join(' ', a) == "dich vu karaoke"));
        Assert.Empty(q.Words);
    }

    [Fact]
    public void A_query_of_question_words_only_keeps_them() =>
        Assert.Equal(["gì"], ParsedQuery.Parse("gì", QueryVocabulary.Default).Words.Select(w => w.Exact));

    [Fact]
    public void Synonym_list_is_data_matched_without_diacritics()
    {
        var vocabulary = new QueryVocabulary(["cây xăng => cửa hàng bán lẻ xăng dầu"], []);
        var q = ParsedQuery.Parse("cay xang gan nha", vocabulary);
        Assert.Equal("cua hang ban le xang dau", string.Join(' ', q.Expansions.Single().Alternatives.Single()));
        Assert.Equal(["gan", "nha"], q.Words.Select(w => w.Folded));
    }

    [Fact]
    public void Snippets_mark_matches_and_escape_everything_else()
    {
        var html = Snippets.Make("Cơ sở kinh doanh xăng dầu <script>alert(1)</script> phải có kho chứa.", new HashSet<string> { "xang", "dau" });
        Assert.Contains("<mark>xăng</mark> <mark>dầu</mark>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Equal(2, html.Split("<mark>").Length - 1);
    }

    [Fact]
    public void Snippets_cut_around_the_densest_passage()
    {
        var text = string.Join(' ', Enumerable.Repeat("Quy định chung về hồ sơ và thủ tục.", 20)) + " Cửa hàng bán lẻ xăng dầu phải có giấy chứng nhận.";
        var html = Snippets.Make(text, new HashSet<string> { "xang", "dau", "ban", "le" }, 200);
        Assert.StartsWith("… ", html);
        Assert.Contains("<mark>bán</mark> <mark>lẻ</mark> <mark>xăng</mark> <mark>dầu</mark>", html);
        Assert.True(html.Length < 400);
    }
}
