using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using RegLookup.Indexing.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace RegLookup.Indexing.Lifecycle;

/// <summary>
/// The Lucene index of one node: one writer, near-real-time searchers, and the change-feed position it has
/// reached. A rebuild writes a new generation folder beside the current one and swaps to it when complete, so
/// search never stops. The position is kept in the commit's user data.
/// </summary>
public sealed class SearchIndex(string root) : IDisposable
{
    private const string PositionKey = "feedSeq";
    private const string CurrentFile = "CURRENT";
    private volatile Generation? _current;

    private sealed record Generation(string Folder, LuceneDirectory Directory, IndexWriter Writer, SearcherManager Searchers) : IDisposable
    {
        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            Directory.Dispose();
        }
    }

    public bool IsReady => _current is not null;

    /// <summary>The last change-feed sequence applied to the index (committed or not).</summary>
    public long Position { get; set; }

    public string? Folder => _current?.Folder;

    /// <summary>Opens the current generation; false (with the reason) when it is missing or unreadable.</summary>
    public bool TryOpen(out string problem)
    {
        var pointer = Path.Combine(root, CurrentFile);
        if (!File.Exists(pointer))
        {
            problem = "no index yet";
            return false;
        }
        var folder = Path.Combine(root, File.ReadAllText(pointer).Trim());
        LuceneDirectory? directory = null;
        try
        {
            directory = IndexDirectory.Open(folder);
            if (!DirectoryReader.IndexExists(directory))
            {
                problem = $"no index in {folder}";
                directory.Dispose();
                return false;
            }
            long position;
            using (var reader = DirectoryReader.Open(directory))
                position = reader.IndexCommit.UserData.TryGetValue(PositionKey, out var seq) ? long.Parse(seq, CultureInfo.InvariantCulture) : 0;
            var writer = new IndexWriter(directory, Config(OpenMode.APPEND));
            Swap(new Generation(folder, directory, writer, new SearcherManager(writer, true, WarmingSearcherFactory.Instance)), position);
            problem = "";
            return true;
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or FormatException or UnauthorizedAccessException)
        {
            directory?.Dispose();
            problem = $"index in {folder} is unreadable: {ex.Message}";
            return false;
        }
    }

    /// <summary>Writes a complete new generation with <paramref name="fill"/>, which gets one writer per core to fill
    /// from as many threads (<see cref="IndexParts"/>) and returns the feed position the content reflects, then swaps
    /// searches over to it and deletes the old one.</summary>
    public async Task RebuildAsync(Func<IReadOnlyList<IndexWriter>, Task<long>> fill)
    {
        System.IO.Directory.CreateDirectory(root);
        var name = $"gen-{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var folder = Path.Combine(root, name);
        var directory = IndexDirectory.Open(folder);
        var writer = new IndexWriter(directory, Config(OpenMode.CREATE));
        try
        {
            long position;
            using (var parts = new IndexParts(folder, Environment.ProcessorCount, PartConfig))
            {
                position = await fill(parts.Writers);
                await parts.JoinIntoAsync(writer);
            }
            writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position.ToString(CultureInfo.InvariantCulture) });
            writer.Commit();
            Swap(new Generation(folder, directory, writer, new SearcherManager(writer, true, WarmingSearcherFactory.Instance)), position);
            await File.WriteAllTextAsync(Path.Combine(root, CurrentFile), name);
            foreach (var old in System.IO.Directory.GetDirectories(root, "gen-*").Where(d => Path.GetFileName(d) != name))
                TryDelete(old);
        }
        catch
        {
            writer.Dispose();
            directory.Dispose();
            TryDelete(folder);
            throw;
        }
    }

    public IndexWriter Writer => (_current ?? throw new InvalidOperationException("The search index is not open")).Writer;

    /// <summary>Makes what was written visible to new searches (near-real-time, no commit needed).</summary>
    public void Refresh() => _current?.Searchers.MaybeRefreshBlocking();

    /// <summary>Makes the index durable up to <see cref="Position"/>.</summary>
    public void Commit()
    {
        var current = _current;
        if (current is null) return;
        current.Writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = Position.ToString(CultureInfo.InvariantCulture) });
        current.Writer.Commit();
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searchers = (_current ?? throw new InvalidOperationException("The search index is not ready")).Searchers;
        var searcher = searchers.Acquire();
        try { return search(searcher); }
        finally { searchers.Release(searcher); }
    }

    private void Swap(Generation next, long position)
    {
        var old = _current;
        _current = next;
        Position = position;
        // Searches that acquired the old searcher finish on it; give them time before closing it.
        if (old is not null) _ = Task.Delay(TimeSpan.FromSeconds(10)).ContinueWith(_ => old.Dispose(), TaskScheduler.Default);
    }

    static SearchIndex() => RegLookupCodec.Register();

    // A 100,000-regulation rebuild fits in one buffered segment per part on two cores.
    private const double RebuildBufferMB = 256;

    private static IndexWriterConfig Config(OpenMode mode) =>
        new(VietnameseAnalyzers.Version, IndexAnalyzer.Create()) { OpenMode = mode, RAMBufferSizeMB = 128, Codec = new RegLookupCodec() };

    /// <summary>A part of a rebuild: the rebuild's buffer shared out, so a large machine does not hold one per core;
    /// no compound files, since the join copies a part's files one by one anyway.</summary>
    private static IndexWriterConfig PartConfig(int parts)
    {
        var config = Config(OpenMode.CREATE);
        config.RAMBufferSizeMB = RebuildBufferMB / parts;
        config.UseCompoundFile = false;
        return config;
    }

    private static void TryDelete(string folder)
    {
        try { System.IO.Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* still open in this process: removed by the next rebuild */ }
    }

    public void Dispose() => _current?.Dispose();
}
