using RegLookup.Data.Model;
using RegLookup.Data.Stores;

namespace RegLookup.Data.Interchange;

public sealed record ImportResult(IReadOnlyList<ImportError> Errors, int Records, TimeSpan Elapsed)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Loads a dataset folder: every line is validated first, then everything is written in one transaction
/// (upsert by id), so a bad line loads nothing and the same folder imported twice leaves the same data.
/// </summary>
public sealed class DatasetImporter(Database db)
{
    private readonly AgencyStore _agencies = new(db);
    private readonly DocumentStore _documents = new(db);
    private readonly RegulationStore _regulations = new(db);
    private readonly ProposalStore _proposals = new(db);
    private readonly CommentStore _comments = new(db);
    private readonly DatasetStore _dataset = new(db);

    public async Task<ImportResult> ImportAsync(string folder, bool replace = false, IProgress<string>? progress = null,
        CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        progress?.Report($"Reading {folder}");
        var existing = replace ? ExistingKeys.None : await _dataset.LoadKeysAsync();
        var (data, errors) = await DatasetReader.ReadAsync(folder, existing, ct);
        if (errors.Count > 0)
            return new ImportResult(errors, 0, clock.Elapsed);

        progress?.Report($"Validated {data.Count:N0} records in {clock.Elapsed.TotalSeconds:F1} s; writing");
        var written = 0;
        void Step()
        {
            if (++written % 10_000 == 0)
                progress?.Report($"Written {written:N0} of {data.Count:N0} records ({clock.Elapsed.TotalSeconds:F1} s)");
        }

        await using var s = await db.BeginAsync(ct);
        if (replace) await _dataset.DeleteAllAsync(s);
        foreach (var (_, a) in data.Agencies) { await _agencies.UpsertAsync(s, a); Step(); }
        foreach (var (_, d) in data.Documents) { await _documents.UpsertAsync(s, d); Step(); }
        foreach (var (_, r) in data.Regulations) { await _regulations.UpsertAsync(s, r); Step(); }
        foreach (var (_, p) in data.Proposals) { await _proposals.UpsertAsync(s, p); Step(); }
        foreach (var c in ParentsFirst(data.Comments.Select(l => l.Value))) { await _comments.UpsertAsync(s, c); Step(); }
        await s.CommitAsync(ct);
        progress?.Report($"Imported {data.Count:N0} records in {clock.Elapsed.TotalSeconds:F1} s");
        return new ImportResult([], data.Count, clock.Elapsed);
    }

    /// <summary>Orders comments so that a parent is written before its replies (the parent key is checked at once).</summary>
    private static IEnumerable<Comment> ParentsFirst(IEnumerable<Comment> comments)
    {
        var all = comments.ToList();
        var inFolder = all.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var children = all.Where(c => c.ParentId is not null && inFolder.Contains(c.ParentId))
            .ToLookup(c => c.ParentId!, StringComparer.Ordinal);
        var queue = new Queue<Comment>(all.Where(c => c.ParentId is null || !inFolder.Contains(c.ParentId)));
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            yield return next;
            foreach (var child in children[next.Id]) queue.Enqueue(child);
        }
    }
}
