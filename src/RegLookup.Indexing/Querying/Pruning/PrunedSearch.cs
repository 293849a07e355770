using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace RegLookup.Indexing.Querying.Pruning;

/// <summary>
/// A relevance-ordered search that does not score every match. The matches, the total and the facet counts come
/// from bit sets of the query's terms and of the facet values. For the top hits, the matching documents are split
/// into groups that hold the same query terms equally often, match its phrases or not, are in force or not, and
/// share their fields' length norms; <see cref="ScoreModel"/> says the most a document of a group can score, and a
/// group that cannot beat the worst of the top hits found so far is skipped. A group split all the way down scores
/// what the model says (every document in it scores the same); the rest are scored by Lucene itself. So the hits and
/// their order are those of scoring everything (<see cref="SearchService"/>'s other way; tests compare the two), for
/// a few thousand scored documents where a search may match a million. This is the idea of MaxScore and block-max
/// WAND (Lucene 8, not in Lucene.Net 4.8), applied to groups of documents with the same terms rather than to blocks
/// of postings.
/// </summary>
public static class PrunedSearch
{
    public sealed record Found(IReadOnlyList<ScoreDoc> Hits, IReadOnlyList<FacetTally> Tallies);

    /// <summary>Null when the query has a part the pruning does not model; the caller then scores every match.</summary>
    public static Found? TryRun(IndexSearcher searcher, Query query, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, int depth,
        int parallelFrom = SegmentSearch.ParallelFrom, int? workers = null)
    {
        if (searcher.Similarity is not TFIDFSimilarity similarity) return null;
        var rewritten = searcher.Rewrite(query);
        // What IndexSearcher.CreateNormalizedWeight does, keeping the query norm for the model.
        var weight = rewritten.CreateWeight(searcher);
        var queryNorm = similarity.QueryNorm(weight.GetValueForNormalization());
        if (float.IsInfinity(queryNorm) || float.IsNaN(queryNorm)) queryNorm = 1f;
        weight.Normalize(queryNorm, 1f);
        var model = ScoreModel.TryBuild(rewritten, searcher, similarity, queryNorm);
        if (model is null) return null;
        var parts = SegmentSearch.Share(searcher, () => new Part(model, weight, filters, depth), (part, leaf) => part.Search(leaf), parallelFrom, workers);
        return new Found(parts.SelectMany(p => p.Top.ScoreDocs).ToList(), parts.Select(p => p.Tally).ToList());
    }

    /// <summary>What one worker finds in its segments.</summary>
    private sealed class Part(ScoreModel model, Weight weight, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, int depth)
    {
        public TopHits Top { get; } = new(depth);
        public FacetTally Tally { get; } = new();

        public void Search(AtomicReaderContext leaf)
        {
            var reader = leaf.AtomicReader;
            using var scratch = new Scratch(BitSets.Words(reader.MaxDoc));
            var segment = SegmentBits.Of(reader);
            var state = new BoundState(model.Terms.Select(t => segment.Term(reader, t, model.Similarity)).ToArray(), model.Fields.Count, model.Phrases.Count);

            var matched = scratch.Rent().AsSpan(0, scratch.Words);
            BitSets.And(matched, model.Root.Matches(state, scratch), SegmentBits.LiveDocuments(reader));
            var facets = SegmentFacets.Of(reader).Dimensions;
            var passes = IndexSchema.Facets.All.Select((key, d) =>
                filters.TryGetValue(key, out var wanted) && wanted.Count > 0 ? facets[d].Documents(wanted) : null).ToArray();
            var hits = scratch.Rent().AsSpan(0, scratch.Words);
            matched.CopyTo(hits);
            foreach (var pass in passes)
                if (pass is not null) BitSets.And(hits, hits, pass);
            var total = BitSets.Count(hits);
            Count(facets, passes, matched, hits, scratch);
            Tally.TotalHits += total;
            if (total > 0) new Pruner(model, weight, leaf, state, scratch, Top).Run(hits, total);
        }

