using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace RegLookup.Indexing.Querying.Pruning;

/// <summary>
/// What the pruned search knows of a group of documents of one segment: for each term, whether they hold it and how
/// often (a frequency class of <see cref="TermBits"/>; <see cref="Unknown"/> until split on), for each phrase whether
/// they match it, for each scored field the length norm they share (NaN until split on), and whether they are in
/// force (-1 until split on).
/// </summary>
internal sealed class BoundState(TermBits[] terms, int fields, int phrases)
{
    public const sbyte Unknown = -1, Absent = 0, SingleMatch = 1, OtherMatch = 2;

    public TermBits[] Terms { get; } = terms;
    public sbyte[] TermStates { get; } = Enumerable.Repeat(Unknown, terms.Length).ToArray();
    public float[] FieldNorms { get; } = Enumerable.Repeat(float.NaN, fields).ToArray();
    public int InForce { get; set; } = -1;
    /// <summary>For each phrase: <see cref="Unknown"/>, <see cref="Absent"/>, <see cref="SingleMatch"/> or
    /// <see cref="OtherMatch"/>.</summary>
    public sbyte[] PhraseStates { get; } = Enumerable.Repeat(Unknown, phrases).ToArray();

    /// <summary>Whether every scored term's frequency, every field's norm, every possible phrase's match and the
    /// status are known exactly, so that the bound is the score.</summary>
    public bool IsExact(ScoreModel model)
    {
        for (var v = 0; v < Terms.Length; v++)
        {
            if (!model.Scored[v]) continue;
            var freq = TermStates[v];
            if (freq == Unknown || !Terms[v].IsExact(freq) || (freq > 0 && float.IsNaN(FieldNorms[model.TermField[v]]))) return false;
        }
        foreach (var phrase in model.Phrases)
            if (PhraseStates[phrase.Index] is not (Absent or SingleMatch) && phrase.Possible(this)) return false;
        return !model.HasInForce || InForce >= 0;
    }
}

/// <summary>
/// A mirror of a rewritten Lucene query that can say, for a group of documents described by a
/// <see cref="BoundState"/>, the most any of them can score, and which documents of a segment match it, as bit sets.
/// It follows how Lucene 4.8 scores with a TF-IDF similarity: a term adds tf × idf² × boosts × query norm × length
/// norm, a disjunction-max the best part plus the tie-breaker share of the others, a boolean query the sum of what
/// matches times coord, a constant-score query its boost, <see cref="InForceBoost"/> its lift.
/// </summary>
internal abstract class ScoreNode
{
    /// <summary>Returned by <see cref="Bound"/> when none of the documents can match this part.</summary>
    public const float Impossible = -1f;

    /// <summary>The most this part can add to the score of one of the documents, or <see cref="Impossible"/>.</summary>
    public abstract float Bound(BoundState state);

    public bool Possible(BoundState state) => Bound(state) >= 0;
    /// <summary>Whether <see cref="Matches"/> can tell the matching documents exactly.</summary>
    public abstract bool Matchable { get; }
    /// <summary>The documents of the segment that match (a term's own set: read, never write).</summary>
    public abstract ReadOnlySpan<long> Matches(BoundState state, Scratch scratch);
}

/// <summary>The query mirror with its terms ("variables", each a term the search can split documents on) and the
/// fields whose norms it can split on.</summary>
internal sealed class ScoreModel
{
    private readonly List<Term> _terms = [];
    private readonly List<bool> _scored = [];
    private readonly List<string> _fields = [];
    private readonly List<int> _termField = [];
    private readonly List<PhraseNode> _phrases = [];
    private readonly IndexSearcher _searcher;
    private readonly IndexReader _reader;
    private readonly float _queryNorm;

    private ScoreModel(IndexSearcher searcher, TFIDFSimilarity similarity, float queryNorm)
    {
        _searcher = searcher;
        _reader = searcher.IndexReader;
        Similarity = similarity;
        _queryNorm = queryNorm;
    }

