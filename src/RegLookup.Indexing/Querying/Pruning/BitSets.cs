using System.Buffers;
using System.Numerics;

namespace RegLookup.Indexing.Querying.Pruning;

/// <summary>
/// Document sets of one segment as <c>long</c> words (document d is bit d % 64 of word d / 64). Written here because
/// Lucene's FixedBitSet only combines in place, two sets at a time, and allocates a new set per copy; the pruned
/// search combines three at a time into pooled buffers and counts as it goes.
/// </summary>
internal static class BitSets
{
    public static int Words(int documents) => (documents + 63) >> 6;

    public static bool Has(long[] set, int doc) => (set[doc >> 6] & (1L << doc)) != 0;

    public static void Add(Span<long> set, int doc) => set[doc >> 6] |= 1L << doc;

    /// <summary>Writes the documents of <paramref name="set"/> in order into <paramref name="into"/>; how many.</summary>
    public static int Documents(ReadOnlySpan<long> set, Span<int> into)
    {
        var n = 0;
        for (var w = 0; w < set.Length && n < into.Length; w++)
            for (var bits = set[w]; bits != 0; bits &= bits - 1)
                into[n++] = (w << 6) + BitOperations.TrailingZeroCount(bits);
        return n;
    }

    public static int And(Span<long> into, ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        var count = 0;
        for (var i = 0; i < into.Length; i++)
        {
            var v = a[i] & b[i];
            into[i] = v;
            count += BitOperations.PopCount((ulong)v);
        }
        return count;
    }

    public static int AndNot(Span<long> into, ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        var count = 0;
        for (var i = 0; i < into.Length; i++)
        {
            var v = a[i] & ~b[i];
            into[i] = v;
            count += BitOperations.PopCount((ulong)v);
        }
        return count;
    }

    public static int CountAnd(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++) count += BitOperations.PopCount((ulong)(a[i] & b[i]));
        return count;
    }

    public static int Count(ReadOnlySpan<long> a)
    {
        var count = 0;
        foreach (var v in a) count += BitOperations.PopCount((ulong)v);
        return count;
    }

    public static void Or(Span<long> into, ReadOnlySpan<long> a)
    {
        for (var i = 0; i < into.Length; i++) into[i] |= a[i];
    }

    /// <summary>The documents in at least <paramref name="minimum"/> of <paramref name="sets"/>, counted word by
    /// word with one running set per count reached.</summary>
    public static void AtLeast(Span<long> into, int minimum, IReadOnlyList<long[]> sets)
    {
        Span<long> reached = stackalloc long[minimum + 1];
        for (var i = 0; i < into.Length; i++)
        {
            reached.Clear();
            reached[0] = -1;
            foreach (var set in sets)
                for (var k = minimum; k >= 1; k--) reached[k] |= reached[k - 1] & set[i];
            into[i] = reached[minimum];
        }
    }

    public static void Fill(Span<long> set, int documents)
    {
        set.Fill(-1L);
        if (documents % 64 != 0) set[^1] = (1L << (documents % 64)) - 1;
    }
}

/// <summary>Buffers of one segment's size, rented for one search and given back at the end.</summary>
internal sealed class Scratch(int words) : IDisposable
{
    private readonly List<long[]> _rented = [];

    public int Words => words;

    public long[] Rent()
    {
        var array = ArrayPool<long>.Shared.Rent(Math.Max(1, words));
        _rented.Add(array);
        return array;
    }

    public void Dispose()
    {
        foreach (var array in _rented) ArrayPool<long>.Shared.Return(array);
        _rented.Clear();
    }
}