        /// <summary>Each key's values over the matches that pass the other keys' filters (see <see cref="FacetingCollector"/>).</summary>
        private void Count(FacetDimension[] facets, long[]?[] passes, ReadOnlySpan<long> matched, ReadOnlySpan<long> hits, Scratch scratch)
        {
            var others = scratch.Rent().AsSpan(0, scratch.Words);
            for (var d = 0; d < facets.Length; d++)
            {
                var counted = hits;
                if (passes[d] is not null)
                {
                    matched.CopyTo(others);
                    for (var j = 0; j < passes.Length; j++)
                        if (j != d && passes[j] is { } pass) BitSets.And(others, others, pass);
                    counted = others;
                }
                var values = facets[d].ValueDocuments;
                for (var ord = 0; ord < values.Length; ord++)
                    if (BitSets.CountAnd(counted, values[ord]) is var count and > 0) Tally.Add(d, facets[d].Values[ord], count);
            }
        }
    }

    /// <summary>The best hits of one segment's matches, into the worker's <see cref="TopHits"/>.</summary>
    private sealed class Pruner
    {
        // Documents gathered before they are scored in one pass, in document order, raising the bar for the rest.
        private const int ScoreBatch = 1024;
        // Bit-set operations allowed per segment, in words, before the remaining groups are scored as they are.
        private const long WordBudget = 8_000_000;
        private const float Slack = 1.0001f;
        // How far a sum of the same scores in another order can land from it.
        private const float Rounding = 1.000004f;

        private readonly ScoreModel _model;
        private readonly Weight _weight;
        private readonly AtomicReaderContext _leaf;
        private readonly BoundState _state;
        private readonly Scratch _scratch;
        private readonly TopHits _top;
        private readonly List<Split> _splits = [];
        private readonly List<long[]> _levels = [];
        private readonly List<int[]> _lists = [];
        private int[] _scoring = [];
        private readonly long[] _pending;
        private int _pendingCount;
        private long _visitsLeft;

        public Pruner(ScoreModel model, Weight weight, AtomicReaderContext leaf, BoundState state, Scratch scratch, TopHits top)
        {
            (_model, _weight, _leaf, _state, _scratch, _top) = (model, weight, leaf, state, scratch, top);
            _pending = scratch.Rent();
            _pending.AsSpan(0, scratch.Words).Clear();
            _visitsLeft = Math.Max(64, WordBudget / Math.Max(1, scratch.Words));
        }

        private abstract record Split;
        private sealed record TermSplit(int Variable) : Split;
        private sealed record InForceSplit(long[] Repealed) : Split;
        private sealed record NormSplit(int Field, NormClass[] Classes) : Split;
        private sealed record PhraseSplit(PhraseNode Phrase, Lazy<PhraseBits> Matches) : Split;

        public void Run(Span<long> hits, int total)
        {
            PlanSplits(hits);
            Visit(0, hits, total);
            Flush();
        }

        /// <summary>Terms first, those that can add most to a score first (terms no match holds are settled as absent),
        /// then phrases, then whether in force, then the fields' norms.</summary>
        private void PlanSplits(ReadOnlySpan<long> hits)
        {
            var full = _model.Root.Bound(_state);
            var terms = new List<(int Variable, float Gain)>();
            for (var v = 0; v < _model.Terms.Count; v++)
            {
                if (!_model.Scored[v]) continue;
                if (BitSets.CountAnd(hits, _state.Terms[v].Present.AsSpan(0, _scratch.Words)) == 0)
                {
                    _state.TermStates[v] = BoundState.Absent;
                    continue;
                }
                _state.TermStates[v] = BoundState.Absent;
                terms.Add((v, full - Math.Max(0, _model.Root.Bound(_state))));
                _state.TermStates[v] = BoundState.Unknown;
            }
            var phrases = new List<(PhraseNode Phrase, float Gain)>();
            foreach (var phrase in _model.Phrases)
            {
                _state.PhraseStates[phrase.Index] = BoundState.Absent;
                phrases.Add((phrase, full - Math.Max(0, _model.Root.Bound(_state))));
                _state.PhraseStates[phrase.Index] = BoundState.Unknown;
            }
            // Terms, then phrases: a phrase's matches are read by position, worth it only for what the terms leave.
            _splits.AddRange(terms.OrderByDescending(t => t.Gain).Select(t => new TermSplit(t.Variable)));
            _splits.AddRange(phrases.Where(p => p.Gain > 0).OrderByDescending(p => p.Gain)
                .Select(p => new PhraseSplit(p.Phrase, new Lazy<PhraseBits>(() => p.Phrase.Matches(_leaf)))));
            if (_model.HasInForce) _splits.Add(new InForceSplit(InForceBoost.RepealedDocuments(_leaf.AtomicReader)));
            var fields = terms.OrderByDescending(t => t.Gain).Select(t => _model.TermField[t.Variable]).Distinct();
            var segment = SegmentBits.Of(_leaf.AtomicReader);
            _splits.AddRange(fields.Select(f => new NormSplit(f, segment.Norms(_leaf.AtomicReader, _model.Fields[f], _model.Similarity))));
        }