    public TFIDFSimilarity Similarity { get; }
    public ScoreNode Root { get; private set; } = null!;
    public IReadOnlyList<Term> Terms => _terms;
    /// <summary>Whether a term is scored (and worth splitting on) rather than only matched, as under a constant score.</summary>
    public IReadOnlyList<bool> Scored => _scored;
    public IReadOnlyList<string> Fields => _fields;
    /// <summary>The index in <see cref="Fields"/> of each term's field.</summary>
    public IReadOnlyList<int> TermField => _termField;
    public bool HasInForce { get; private set; }
    public IReadOnlyList<PhraseNode> Phrases => _phrases;

    /// <summary>Null when the query has a part the mirror does not know, or its matches are not bit sets of terms.</summary>
    public static ScoreModel? TryBuild(Query rewritten, IndexSearcher searcher, TFIDFSimilarity similarity, float queryNorm)
    {
        var model = new ScoreModel(searcher, similarity, queryNorm);
        var root = model.Build(rewritten, 1f, scored: true);
        if (root is null || !root.Matchable) return null;
        model.Root = root;
        return model;
    }

    private ScoreNode? Build(Query query, float boost, bool scored)
    {
        switch (query)
        {
            case InForceBoost inForce when !HasInForce:
                HasInForce = true;
                // A custom score query normalizes its sub-query without boosts and multiplies its score by them instead.
                return Build(inForce.SubQuery, 1f, scored) is { } inner ? new InForceNode(inner, boost * inForce.Boost) : null;
            case TermQuery term:
                var variable = Variable(term.Term, scored);
                return new TermNode(variable, _termField[variable], Weight(Idf(term.Term), term.Boost, boost), Similarity);
            case PhraseQuery phrase when phrase.GetTerms().Length > 0:
                var terms = phrase.GetTerms();
                var idf = terms.Aggregate(0f, (sum, t) => sum + Idf(t));
                // The phrase's own weight, normalized as within the whole query, scores its matches one document at a time.
                var own = phrase.CreateWeight(_searcher);
                own.GetValueForNormalization();
                own.Normalize(_queryNorm, boost);
                var node = new PhraseNode(_phrases.Count, phrase, own, terms.Select(t => Variable(t, scored)).ToArray(), _termField[Variable(terms[0], scored)],
                    Weight(idf, phrase.Boost, boost), Similarity);
                _phrases.Add(node);
                return node;
            case BooleanQuery boolean when boolean.Clauses.All(c => !c.IsProhibited):
                var clauses = boolean.Clauses.Select(c => Build(c.Query, boost * boolean.Boost, scored)).ToList();
                return clauses.Any(c => c is null) ? null : new BooleanNode(clauses!, boolean.Clauses.Select(c => c.IsRequired).ToArray(),
                    boolean.MinimumNumberShouldMatch, boolean.CoordDisabled, Similarity);
            case DisjunctionMaxQuery max:
                var disjuncts = max.Disjuncts.Select(d => Build(d, boost * max.Boost, scored)).ToList();
                return disjuncts.Count == 0 || disjuncts.Any(d => d is null) ? null : new DisMaxNode(disjuncts!, max.TieBreakerMultiplier);
            case ConstantScoreQuery constant when constant.Query is not null:
                return Build(constant.Query, 1f, scored: false) is { } matched ? new ConstantNode(matched, constant.Boost * _queryNorm * boost) : null;
            default:
                return null;
        }
    }

    /// <summary>As Lucene's TF-IDF term and phrase weights compute it, in the same order.</summary>
    private float Weight(float idf, float queryBoost, float topLevelBoost)
    {
        var queryWeight = idf * queryBoost;
        queryWeight *= _queryNorm * topLevelBoost;
        return queryWeight * idf;
    }

    private float Idf(Term term) => Similarity.Idf(_reader.DocFreq(term), _reader.MaxDoc);

