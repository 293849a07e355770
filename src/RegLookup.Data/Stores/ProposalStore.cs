using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

public sealed class ProposalStore(Database db)
{
    private const string Select = """
        SELECT id, agency, title, summary, status, opens_on, closes_on, estimated_saving_vnd, estimated_saving_days
        FROM proposals
        """;

    public async Task UpsertAsync(DbSession s, Proposal proposal)
    {
        await s.ExecuteAsync("""
            INSERT INTO proposals (id, agency, title, summary, status, opens_on, closes_on, estimated_saving_vnd, estimated_saving_days)
            VALUES (@Id, @Agency, @Title, @Summary, @Status, @OpensOn, @ClosesOn, @EstimatedSavingVnd, @EstimatedSavingDays)
            ON CONFLICT (id) DO UPDATE SET
                agency = excluded.agency, title = excluded.title, summary = excluded.summary, status = excluded.status,
                opens_on = excluded.opens_on, closes_on = excluded.closes_on,
                estimated_saving_vnd = excluded.estimated_saving_vnd, estimated_saving_days = excluded.estimated_saving_days
            """, proposal);
        await s.ExecuteAsync("DELETE FROM proposal_targets WHERE proposal_id = @Id", new { proposal.Id });
        await s.ExecuteAsync("""
            INSERT INTO proposal_targets (proposal_id, ordinal, regulation_id, action, note)
            VALUES (@ProposalId, @Ordinal, @RegulationId, @Action, @Note)
            """, proposal.Targets.Select((t, i) => new { ProposalId = proposal.Id, Ordinal = i, t.RegulationId, t.Action, t.Note }));
        s.Changed(Entities.Proposal, proposal.Id);
    }

    public async Task<bool> SetStatusAsync(DbSession s, string id, string status)
    {
        var rows = await s.ExecuteAsync("UPDATE proposals SET status = @status WHERE id = @id", new { id, status });
        if (rows > 0) s.Changed(Entities.Proposal, id);
        return rows > 0;
    }

    public async Task<Proposal?> GetAsync(string id) => (await GetManyAsync([id])).SingleOrDefault();

    public async Task<List<Proposal>> GetManyAsync(IReadOnlyCollection<string> ids) =>
        await WithTargetsAsync(await db.ReadAsync(async c =>
            (await c.QueryAsync<Proposal>($"{Select} WHERE {db.Dialect.In("id", "ids")} ORDER BY id", new { ids = ids.ToArray() })).ToList()));

    public async Task<List<Proposal>> ListAsync(string? status = null, string? agency = null) =>
        await WithTargetsAsync(await db.ReadAsync(async c => (await c.QueryAsync<Proposal>($"""
            {Select}
            WHERE (@status IS NULL OR status = @status) AND (@agency IS NULL OR agency = @agency)
            ORDER BY opens_on IS NULL, opens_on DESC, id
            """, new { status, agency })).ToList()));

    public async Task<List<Proposal>> ListTargetingAsync(string regulationId) =>
        await WithTargetsAsync(await db.ReadAsync(async c => (await c.QueryAsync<Proposal>($"""
            {Select} WHERE id IN (SELECT proposal_id FROM proposal_targets WHERE regulation_id = @regulationId)
            ORDER BY opens_on IS NULL, opens_on DESC, id
            """, new { regulationId })).ToList()));

    public IAsyncEnumerable<Proposal> StreamAsync() =>
        Paging.StreamAsync<Proposal>(db, $"{Select} WHERE id > @After ORDER BY id LIMIT @Take", p => p.Id,
            async batch => await WithTargetsAsync(batch));

    private async Task<List<Proposal>> WithTargetsAsync(IReadOnlyList<Proposal> proposals)
    {
        if (proposals.Count == 0) return [];
        var ids = proposals.Select(p => p.Id).ToList();
        var targets = (await db.ReadAsync(c => c.QueryAsync<TargetRow>($"""
                SELECT proposal_id, regulation_id, action, note FROM proposal_targets
                WHERE {db.Dialect.In("proposal_id", "ids")} ORDER BY proposal_id, ordinal
                """, new { ids = ids.ToArray() })))
            .ToLookup(t => t.ProposalId, t => new ProposalTarget { RegulationId = t.RegulationId, Action = t.Action, Note = t.Note });
        return proposals.Select(p => p with { Targets = targets[p.Id].ToList() }).ToList();
    }

    private sealed record TargetRow
    {
        public required string ProposalId { get; init; }
        public required string RegulationId { get; init; }
        public required string Action { get; init; }
        public string? Note { get; init; }
    }
}
