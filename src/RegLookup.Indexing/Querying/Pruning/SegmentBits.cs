using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace RegLookup.Indexing.Querying.Pruning;

/// <summary>Which documents of a segment hold a term, how often (once, twice, three times, more), and the most it
/// can add to a score: the largest frequency, the largest length norm and the largest product of the two among them.</summary>
internal sealed class TermBits(long[][] atLeast, int maxFreq, float maxTf, float maxNorm, float maxTfNorm)
{
    /// <summary>How many times apart a term's documents are told: more than this counts as "at least this often".</summary>
    public const int Counted = 8;

    /// <summary><c>AtLeast[k - 1]</c>: the documents holding the term at least k times, for k from 1 up to
    /// <see cref="Counted"/> or the largest frequency, whichever is lower (so <c>AtLeast[0]</c> is every holder).</summary>
    public long[][] AtLeast { get; } = atLeast;
    public long[] Present => AtLeast[0];
    /// <summary>The frequency classes: 1 (once) up to this, the last one meaning "at least this often".</summary>
    public int Classes => AtLeast.Length;
    public int MaxFreq { get; } = maxFreq;
    /// <summary>The similarity's tf of <see cref="MaxFreq"/>.</summary>
    public float MaxTf { get; } = maxTf;
    public float MaxNorm { get; } = maxNorm;
    public float MaxTfNorm { get; } = maxTfNorm;

    /// <summary>The most often a document of frequency class <paramref name="k"/> (or of any, when unknown) holds the term.</summary>
    public int FreqOf(int k) => k >= 1 && k < Classes ? k : MaxFreq;

    /// <summary>Whether every document of frequency class <paramref name="k"/> holds the term exactly
    /// <see cref="FreqOf"/> times (the last class does when no document holds it more often than that).</summary>
    public bool IsExact(int k) => k == 0 || (k >= 1 && (k < Classes || MaxFreq == Classes));
}

/// <summary>Which documents of a segment match a phrase, and which of them match it once, at its own positions
/// (sloppy frequency 1, so that its score is known from the norm alone).</summary>
internal sealed record PhraseBits(long[] Present, long[] Single);

/// <summary>The documents of a segment whose field has one length norm, and that norm decoded.</summary>
internal sealed record NormClass(float Value, long[] Documents);

/// <summary>
/// Term and norm bit sets of one segment core, built from its postings on first use and kept while the core lives
/// (deletes keep the core; they are applied from <see cref="LiveDocuments"/>). At most <see cref="MaxSets"/> bit sets
/// are kept per core (1 GiB for a million documents at most); past that, sets are built for the search at hand only.
/// </summary>
internal sealed class SegmentBits
{
    private const int MaxSets = 8192;
    private static readonly ConditionalWeakTable<object, SegmentBits> Cores = new();
    private static readonly ConditionalWeakTable<AtomicReader, long[]> Live = new();

    private readonly ConcurrentDictionary<(string Field, string Term), TermBits> _terms = new();
    private readonly ConcurrentDictionary<string, NormClass[]> _norms = new();
    private readonly ConcurrentDictionary<string, PhraseBits> _phrases = new();
    private int _sets;

    public static SegmentBits Of(AtomicReader reader) => Cores.GetValue(reader.CoreCacheKey, _ => new SegmentBits());

    public TermBits Term(AtomicReader reader, Term term, TFIDFSimilarity similarity)
    {
        var key = (term.Field, term.Text);
        if (_terms.TryGetValue(key, out var known)) return known;
        var built = Read(reader, term, similarity);
        return Keeps(built.Classes) ? _terms.GetOrAdd(key, built) : built;
    }

    /// <summary>The matches of a phrase (known by <paramref name="key"/>), read by <paramref name="read"/> on first use.</summary>
    public PhraseBits Phrase(string key, Func<PhraseBits> read)
    {
        if (_phrases.TryGetValue(key, out var known)) return known;
        var bits = read();
        return Keeps(2) ? _phrases.GetOrAdd(key, bits) : bits;
    }

    private bool Keeps(int sets)
    {
        if (Interlocked.Add(ref _sets, sets) <= MaxSets) return true;
        Interlocked.Add(ref _sets, -sets);
        return false;
    }

    /// <summary>The norm classes of a field, largest norm first (one class of norm 1 when the field keeps none).</summary>
    public NormClass[] Norms(AtomicReader reader, string field, TFIDFSimilarity similarity) =>
        _norms.GetOrAdd(field, f => ReadNorms(reader, f, similarity));

    /// <summary>The documents of the segment that are not deleted.</summary>
    public static long[] LiveDocuments(AtomicReader reader) => Live.GetValue(reader, r =>
    {
        var live = new long[BitSets.Words(r.MaxDoc)];
        BitSets.Fill(live, r.MaxDoc);
        if (r.LiveDocs is { } docs)
            for (var doc = 0; doc < r.MaxDoc; doc++)
                if (!docs.Get(doc)) live[doc >> 6] &= ~(1L << doc);
        return live;
    });

    private static TermBits Read(AtomicReader reader, Term term, TFIDFSimilarity similarity)
    {
        var words = BitSets.Words(reader.MaxDoc);
        var atLeast = new List<long[]> { new long[words] };
        int maxFreq = 0;
        float maxNorm = 0, maxTfNorm = 0;
        // Deleted documents too: the sets are kept for the core, which readers with fewer deletions may share.
        var terms = reader.GetTerms(term.Field)?.GetEnumerator();
        var postings = terms is not null && terms.SeekExact(term.Bytes) ? terms.Docs(null, null, DocsFlags.FREQS) : null;
        var norms = reader.GetNormValues(term.Field);
        if (postings is null) return new TermBits([atLeast[0]], 0, similarity.Tf(1), 0, 0);
        for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
        {
            var freq = postings.Freq;
            for (var k = 1; k <= Math.Min(freq, TermBits.Counted); k++)
            {
                if (atLeast.Count < k) atLeast.Add(new long[words]);
                BitSets.Add(atLeast[k - 1], doc);
            }
            var norm = norms is null ? 1f : similarity.DecodeNormValue(norms.Get(doc));
            maxFreq = Math.Max(maxFreq, freq);
            maxNorm = Math.Max(maxNorm, norm);
            maxTfNorm = Math.Max(maxTfNorm, similarity.Tf(freq) * norm);
        }
        return new TermBits(atLeast.ToArray(), maxFreq, similarity.Tf(maxFreq), maxNorm, maxTfNorm);
    }

    private static NormClass[] ReadNorms(AtomicReader reader, string field, TFIDFSimilarity similarity)
    {
        var words = BitSets.Words(reader.MaxDoc);
        var norms = reader.GetNormValues(field);
        if (norms is null)
        {
            var all = new long[words];
            BitSets.Fill(all, reader.MaxDoc);
            return [new NormClass(1f, all)];
        }
        var byValue = new Dictionary<long, long[]>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var encoded = norms.Get(doc);
            if (!byValue.TryGetValue(encoded, out var documents)) byValue[encoded] = documents = new long[words];
            BitSets.Add(documents, doc);
        }
        return byValue.Select(x => new NormClass(similarity.DecodeNormValue(x.Key), x.Value)).OrderByDescending(c => c.Value).ToArray();
    }
}