    private int Variable(Term term, bool scored)
    {
        var index = _terms.FindIndex(t => t.Equals(term));
        if (index >= 0)
        {
            _scored[index] |= scored;
            return index;
        }
        var field = _fields.IndexOf(term.Field);
        if (field < 0)
        {
            field = _fields.Count;
            _fields.Add(term.Field);
        }
        _terms.Add(term);
        _scored.Add(scored);
        _termField.Add(field);
        return _terms.Count - 1;
    }
}

internal sealed class TermNode(int variable, int field, float weight, TFIDFSimilarity similarity) : ScoreNode
{
    public override float Bound(BoundState state)
    {
        var bits = state.Terms[variable];
        var freq = state.TermStates[variable];
        if (freq == BoundState.Absent || bits.MaxFreq == 0) return Impossible;
        var norm = state.FieldNorms[field];
        if (freq == BoundState.Unknown && float.IsNaN(norm)) return weight * bits.MaxTfNorm;
        var tf = freq == BoundState.Unknown ? bits.MaxTf : similarity.Tf(bits.FreqOf(freq));
        return weight * tf * (float.IsNaN(norm) ? bits.MaxNorm : norm);
    }

    public override bool Matchable => true;

    public override ReadOnlySpan<long> Matches(BoundState state, Scratch scratch) => state.Terms[variable].Present.AsSpan(0, scratch.Words);
}

/// <summary>A phrase: it needs every term, and matches at most as often as its terms' extra occurrences allow
/// (each step of Lucene's phrase scorers moves one term by one position), each match adding at most 1.</summary>
internal sealed class PhraseNode(int index, PhraseQuery query, Weight own, int[] variables, int field, float weight, TFIDFSimilarity similarity) : ScoreNode
{
    private readonly string _key = $"{query.GetTerms()[0].Field}:{string.Join(' ', query.GetTerms().Zip(query.GetPositions(), (t, p) => $"{t.Text}@{p}"))}~{query.Slop}";

    public int Index => index;

    /// <summary>The documents of a segment that match the phrase, and those that match it once at its own positions
    /// (their score, over weight and norm, is tf(1)); read with the phrase's own scorer and kept for the segment.</summary>
    public PhraseBits Matches(AtomicReaderContext leaf) => SegmentBits.Of(leaf.AtomicReader).Phrase(_key, () =>
    {
        var reader = leaf.AtomicReader;
        var words = BitSets.Words(reader.MaxDoc);
        var bits = new PhraseBits(new long[words], new long[words]);
        var scorer = own.GetScorer(leaf, null);
        if (scorer is null) return bits;
        var norms = reader.GetNormValues(query.GetTerms()[0].Field);
        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
        {
            BitSets.Add(bits.Present, doc);
            var once = weight * similarity.Tf(1) * (norms is null ? 1f : similarity.DecodeNormValue(norms.Get(doc)));
            if (Math.Abs(scorer.GetScore() - once) <= 1e-5f * once) BitSets.Add(bits.Single, doc);
        }
        return bits;
    });

    public override float Bound(BoundState state)
    {
        var match = state.PhraseStates[index];
        if (match == BoundState.Absent) return Impossible;
        var freq = 1;
        var norm = float.MaxValue;
        foreach (var v in variables)
        {
            var bits = state.Terms[v];
            if (state.TermStates[v] == BoundState.Absent || bits.MaxFreq == 0) return Impossible;
            freq += bits.FreqOf(state.TermStates[v]) - 1;
            norm = Math.Min(norm, bits.MaxNorm);
        }
        if (match == BoundState.SingleMatch) freq = 1;
        if (!float.IsNaN(state.FieldNorms[field])) norm = state.FieldNorms[field];
        return weight * similarity.Tf(freq) * norm;
    }

    public override bool Matchable => false;

    public override ReadOnlySpan<long> Matches(BoundState state, Scratch scratch) => throw new NotSupportedException("A phrase's matches need positions.");
}

