using Lucene.Net.Index;
using Lucene.Net.Search;

namespace RegLookup.Indexing.Querying;

/// <summary>How far a query is loosened when the words as typed find nothing.</summary>
public enum Tolerance { Exact, Fuzzy, Any }

/// <summary>What the query builder may ask of the index: how many texts hold a term.</summary>
public interface ITermStatistics
{
    int DocFreq(string field, string term);
    /// <summary>How many texts have the field at all.</summary>
    int DocCount(string field);
}

/// <summary>
/// Builds the Lucene query of a <see cref="ParsedQuery"/>. Each word may match the title, the business lines or
/// the body, folded or as typed (a word typed with marks that the index holds with those marks counts mostly as
/// typed). The rare words carry the query: most of them must match; words found in a large share of all texts
/// ("điều kiện", "kinh doanh") only add to the score. Adjacent words that stand together as a syllable bigram and
/// all words together in the title add to it too, and a rule still in force gets a small lift
/// (<see cref="InForceBoost"/>). A word no text holds is taken as a typo and matched within one edit. Filters are
/// not part of the query: the faceting collector applies them, so that facet counts can ignore their own key.
/// </summary>
public static class QueryBuilder
{
    private const float TitleBoost = 3f, LinesBoost = 2f, BodyBoost = 1f, ExactBonus = 1.5f, BigramBoost = 1.5f;
    private const double CommonShare = 0.25;

    public static Query Build(ParsedQuery q, string type, Tolerance tolerance, ITermStatistics stats) =>
        new InForceBoost(Match(q, type, tolerance, stats));

    private static BooleanQuery Match(ParsedQuery q, string type, Tolerance tolerance, ITermStatistics stats)
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

        var required = new List<Query>();
        var optional = new List<Query>();
        foreach (var phrase in q.Phrases)
        {
            if (tolerance == Tolerance.Any) required.AddRange(phrase.Select(w => WordClause(w, tolerance, stats)));
            else query.Add(PhraseClause(phrase, tolerance == Tolerance.Fuzzy ? 3 : 0), Occur.MUST);
        }
        var bodyTexts = Math.Max(1, stats.DocCount(IndexSchema.BodyFolded));
        foreach (var w in q.Words)
            (stats.DocFreq(IndexSchema.BodyFolded, w.Folded) > CommonShare * bodyTexts ? optional : required).Add(WordClause(w, tolerance, stats));
        required.AddRange(q.Expansions.Select(e => ExpansionClause(e, tolerance, stats)));
        if (required.Count == 0 && optional.Count > 0)
        {
            // Only common words: they are all there is to go by.
            required.AddRange(optional);
            optional.Clear();
        }

        if (required.Count > 0)
        {
            // When every word must match, MUST clauses score the same as SHOULD ones that all match, and Lucene
            // leapfrogs them from the rarest instead of keeping a heap of all of them in step.
            var minimum = MinimumMatch(required.Count, tolerance);
            var all = minimum == required.Count;
            var words = new BooleanQuery();
            foreach (var clause in required) words.Add(clause, all ? Occur.MUST : Occur.SHOULD);
            if (!all) words.MinimumNumberShouldMatch = minimum;
            query.Add(words, Occur.MUST);
        }
        foreach (var clause in optional) query.Add(clause, Occur.SHOULD);

