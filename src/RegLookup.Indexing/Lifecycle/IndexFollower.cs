using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Lucene.Net.Index;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;

namespace RegLookup.Indexing.Lifecycle;

/// <summary>
/// Keeps a node's index in step with the database: builds it when it is missing or unreadable, then follows the
/// change feed, re-reading every changed record from the database (the source of truth) and replacing its
/// documents. A "dataset replace" or "index rebuild" entry in the feed makes it rebuild into a new generation.
/// </summary>
public sealed class IndexFollower(SearchIndex index, Database db)
{
    public const string RebuildEntity = "index";
    private const int BatchSize = 5000;

    private readonly ChangeFeed _feed = new(db);
    private readonly RegulationStore _regulations = new(db);
    private readonly DocumentStore _documents = new(db);
    private readonly ProposalStore _proposals = new(db);
    private readonly CommentStore _comments = new(db);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(5);
    public IProgress<string>? Progress { get; init; }

    /// <summary>Raised on the follower's thread once a batch of changes is searchable, so that a node can tell the
    /// people viewing a record that it changed without polling the database itself. Handlers must return quickly.</summary>
    public event Action<IReadOnlyList<Change>>? ChangesApplied;

    /// <summary>Opens the index, or builds it from the database when it is missing or unreadable.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (index.IsReady) return;
        if (index.TryOpen(out var problem))
        {
            Progress?.Report($"Search index opened at {index.Folder}, change feed position {index.Position}");
            return;
        }
        Progress?.Report($"Building the search index from the database ({problem})");
        await RebuildAsync(ct);
    }

    /// <summary>Follows the change feed until cancelled, committing now and then.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var sinceCommit = Stopwatch.StartNew();
        var committed = index.Position;
        while (!ct.IsCancellationRequested)
        {
            var applied = await CatchUpAsync(ct);
            if (index.Position != committed && sinceCommit.Elapsed >= CommitInterval)
            {
                index.Commit();
                committed = index.Position;
                sinceCommit.Restart();
            }
            if (applied == 0)
                await Task.Delay(PollInterval, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        index.Commit();
    }

    /// <summary>Applies every change after the index's position; returns how many there were.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            var changes = await _feed.ReadAfterAsync(index.Position, BatchSize);
            if (changes.Count == 0) break;
            total += changes.Count;
            if (changes.Any(c => c.Op is "replace" or "rebuild"))
            {
                await RebuildAsync(ct);
                continue;
            }
            await ApplyAsync(changes);
            index.Position = changes[^1].Seq;
            index.Refresh();
            ChangesApplied?.Invoke(changes);
        }
        return total;
    }

    /// <summary>Rebuilds the index into a new generation from the database and swaps to it.</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await index.RebuildAsync(async parts =>
        {
            // Changes committed from here on are applied again after the swap; upserts make that harmless.
            var position = await _feed.LatestSeqAsync();
            var documents = new Dictionary<string, LegalDocument>(StringComparer.Ordinal);
            await foreach (var d in _documents.StreamAsync().WithCancellation(ct)) documents[d.Id] = d;
            var sectorsByDocument = new ConcurrentDictionary<string, ConcurrentDictionary<string, bool>>(StringComparer.Ordinal);
            var sectorOf = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            var suggestions = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            var count = 0;

            void AddSuggestions(IndexWriter writer, IEnumerable<Lucene.Net.Documents.Document> docs)
            {
                foreach (var s in docs)
                    if (suggestions.TryAdd(s.Get(IndexSchema.Key)!, true))
                        writer.AddDocument(s);
            }

            // Mapping and analysis take the time: one thread per part, fed by a reader that runs ahead of them.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var queue = Channel.CreateBounded<Regulation>(BatchSize);
            var reading = ReadAllAsync(_regulations.StreamAsync(), queue.Writer, stop.Token);
            try
            {
                await Parallel.ForEachAsync(parts, new ParallelOptions { MaxDegreeOfParallelism = parts.Count, CancellationToken = ct }, async (writer, token) =>
                {
                    await foreach (var r in queue.Reader.ReadAllAsync(token))
                    {
                        var d = documents.GetValueOrDefault(r.DocumentId);
                        writer.AddDocument(DocumentMapper.Regulation(r, d));
                        AddSuggestions(writer, DocumentMapper.SuggestionsFor(r, d));
                        if (r.Sector is { } sector)
                        {
                            sectorOf[r.Id] = sector;
                            sectorsByDocument.GetOrAdd(r.DocumentId, _ => new(StringComparer.Ordinal))[sector] = true;
                        }
                        var done = Interlocked.Increment(ref count);
                        if (done % 50_000 == 0)
                            Progress?.Report($"Indexed {done:N0} regulations ({done / clock.Elapsed.TotalSeconds:N0}/s)");
                    }
                });
            }
            finally
            {
                await stop.CancelAsync();
                await reading;
            }
            var rest = parts[0];
            foreach (var d in documents.Values)
                rest.AddDocument(DocumentMapper.LegalDocument(d, sectorsByDocument.GetValueOrDefault(d.Id)?.Keys ?? []));
            await foreach (var p in _proposals.StreamAsync().WithCancellation(ct))
            {
                rest.AddDocument(DocumentMapper.Proposal(p, p.Targets.Select(t => sectorOf.GetValueOrDefault(t.RegulationId)).OfType<string>()));
                AddSuggestions(rest, [DocumentMapper.Suggestion("proposal", p.Title, p.Id)]);
            }
            Progress?.Report($"Search index built: {count:N0} regulations, {documents.Count:N0} documents in {clock.Elapsed.TotalSeconds:F1} s");
            return position;
        });
    }

    /// <summary>Copies <paramref name="items"/> into <paramref name="queue"/> and completes it, with the error if reading
    /// fails, so that its readers end either way.</summary>
    private static async Task ReadAllAsync<T>(IAsyncEnumerable<T> items, ChannelWriter<T> queue, CancellationToken ct)
    {
        try
        {
            await foreach (var item in items.WithCancellation(ct)) await queue.WriteAsync(item, ct);
            queue.Complete();
        }
        catch (Exception e)
        {
            queue.Complete(e);
        }
    }

    private async Task ApplyAsync(IReadOnlyList<Change> changes)
    {
        string[] Ids(string entity) => changes.Where(c => c.Entity == entity).Select(c => c.EntityId).Distinct().ToArray();
        var regulationIds = Ids(Entities.Regulation).ToHashSet(StringComparer.Ordinal);
        var proposalIds = Ids(Entities.Proposal).ToHashSet(StringComparer.Ordinal);
        var commentIds = Ids(Entities.Comment);
        if (commentIds.Length > 0) proposalIds.UnionWith(await _comments.ProposalIdsOfAsync(commentIds));
        var writer = index.Writer;

        foreach (var chunk in Ids(Entities.Document).Chunk(1000))
        {
            var found = (await _documents.GetManyAsync(chunk)).ToDictionary(d => d.Id);
            foreach (var id in chunk)
            {
                var key = new Term(IndexSchema.Key, DocumentMapper.KeyOf(IndexSchema.Types.Document, id));
                if (!found.TryGetValue(id, out var d)) { writer.DeleteDocuments(key); continue; }
                var regulations = await _regulations.ListByDocumentAsync(id);
                writer.UpdateDocument(key, DocumentMapper.LegalDocument(d, regulations.Select(r => r.Sector).OfType<string>()));
                regulationIds.UnionWith(regulations.Select(r => r.Id)); // their document number or type may have changed
            }
        }

        foreach (var chunk in regulationIds.Chunk(1000))
        {
            var found = (await _regulations.GetManyAsync(chunk)).ToDictionary(r => r.Id);
            var documents = (await _documents.GetManyAsync(found.Values.Select(r => r.DocumentId).Distinct().ToArray())).ToDictionary(d => d.Id);
            foreach (var id in chunk)
            {
                var key = new Term(IndexSchema.Key, DocumentMapper.KeyOf(IndexSchema.Types.Regulation, id));
                if (!found.TryGetValue(id, out var r))
                {
                    writer.DeleteDocuments(key, new Term(IndexSchema.Key, DocumentMapper.KeyOf(IndexSchema.Types.Suggestion, $"title:{id}")));
                    continue;
                }
                var d = documents.GetValueOrDefault(r.DocumentId);
                writer.UpdateDocument(key, DocumentMapper.Regulation(r, d));
                foreach (var s in DocumentMapper.SuggestionsFor(r, d))
                    writer.UpdateDocument(new Term(IndexSchema.Key, s.Get(IndexSchema.Key)!), s);
            }
        }

        foreach (var chunk in proposalIds.Chunk(1000))
        {
            var found = (await _proposals.GetManyAsync(chunk)).ToDictionary(p => p.Id);
            var sectors = (await _regulations.GetManyAsync(found.Values.SelectMany(p => p.Targets.Select(t => t.RegulationId)).Distinct().ToArray()))
                .ToDictionary(r => r.Id, r => r.Sector);
            foreach (var id in chunk)
            {
                var key = new Term(IndexSchema.Key, DocumentMapper.KeyOf(IndexSchema.Types.Proposal, id));
                var suggestionKey = new Term(IndexSchema.Key, DocumentMapper.KeyOf(IndexSchema.Types.Suggestion, $"proposal:{id}"));
                // A proposal that is (still) a draft is not searchable: only its agency's drafters may see it.
                if (!found.TryGetValue(id, out var p) || !p.IsPublic) { writer.DeleteDocuments(key, suggestionKey); continue; }
                writer.UpdateDocument(key, DocumentMapper.Proposal(p, p.Targets.Select(t => sectors.GetValueOrDefault(t.RegulationId)).OfType<string>()));
                writer.UpdateDocument(suggestionKey, DocumentMapper.Suggestion("proposal", p.Title, p.Id));
            }
        }
    }
}
