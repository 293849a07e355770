using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace RegLookup.Indexing.Lifecycle;

/// <summary>
/// The one place index folders are opened. Not <c>FSDirectory.Open</c>, which picks <c>MMapDirectory</c>: in
/// Lucene.Net 4.8.0-beta00017 that one keeps every clone of an input in a <c>ConditionalWeakTable</c>, and under
/// concurrent searches with the server garbage collector those entries pile up until the collector spends most
/// of the process's time on them (the search page fell from 830 to 460 requests/s within two minutes of load;
/// lucenenet#1151). It can also unmap a view while another thread reads it when a reader is swapped
/// (lucenenet#1013). Positional file reads hold steady at 1,100 requests/s and cost the same on one thread.
/// </summary>
internal static class IndexDirectory
{
    public static LuceneDirectory Open(string folder) => new NIOFSDirectory(folder);
}