        for (var i = 0; i + 1 < q.Words.Count; i++)
            query.Add(new TermQuery(new Term(IndexSchema.Bigrams, $"{q.Words[i].Folded} {q.Words[i + 1].Folded}")) { Boost = BigramBoost }, Occur.SHOULD);
        if (q.Words.Count >= 2)
        {
            var title = new PhraseQuery { Slop = 3, Boost = TitleBoost };
            foreach (var w in q.Words) title.Add(new Term(IndexSchema.TitleFolded, w.Folded));
            query.Add(title, Occur.SHOULD);
        }
        if (q.Expansions.Count > 0 && q.Expansions.Count + q.Words.Count >= 2)
            query.Add(TitleCoversAll(q), Occur.SHOULD);
        return query;
    }

    /// <summary>How many of the rare words must match: all of one or two, all but one of three or four, half of a
    /// long question (people describe their case in more words than the regulation uses).</summary>
    private static int MinimumMatch(int words, Tolerance tolerance) => tolerance == Tolerance.Any ? 1 : words switch
    {
        <= 2 => words,
        <= 4 => words - 1,
        _ => (int)Math.Ceiling(words * 0.5),
    };

    private static Query TypeClause(string type)
    {
        if (type != "all")
            return new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.Type, type))) { Boost = 0f };
        var any = new BooleanQuery();
        foreach (var t in IndexSchema.Types.Searchable) any.Add(new TermQuery(new Term(IndexSchema.Type, t)), Occur.SHOULD);
        return new ConstantScoreQuery(any) { Boost = 0f };
    }

    private static Query WordClause(QueryWord w, Tolerance tolerance, ITermStatistics stats)
    {
        // A word no text holds is a typo: match it within one edit at once rather than ignore it.
        var effective = tolerance == Tolerance.Exact && stats.DocFreq(IndexSchema.BodyFolded, w.Folded) == 0 ? Tolerance.Fuzzy : tolerance;
        // Typed with marks the index knows: "quán" should not count "quản" as the same word.
        var folded = w.HasMarks && stats.DocFreq(IndexSchema.BodyExact, w.Exact) > 0 ? 0.25f : 1f;
        var any = new DisjunctionMaxQuery(0.1f)
        {
            Folded(IndexSchema.TitleFolded, w.Folded, TitleBoost * folded, effective),
            Folded(IndexSchema.LinesFolded, w.Folded, LinesBoost * folded, effective),
            Folded(IndexSchema.BodyFolded, w.Folded, BodyBoost * folded, effective),
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

    private static Query PhraseClause(IReadOnlyList<QueryWord> words, int slop = 0)
    {
        var phrases = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in new[] { (IndexSchema.TitleFolded, TitleBoost), (IndexSchema.BodyFolded, BodyBoost), (IndexSchema.LinesFolded, LinesBoost) })
        {
            var phrase = new PhraseQuery { Boost = boost, Slop = slop };
            foreach (var w in words) phrase.Add(new Term(field, w.Folded));
            phrases.Add(phrase);
        }
        if (words.Any(w => w.HasMarks))
        {
            var exact = new PhraseQuery { Boost = BodyBoost * ExactBonus, Slop = slop };
            foreach (var w in words) exact.Add(new Term(IndexSchema.BodyExact, w.Exact));
            phrases.Add(exact);
        }
        return phrases;
    }

    /// <summary>A title that names every part of a query with an abbreviation or synonym ("PCCC quán karaoke": fire
    /// safety and karaoke) is about all of it, where one that names only the expanded part is about something broader.</summary>
    private static Query TitleCoversAll(ParsedQuery q)
    {
        var all = new BooleanQuery();
        foreach (var w in q.Words) all.Add(new TermQuery(new Term(IndexSchema.TitleFolded, w.Folded)), Occur.MUST);
        foreach (var e in q.Expansions)
        {
            var any = new BooleanQuery();
            foreach (var wording in e.Alternatives.Append(e.Words.Select(w => w.Folded).ToList()))
            {
                var phrase = new PhraseQuery { Slop = 1 };
                foreach (var t in wording) phrase.Add(new Term(IndexSchema.TitleFolded, t));
                any.Add(phrase, Occur.SHOULD);
            }
            all.Add(any, Occur.MUST);
        }
        return new ConstantScoreQuery(all) { Boost = TitleBoost };
    }

    /// <summary>"PCCC" matches the letters as typed or any of the wordings it stands for, as a phrase (loosened
    /// to nearby words when the exact wording finds nothing).</summary>
    private static Query ExpansionClause(Expansion e, Tolerance tolerance, ITermStatistics stats)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        var typed = new BooleanQuery();
        foreach (var w in e.Words) typed.Add(WordClause(w, Tolerance.Exact, stats), Occur.MUST);
        any.Add(typed);
        foreach (var wording in e.Alternatives)
            any.Add(PhraseClause(wording.Select(t => new QueryWord(t, t)).ToList(), tolerance == Tolerance.Exact ? 1 : 4));
        return any;
    }
}
