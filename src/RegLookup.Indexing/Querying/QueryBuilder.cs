using Lucene.Net.Index;
using Lucene.Net.Search;

namespace RegLookup.Indexing.Querying;

/// <summary>How far a query is loosened when the words as typed find nothing.</summary>
public enum Tolerance { Exact, Fuzzy, Any }

/// <summary>
/// Builds the Lucene query of a <see cref="ParsedQuery"/>. Each word may match the title, the business lines or
/// the body, folded or as typed (an exact-diacritic match scores higher); adjacent words that stand together as a
/// syllable bigram, and all words together in the title, add to the score. Filters are not part of it: the
/// faceting collector applies them, so that facet counts can ignore their own key.
/// </summary>
public static class QueryBuilder
{
    private const float TitleBoost = 3f, LinesBoost = 2f, BodyBoost = 1f, ExactBonus = 1.5f, BigramBoost = 1.5f;

    public static Query Build(ParsedQuery q, string type, Tolerance tolerance)
    {
        var query = new BooleanQuery { { TypeClause(type), Occur.MUST } };
        if (q.IsEmpty)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
            return query;
        }

        foreach (var mention in q.DocumentNumbers)
        {
            var number = new BooleanQuery();
            foreach (var key in mention.Keys) number.Add(new TermQuery(new Term(IndexSchema.DocumentNumber, key)), Occur.SHOULD);
            query.Add(new ConstantScoreQuery(number) { Boost = 2f }, Occur.MUST);
        }

        foreach (var phrase in q.Phrases)
            query.Add(PhraseClause(phrase), Occur.MUST);

        var clauses = q.Words.Select(w => WordClause(w, tolerance))
            .Concat(q.Expansions.Select(e => ExpansionClause(e, tolerance))).ToList();
        if (clauses.Count > 0)
        {
            var words = new BooleanQuery();
            foreach (var clause in clauses) words.Add(clause, Occur.SHOULD);
            words.MinimumNumberShouldMatch = tolerance == Tolerance.Any ? 1
                : clauses.Count <= 2 ? clauses.Count : (int)Math.Ceiling(clauses.Count * 0.75);
            query.Add(words, Occur.MUST);
        }

        for (var i = 0; i + 1 < q.Words.Count; i++)
            query.Add(new TermQuery(new Term(IndexSchema.Bigrams, $"{q.Words[i].Folded} {q.Words[i + 1].Folded}")) { Boost = BigramBoost }, Occur.SHOULD);
        if (q.Words.Count >= 2)
        {
            var title = new PhraseQuery { Slop = 3, Boost = TitleBoost };
            foreach (var w in q.Words) title.Add(new Term(IndexSchema.TitleFolded, w.Folded));
            query.Add(title, Occur.SHOULD);
        }
        return query;
    }

    private static Query TypeClause(string type)
    {
        if (type != "all")
            return new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.Type, type))) { Boost = 0f };
        var any = new BooleanQuery();
        foreach (var t in IndexSchema.Types.Searchable) any.Add(new TermQuery(new Term(IndexSchema.Type, t)), Occur.SHOULD);
        return new ConstantScoreQuery(any) { Boost = 0f };
    }

    private static Query WordClause(QueryWord w, Tolerance tolerance)
    {
        var any = new DisjunctionMaxQuery(0.1f)
        {
            Folded(IndexSchema.TitleFolded, w.Folded, TitleBoost, tolerance),
            Folded(IndexSchema.LinesFolded, w.Folded, LinesBoost, tolerance),
            Folded(IndexSchema.BodyFolded, w.Folded, BodyBoost, tolerance),
        };
        if (w.HasMarks)
        {
            any.Add(new TermQuery(new Term(IndexSchema.TitleExact, w.Exact)) { Boost = TitleBoost * ExactBonus });
            any.Add(new TermQuery(new Term(IndexSchema.BodyExact, w.Exact)) { Boost = BodyBoost * ExactBonus });
        }
        return any;
    }

    private static Query Folded(string field, string term, float boost, Tolerance tolerance)
    {
        var exact = new TermQuery(new Term(field, term)) { Boost = boost };
        // Vietnamese syllables are short: only a syllable of four letters or more may differ by one edit.
        if (tolerance == Tolerance.Exact || term.Length < 4 || term.Any(char.IsDigit)) return exact;
        return new DisjunctionMaxQuery(0f) { exact, new FuzzyQuery(new Term(field, term), 1, 1) { Boost = boost * 0.6f } };
    }

    private static Query PhraseClause(IReadOnlyList<QueryWord> words)
    {
        var phrases = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in new[] { (IndexSchema.TitleFolded, TitleBoost), (IndexSchema.BodyFolded, BodyBoost), (IndexSchema.LinesFolded, LinesBoost) })
        {
            var phrase = new PhraseQuery { Boost = boost };
            foreach (var w in words) phrase.Add(new Term(field, w.Folded));
            phrases.Add(phrase);
        }
        if (words.Any(w => w.HasMarks))
        {
            var exact = new PhraseQuery { Boost = BodyBoost * ExactBonus };
            foreach (var w in words) exact.Add(new Term(IndexSchema.BodyExact, w.Exact));
            phrases.Add(exact);
        }
        return phrases;
    }

    /// <summary>"PCCC" matches the letters as typed or any of the wordings it stands for, as a phrase.</summary>
    private static Query ExpansionClause(Expansion e, Tolerance tolerance)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        var typed = new BooleanQuery();
        foreach (var w in e.Words) typed.Add(WordClause(w, tolerance), Occur.MUST);
        any.Add(typed);
        foreach (var wording in e.Alternatives)
            any.Add(PhraseClause(wording.Select(t => new QueryWord(t, t)).ToList()));
        return any;
    }
}