        /// <summary>A group as a bit set of the segment; once it holds fewer documents than the set has words, as a
        /// list of them (<see cref="VisitList"/>), so that splitting it costs what it holds, not the segment's size.</summary>
        private void Visit(int level, ReadOnlySpan<long> group, int count)
        {
            if (count == 0 || !Worth(out var below)) return;
            if (level == _splits.Count || --_visitsLeft < 0 || count <= _scratch.Words)
            {
                var docs = Buffer(_lists, level, count);
                var n = BitSets.Documents(group, docs);
                if (level == _splits.Count || _visitsLeft < 0) Finish(level, docs[..n], below);
                else SplitList(level, docs[..n]);
                return;
            }
            if (_levels.Count == level) _levels.Add(_scratch.Rent());
            var part = _levels[level].AsSpan(0, _scratch.Words);
            switch (_splits[level])
            {
                case TermSplit(var v):
                    var bits = _state.Terms[v];
                    // Most often first: those documents can score highest.
                    for (var k = bits.Classes; k >= 1; k--)
                    {
                        _state.TermStates[v] = (sbyte)k;
                        Visit(level + 1, part, k == bits.Classes
                            ? BitSets.And(part, group, bits.AtLeast[k - 1].AsSpan(0, _scratch.Words))
                            : AndBetween(part, group, bits.AtLeast[k - 1], bits.AtLeast[k]));
                    }
                    _state.TermStates[v] = BoundState.Absent;
                    Visit(level + 1, part, BitSets.AndNot(part, group, bits.Present.AsSpan(0, _scratch.Words)));
                    _state.TermStates[v] = BoundState.Unknown;
                    break;
                case InForceSplit(var repealed):
                    _state.InForce = 1;
                    Visit(level + 1, part, BitSets.AndNot(part, group, repealed));
                    _state.InForce = 0;
                    Visit(level + 1, part, BitSets.And(part, group, repealed));
                    _state.InForce = -1;
                    break;
                case NormSplit(var field, var classes):
                    foreach (var norm in classes)
                    {
                        _state.FieldNorms[field] = norm.Value;
                        Visit(level + 1, part, BitSets.And(part, group, norm.Documents));
                    }
                    _state.FieldNorms[field] = float.NaN;
                    break;
                case PhraseSplit(var phrase, var lazy):
                    var matches = lazy.Value;
                    _state.PhraseStates[phrase.Index] = BoundState.SingleMatch;
                    Visit(level + 1, part, BitSets.And(part, group, matches.Single));
                    _state.PhraseStates[phrase.Index] = BoundState.OtherMatch;
                    Visit(level + 1, part, AndBetween(part, group, matches.Present, matches.Single));
                    _state.PhraseStates[phrase.Index] = BoundState.Absent;
                    Visit(level + 1, part, BitSets.AndNot(part, group, matches.Present));
                    _state.PhraseStates[phrase.Index] = BoundState.Unknown;
                    break;
            }
        }

