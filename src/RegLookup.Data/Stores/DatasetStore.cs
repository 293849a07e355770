using Dapper;

namespace RegLookup.Data.Stores;

/// <summary>Counts of every record kind, for start-up, health and the home page.</summary>
public sealed record DatasetCounts(long Agencies, long Documents, long Regulations, long Proposals, long Comments)
{
    public bool IsEmpty => Agencies == 0;
}

/// <summary>The ids already in the database, so that an import may reference records it does not carry.</summary>
public sealed class ExistingKeys
{
    public HashSet<string> Agencies { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Documents { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Regulations { get; } = new(StringComparer.Ordinal);
    /// <summary>Proposal id → the regulation ids it targets.</summary>
    public Dictionary<string, HashSet<string>> ProposalTargets { get; } = new(StringComparer.Ordinal);
    /// <summary>Comment id → (proposal id, parent id).</summary>
    public Dictionary<string, (string ProposalId, string? ParentId)> Comments { get; } = new(StringComparer.Ordinal);

    public static ExistingKeys None { get; } = new();
}

/// <summary>Whole-dataset operations: counts, the keys an import validates against, and --replace.</summary>
public sealed class DatasetStore(Database db)
{
    public Task<DatasetCounts> CountAsync() => db.ReadAsync(c => c.QuerySingleAsync<DatasetCounts>("""
        SELECT (SELECT COUNT(*) FROM agencies) AS agencies, (SELECT COUNT(*) FROM documents) AS documents,
               (SELECT COUNT(*) FROM regulations) AS regulations, (SELECT COUNT(*) FROM proposals) AS proposals,
               (SELECT COUNT(*) FROM comments) AS comments
        """));

    public Task<ExistingKeys> LoadKeysAsync() => db.ReadAsync(async c =>
    {
        var keys = new ExistingKeys();
        keys.Agencies.UnionWith(await c.QueryAsync<string>("SELECT code FROM agencies"));
        keys.Documents.UnionWith(await c.QueryAsync<string>("SELECT id FROM documents"));
        keys.Regulations.UnionWith(await c.QueryAsync<string>("SELECT id FROM regulations"));
        foreach (var id in await c.QueryAsync<string>("SELECT id FROM proposals"))
            keys.ProposalTargets[id] = new(StringComparer.Ordinal);
        foreach (var (proposalId, regulationId) in await c.QueryAsync<(string, string)>("SELECT proposal_id, regulation_id FROM proposal_targets"))
            keys.ProposalTargets[proposalId].Add(regulationId);
        foreach (var (id, proposalId, parentId) in await c.QueryAsync<(string, string, string?)>("SELECT id, proposal_id, parent_id FROM comments"))
            keys.Comments[id] = (proposalId, parentId);
        return keys;
    });

    /// <summary>Empties every dataset table (not users, follows, audit log or the feed) for <c>import --replace</c>.</summary>
    public async Task DeleteAllAsync(DbSession s)
    {
        await s.ExecuteAsync("""
            DELETE FROM comments;
            DELETE FROM proposal_targets;
            DELETE FROM proposals;
            DELETE FROM regulation_business_lines;
            DELETE FROM regulations;
            DELETE FROM documents;
            DELETE FROM agencies;
            """);
        s.Changed("dataset", "*", "replace");
    }
}
