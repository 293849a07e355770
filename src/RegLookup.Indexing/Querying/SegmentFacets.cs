using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using RegLookup.Indexing.Querying.Pruning;

namespace RegLookup.Indexing.Querying;

/// <summary>
/// The facet values of one index segment, held in memory as plain arrays: which value ordinals each document has,
/// and the text of each ordinal. Counting reads them for every matching document, and decoding them from the
/// memory-mapped doc values each time was the largest single cost of a search (a sixth of it at 100,000
/// regulations). Built once per segment core (deletes keep the core, so an update does not rebuild the big
/// segments) and dropped with it.
/// </summary>
public sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

    private SegmentFacets(AtomicReader reader) =>
        Dimensions = IndexSchema.Facets.All.Select(field => FacetDimension.Read(reader, field)).ToArray();

    /// <summary>In the order of <see cref="IndexSchema.Facets.All"/>.</summary>
    public FacetDimension[] Dimensions { get; }

    public static SegmentFacets Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacets(reader));
}

/// <summary>One facet key in one segment. A document's ordinals are <c>Ordinals[Starts[doc]..Starts[doc + 1]]</c>,
/// or, when every document has at most one value (<see cref="Starts"/> is null), <c>Ordinals[doc]</c> with -1 for none.</summary>
public sealed class FacetDimension
{
    private readonly Dictionary<string, int> _ordinalOf;

    private FacetDimension(string[] values, int[]? starts, int[] ordinals)
    {
        Values = values;
        Starts = starts;
        Ordinals = ordinals;
        _ordinalOf = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i, StringComparer.Ordinal);
    }

    public string[] Values { get; }
    public int[]? Starts { get; }
    public int[] Ordinals { get; }

    private int DocumentCount => Starts is null ? Ordinals.Length : Starts.Length - 1;

    private long[][]? _valueDocuments;

    /// <summary>By ordinal, the documents that have the value, as bit sets (document d is bit d % 64 of word d / 64),
    /// built on first use: a search that counts from bit sets intersects them with its matches.</summary>
    public long[][] ValueDocuments => LazyInitializer.EnsureInitialized(ref _valueDocuments, () =>
    {
        var sets = Values.Select(_ => new long[BitSets.Words(DocumentCount)]).ToArray();
        for (var doc = 0; doc < DocumentCount; doc++)
        {
            if (Starts is null)
            {
                if (Ordinals[doc] is var ord and >= 0) BitSets.Add(sets[ord], doc);
                continue;
            }
            for (var i = Starts[doc]; i < Starts[doc + 1]; i++) BitSets.Add(sets[Ordinals[i]], doc);
        }
        return sets;
    });

    /// <summary>The documents that have any of <paramref name="values"/>.</summary>
    public long[] Documents(IEnumerable<string> values)
    {
        var any = new long[BitSets.Words(DocumentCount)];
        var selected = Selection(values);
        for (var ord = 0; ord < selected.Length; ord++)
            if (selected[ord]) BitSets.Or(any, ValueDocuments[ord]);
        return any;
    }

    /// <summary>A table by ordinal of which of <paramref name="values"/> are chosen (values no document of this
    /// segment has are left out).</summary>
    public bool[] Selection(IEnumerable<string> values)
    {
        var selected = new bool[Values.Length];
        foreach (var value in values)
            if (_ordinalOf.TryGetValue(value, out var ord)) selected[ord] = true;
        return selected;
    }

    /// <summary>Whether <paramref name="doc"/> has any value chosen in <paramref name="selected"/>.</summary>
    public bool HasAny(int doc, bool[] selected)
    {
        if (Starts is null) return Ordinals[doc] is var ord and >= 0 && selected[ord];
        for (var i = Starts[doc]; i < Starts[doc + 1]; i++)
            if (selected[Ordinals[i]]) return true;
        return false;
    }

    /// <summary>Adds one to <paramref name="counts"/> (by ordinal) for each value <paramref name="doc"/> has.</summary>
    public void CountInto(int doc, int[] counts)
    {
        if (Starts is null)
        {
            if (Ordinals[doc] is var ord and >= 0) counts[ord]++;
            return;
        }
        for (var i = Starts[doc]; i < Starts[doc + 1]; i++) counts[Ordinals[i]]++;
    }

    public static FacetDimension Read(AtomicReader reader, string field)
    {
        var set = reader.GetSortedSetDocValues(field);
        if (set is null) return new FacetDimension([], new int[reader.MaxDoc + 1], []);
        var values = new string[set.ValueCount];
        var term = new BytesRef();
        for (var ord = 0; ord < values.Length; ord++)
        {
            set.LookupOrd(ord, term);
            values[ord] = term.Utf8ToString();
        }

        if (DocValues.UnwrapSingleton(set) is { } single)
        {
            var ordinals = new int[reader.MaxDoc];
            for (var doc = 0; doc < ordinals.Length; doc++) ordinals[doc] = single.GetOrd(doc);
            return new FacetDimension(values, null, ordinals);
        }
        var starts = new int[reader.MaxDoc + 1];
        var all = new List<int>(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = all.Count;
            set.SetDocument(doc);
            for (var ord = set.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = set.NextOrd()) all.Add((int)ord);
        }
        starts[reader.MaxDoc] = all.Count;
        return new FacetDimension(values, starts, all.ToArray());
    }
}