        private void VisitList(int level, ReadOnlySpan<int> docs)
        {
            if (docs.Length == 0 || !Worth(out var below)) return;
            if (level == _splits.Count) Finish(level, docs, below);
            else SplitList(level, docs);
        }

        private void SplitList(int level, ReadOnlySpan<int> docs)
        {
            var part = Buffer(_lists, level + 1, docs.Length);
            switch (_splits[level])
            {
                case TermSplit(var v):
                    var bits = _state.Terms[v];
                    for (var k = bits.Classes; k >= 1; k--)
                    {
                        _state.TermStates[v] = (sbyte)k;
                        VisitList(level + 1, part[..Keep(docs, part, bits.AtLeast[k - 1], k == bits.Classes ? null : bits.AtLeast[k])]);
                    }
                    _state.TermStates[v] = BoundState.Absent;
                    VisitList(level + 1, part[..Keep(docs, part, null, bits.Present)]);
                    _state.TermStates[v] = BoundState.Unknown;
                    break;
                case InForceSplit(var repealed):
                    _state.InForce = 1;
                    VisitList(level + 1, part[..Keep(docs, part, null, repealed)]);
                    _state.InForce = 0;
                    VisitList(level + 1, part[..Keep(docs, part, repealed, null)]);
                    _state.InForce = -1;
                    break;
                case NormSplit(var field, var classes):
                    foreach (var norm in classes)
                    {
                        _state.FieldNorms[field] = norm.Value;
                        VisitList(level + 1, part[..Keep(docs, part, norm.Documents, null)]);
                    }
                    _state.FieldNorms[field] = float.NaN;
                    break;
                case PhraseSplit(var phrase, var lazy):
                    var matches = lazy.Value;
                    _state.PhraseStates[phrase.Index] = BoundState.SingleMatch;
                    VisitList(level + 1, part[..Keep(docs, part, matches.Single, null)]);
                    _state.PhraseStates[phrase.Index] = BoundState.OtherMatch;
                    VisitList(level + 1, part[..Keep(docs, part, matches.Present, matches.Single)]);
                    _state.PhraseStates[phrase.Index] = BoundState.Absent;
                    VisitList(level + 1, part[..Keep(docs, part, null, matches.Present)]);
                    _state.PhraseStates[phrase.Index] = BoundState.Unknown;
                    break;
            }
        }

        /// <summary>Copies the documents that are in <paramref name="inSet"/> and not in <paramref name="outSet"/> (either
        /// may be null: no condition); how many. The list twin of <see cref="AndBetween"/>.</summary>
        private static int Keep(ReadOnlySpan<int> docs, Span<int> into, long[]? inSet, long[]? outSet)
        {
            var n = 0;
            foreach (var doc in docs)
                if ((inSet is null || BitSets.Has(inSet, doc)) && (outSet is null || !BitSets.Has(outSet, doc))) into[n++] = doc;
            return n;
        }

        private static Span<int> Buffer(List<int[]> buffers, int level, int size)
        {
            while (buffers.Count <= level) buffers.Add([]);
            if (buffers[level].Length < size) buffers[level] = new int[Math.Max(size, 2 * buffers[level].Length)];
            return buffers[level].AsSpan(0, size);
        }

        /// <summary>Whether the group (described by the state) can still reach the top hits, and below which document
        /// number: a group whose best is the bar itself (within rounding) can only tie with the worst top hit, and a
        /// tie goes to the lower document number.</summary>
        private bool Worth(out int below)
        {
            below = int.MaxValue;
            if (!_top.Full) return true;
            var bound = _model.Root.Bound(_state);
            if (bound * Slack < _top.Threshold) return false;
            // Only a group that cannot score above the bar, even by rounding, can at best tie.
            if (TopHits.Rank(bound * Rounding) <= _top.Threshold) below = _top.WorstDoc - _leaf.DocBase;
            return below > 0;
        }

