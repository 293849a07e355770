using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace RegLookup.Indexing.Lifecycle;

/// <summary>
/// One writer per thread for building an index, each in a folder of its own beside it, joined into it at the end
/// (Lucene's parallel batch indexing with AddIndexes). A writer shared by the threads flushes all their buffered
/// segments on the committing thread, one after the other; parts flush theirs at the same time, each on its own core.
/// </summary>
internal sealed class IndexParts : IDisposable
{
    private readonly List<(string Folder, LuceneDirectory Directory, IndexWriter Writer)> _parts = [];

    public IndexParts(string folder, int count, Func<int, IndexWriterConfig> config)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                var partFolder = $"{folder}.part{i}";
                var directory = IndexDirectory.Open(partFolder);
                _parts.Add((partFolder, directory, new IndexWriter(directory, config(count))));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyList<IndexWriter> Writers => _parts.Select(p => p.Writer).ToList();

    /// <summary>Commits and closes the parts side by side, then adds their segments to <paramref name="target"/>
    /// (a copy of their files, not a merge).</summary>
    public async Task JoinIntoAsync(IndexWriter target)
    {
        await Task.WhenAll(_parts.Select(p => Task.Run(p.Writer.Dispose)));
        target.AddIndexes(_parts.Select(p => p.Directory).ToArray());
    }

    public void Dispose()
    {
        foreach (var (folder, directory, writer) in _parts)
        {
            writer.Rollback(); // nothing to do for a part the join closed
            directory.Dispose();
            try { System.IO.Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* left for the next rebuild, which removes every other generation's folders */ }
        }
    }
}