internal sealed class DisMaxNode(IReadOnlyList<ScoreNode> disjuncts, float tieBreaker) : ScoreNode
{
    public override float Bound(BoundState state)
    {
        float max = Impossible, sum = 0;
        foreach (var d in disjuncts)
        {
            var bound = d.Bound(state);
            if (bound < 0) continue;
            max = Math.Max(max, bound);
            sum += bound;
        }
        return max < 0 ? Impossible : max + (sum - max) * tieBreaker;
    }

    public override bool Matchable => disjuncts.All(d => d.Matchable);

    public override ReadOnlySpan<long> Matches(BoundState state, Scratch scratch)
    {
        var any = scratch.Rent().AsSpan(0, scratch.Words);
        any.Clear();
        foreach (var d in disjuncts) BitSets.Or(any, d.Matches(state, scratch));
        return any;
    }
}

internal sealed class BooleanNode(IReadOnlyList<ScoreNode> clauses, bool[] required, int minimumShould, bool coordDisabled, TFIDFSimilarity similarity) : ScoreNode
{
    private readonly int _shouldNeeded = required.Contains(true) ? minimumShould : Math.Max(1, minimumShould);

    public override float Bound(BoundState state)
    {
        float sum = 0;
        int overlap = 0, should = 0;
        for (var i = 0; i < clauses.Count; i++)
        {
            var bound = clauses[i].Bound(state);
            if (bound < 0)
            {
                if (required[i]) return Impossible;
                continue;
            }
            sum += bound;
            overlap++;
            if (!required[i]) should++;
        }
        if (should < _shouldNeeded) return Impossible;
        // BooleanWeight.Coord: a single clause is never scaled.
        var coord = coordDisabled || clauses.Count == 1 ? 1f : similarity.Coord(overlap, clauses.Count);
        return sum * coord;
    }

    public override bool Matchable =>
        Enumerable.Range(0, clauses.Count).All(i => clauses[i].Matchable || (!required[i] && _shouldNeeded == 0));

    public override ReadOnlySpan<long> Matches(BoundState state, Scratch scratch)
    {
        var all = scratch.Rent().AsSpan(0, scratch.Words);
        all.Fill(-1L);
        for (var i = 0; i < clauses.Count; i++)
            if (required[i]) BitSets.And(all, all, clauses[i].Matches(state, scratch));
        if (_shouldNeeded == 0) return all;
        var optional = new List<long[]>();
        for (var i = 0; i < clauses.Count; i++)
        {
            if (required[i]) continue;
            var own = scratch.Rent();
            clauses[i].Matches(state, scratch).CopyTo(own);
            optional.Add(own);
        }
        var enough = scratch.Rent().AsSpan(0, scratch.Words);
        BitSets.AtLeast(enough, _shouldNeeded, optional);
        BitSets.And(all, all, enough);
        return all;
    }
}

/// <summary>A constant-score query: its boost (times the query norm and outer boosts) when its query matches.</summary>
internal sealed class ConstantNode(ScoreNode query, float score) : ScoreNode
{
    public override float Bound(BoundState state) => query.Bound(state) < 0 ? Impossible : score;

    public override bool Matchable => query.Matchable;

    public override ReadOnlySpan<long> Matches(BoundState state, Scratch scratch) => query.Matches(state, scratch);
}

/// <summary><see cref="InForceBoost"/>: its sub-query's score, lifted unless the documents are known to be repealed.</summary>
internal sealed class InForceNode(ScoreNode query, float weight) : ScoreNode
{
    public override float Bound(BoundState state) => query.Bound(state) is var bound and >= 0
        ? weight * (state.InForce == 0 ? 1f : InForceBoost.Lift) * bound
        : Impossible;

    public override bool Matchable => query.Matchable;

    public override ReadOnlySpan<long> Matches(BoundState state, Scratch scratch) => query.Matches(state, scratch);
}