        /// <summary>A group split no further: scored from the state when that says all (<see cref="ScoreExactly"/>),
        /// else by Lucene with the next batch.</summary>
        private void Finish(int level, ReadOnlySpan<int> docs, int below)
        {
            if (level == _splits.Count && _state.IsExact(_model))
            {
                ScoreExactly(docs, below);
                return;
            }
            var pending = _pending.AsSpan(0, _scratch.Words);
            foreach (var doc in docs)
            {
                if (doc >= below) break;
                BitSets.Add(pending, doc);
                _pendingCount++;
            }
            if (_pendingCount >= ScoreBatch) Flush();
        }

        /// <summary>A group whose terms' frequencies, norms, phrase matches and status are all known: every document in
        /// it scores the same. In document order, the first one turned away (a tie lost) means the rest would be too.</summary>
        private void ScoreExactly(ReadOnlySpan<int> docs, int below)
        {
            var score = _model.Root.Bound(_state);
            foreach (var doc in docs)
                if (doc >= below || !_top.Offer(_leaf.DocBase + doc, score)) return;
        }

        private int AndBetween(Span<long> into, ReadOnlySpan<long> group, long[] atLeast, long[] more)
        {
            BitSets.And(into, group, atLeast.AsSpan(0, _scratch.Words));
            return BitSets.AndNot(into, into, more.AsSpan(0, _scratch.Words));
        }

        /// <summary>Scores the gathered documents with Lucene's own scorer, in document order.</summary>
        private void Flush()
        {
            if (_pendingCount == 0) return;
            var scorer = _weight.GetScorer(_leaf, null)
                ?? throw new InvalidOperationException("The pruned search gathered documents the query does not match.");
            var pending = _pending.AsSpan(0, _scratch.Words);
            if (_scoring.Length < _pendingCount) _scoring = new int[Math.Max(_pendingCount, 2 * _scoring.Length)];
            foreach (var doc in _scoring.AsSpan(0, BitSets.Documents(pending, _scoring.AsSpan(0, _pendingCount))))
            {
                if (scorer.DocID < doc && scorer.Advance(doc) != doc)
                    throw new InvalidOperationException($"The pruned search gathered document {doc}, which the query does not match.");
                _top.Offer(_leaf.DocBase + doc, scorer.GetScore());
            }
            pending.Clear();
            _pendingCount = 0;
        }
    }
}

/// <summary>The best hits so far: highest score first, ties to the lower document number, as Lucene's collectors keep them.</summary>
internal sealed class TopHits(int size)
{
    private static readonly Comparer<ScoreDoc> WorstFirst = Comparer<ScoreDoc>.Create((a, b) =>
        a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc));
    private readonly PriorityQueue<ScoreDoc, ScoreDoc> _queue = new(WorstFirst);

    public int Size => size;

    /// <summary>A score to 19 bits, as the top hits compare them.</summary>
    public static float Rank(float score) => BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(score) + 16) & ~31);
    public bool Full => _queue.Count >= size;
    /// <summary>The worst score among the top hits (to <see cref="Rank"/>), once there are <see cref="Size"/> of them.</summary>
    public float Threshold => _queue.TryPeek(out _, out var worst) ? worst.Score : float.MinValue;
    /// <summary>The document number of the worst of the top hits.</summary>
    public int WorstDoc => _queue.TryPeek(out _, out var worst) ? worst.Doc : int.MaxValue;
    public IEnumerable<ScoreDoc> ScoreDocs => _queue.UnorderedItems.Select(x => x.Element);

    /// <summary>Whether the hit got in. Scores are compared to 19 bits, not 24: the same score summed in another order
    /// (by Lucene's scorers or by <see cref="ScoreModel"/>) can differ in its last bits, and a tie must stay a tie.</summary>
    public bool Offer(int doc, float score)
    {
        var rank = new ScoreDoc(doc, Rank(score));
        var hit = new ScoreDoc(doc, score);
        if (!Full) _queue.Enqueue(hit, rank);
        else if (_queue.TryPeek(out _, out var worst) && WorstFirst.Compare(rank, worst) > 0) _queue.EnqueueDequeue(hit, rank);
        else return false;
        return true;
    }
}
