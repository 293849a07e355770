using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

/// <summary>
/// Proposals and their targets. Lists and streams leave drafts out unless asked for them: a draft is seen only by
/// its agency's drafters, never on public pages, the API, exports, feeds or search.
/// </summary>
public sealed class ProposalStore(Database db)
{
    private const string Select = """
        SELECT id, agency, title, summary, status, opens_on, closes_on, estimated_saving_vnd, estimated_saving_days,
               rationale, implementing_document_id
        FROM proposals
        """;

    /// <summary>The SQL of <see cref="Proposal.IsPublic"/>.</summary>
    internal const string PublicOnly = "status <> 'draft' AND NOT (status = 'withdrawn' AND opens_on IS NULL)";

    public async Task UpsertAsync(DbSession s, Proposal proposal)
    {
        await s.ExecuteAsync("""
            INSERT INTO proposals (id, agency, title, summary, status, opens_on, closes_on, estimated_saving_vnd, estimated_saving_days,
                                   rationale, implementing_document_id)
            VALUES (@Id, @Agency, @Title, @Summary, @Status, @OpensOn, @ClosesOn, @EstimatedSavingVnd, @EstimatedSavingDays,
                    @Rationale, @ImplementingDocumentId)
            ON CONFLICT (id) DO UPDATE SET
                agency = excluded.agency, title = excluded.title, summary = excluded.summary, status = excluded.status,
                opens_on = excluded.opens_on, closes_on = excluded.closes_on,
                estimated_saving_vnd = excluded.estimated_saving_vnd, estimated_saving_days = excluded.estimated_saving_days,
                rationale = excluded.rationale, implementing_document_id = excluded.implementing_document_id
            """, proposal);
        await ReplaceTargetsAsync(s, proposal);
    }

    /// <summary>
    /// Inserts <paramref name="draft"/> under the next free id of its agency and year (PA-BCT-2026-01) and returns it
    /// with that id. Two drafters creating at once never get the same id: an insert that meets an id another
    /// transaction took (PostgreSQL waits for that one to commit) inserts nothing, and the next number is tried.
    /// </summary>
    public async Task<Proposal> CreateAsync(DbSession s, Proposal draft, int year)
    {
        var prefix = $"PA-{draft.Agency}-{year}-";
        var taken = await s.QueryAsync<string>("SELECT id FROM proposals WHERE id LIKE @pattern", new { pattern = prefix + "%" });
        var next = taken.Select(id => int.TryParse(id.AsSpan(prefix.Length), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        while (true)
        {
            var proposal = draft with { Id = $"{prefix}{next:00}" };
            var inserted = await s.ExecuteAsync("""
                INSERT INTO proposals (id, agency, title, summary, status, opens_on, closes_on, estimated_saving_vnd, estimated_saving_days,
                                       rationale, implementing_document_id)
                VALUES (@Id, @Agency, @Title, @Summary, @Status, @OpensOn, @ClosesOn, @EstimatedSavingVnd, @EstimatedSavingDays,
                        @Rationale, @ImplementingDocumentId)
                ON CONFLICT (id) DO NOTHING
                """, proposal);
            if (inserted == 1)
            {
                await ReplaceTargetsAsync(s, proposal);
                return proposal;
            }
            next++;
        }
    }

    /// <summary>Saves a draft's content; false (and nothing written) when it is no longer a draft.</summary>
    public async Task<bool> UpdateDraftAsync(DbSession s, Proposal proposal)
    {
        var rows = await s.ExecuteAsync("""
            UPDATE proposals SET title = @Title, summary = @Summary, rationale = @Rationale,
                estimated_saving_vnd = @EstimatedSavingVnd, estimated_saving_days = @EstimatedSavingDays
            WHERE id = @Id AND status = 'draft'
            """, proposal);
        if (rows == 0) return false;
        await ReplaceTargetsAsync(s, proposal);
        return true;
    }

    /// <summary>
    /// Moves a proposal to <paramref name="after"/>'s status, window and implementing document, only if it still has
    /// <paramref name="fromStatus"/>: false (and nothing written) when someone moved it meanwhile.
    /// </summary>
    public async Task<bool> TransitionAsync(DbSession s, Proposal after, string fromStatus)
    {
        var rows = await s.ExecuteAsync("""
            UPDATE proposals SET status = @Status, opens_on = @OpensOn, closes_on = @ClosesOn,
                implementing_document_id = @ImplementingDocumentId
            WHERE id = @Id AND status = @fromStatus
            """, new { after.Id, after.Status, after.OpensOn, after.ClosesOn, after.ImplementingDocumentId, fromStatus });
        if (rows > 0) s.Changed(Entities.Proposal, after.Id);
        return rows > 0;
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

    /// <summary>Proposals with the status and of the agency given (any when null); drafts only when asked for.</summary>
    public async Task<List<Proposal>> ListAsync(string? status = null, string? agency = null, bool includeDrafts = false) =>
        await WithTargetsAsync(await db.ReadAsync(async c => (await c.QueryAsync<Proposal>($"""
            {Select}
            WHERE (@status IS NULL OR status = @status) AND (@agency IS NULL OR agency = @agency)
              {(includeDrafts ? "" : $"AND {PublicOnly}")}
            ORDER BY opens_on IS NULL, opens_on DESC, id
            """, new { status, agency })).ToList()));

    /// <summary>The public proposals that target a regulation.</summary>
    public async Task<List<Proposal>> ListTargetingAsync(string regulationId) =>
        await WithTargetsAsync(await db.ReadAsync(async c => (await c.QueryAsync<Proposal>($"""
            {Select} WHERE id IN (SELECT proposal_id FROM proposal_targets WHERE regulation_id = @regulationId) AND {PublicOnly}
            ORDER BY opens_on IS NULL, opens_on DESC, id
            """, new { regulationId })).ToList()));

    /// <summary>Every proposal by id; drafts only when asked for (a full export does, the public ones do not).</summary>
    public IAsyncEnumerable<Proposal> StreamAsync(bool includeDrafts = false) =>
        Paging.StreamAsync<Proposal>(db, $"{Select} WHERE id > @After {(includeDrafts ? "" : $"AND {PublicOnly}")} ORDER BY id LIMIT @Take",
            p => p.Id, async batch => await WithTargetsAsync(batch));

    private static async Task ReplaceTargetsAsync(DbSession s, Proposal proposal)
    {
        await s.ExecuteAsync("DELETE FROM proposal_targets WHERE proposal_id = @Id", new { proposal.Id });
        await s.ExecuteAsync("""
            INSERT INTO proposal_targets (proposal_id, ordinal, regulation_id, action, note)
            VALUES (@ProposalId, @Ordinal, @RegulationId, @Action, @Note)
            """, proposal.Targets.Select((t, i) => new { ProposalId = proposal.Id, Ordinal = i, t.RegulationId, t.Action, t.Note }));
        s.Changed(Entities.Proposal, proposal.Id);
    }

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
