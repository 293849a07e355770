using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

public sealed class RegulationStore(Database db)
{
    private const string Select = """
        SELECT id, document_id, article, agency, sector, kind, title, content, status, compliance_cost_vnd, updated_at
        FROM regulations
        """;

    public async Task UpsertAsync(DbSession s, Regulation regulation)
    {
        await s.ExecuteAsync("""
            INSERT INTO regulations (id, document_id, article, agency, sector, kind, title, content, status, compliance_cost_vnd, updated_at)
            VALUES (@Id, @DocumentId, @Article, @Agency, @Sector, @Kind, @Title, @Content, @Status, @ComplianceCostVnd, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET
                document_id = excluded.document_id, article = excluded.article, agency = excluded.agency,
                sector = excluded.sector, kind = excluded.kind, title = excluded.title, content = excluded.content,
                status = excluded.status, compliance_cost_vnd = excluded.compliance_cost_vnd, updated_at = excluded.updated_at
            """, regulation);
        await s.ExecuteAsync("DELETE FROM regulation_business_lines WHERE regulation_id = @Id", new { regulation.Id });
        await s.ExecuteAsync(
            "INSERT INTO regulation_business_lines (regulation_id, ordinal, business_line) VALUES (@RegulationId, @Ordinal, @BusinessLine)",
            regulation.BusinessLines.Select((line, i) => new { RegulationId = regulation.Id, Ordinal = i, BusinessLine = line }));
        s.Changed(Entities.Regulation, regulation.Id);
    }

    /// <summary>Gives a regulation a new status; with <paramref name="changedOn"/> its "updated" date moves too,
    /// so that the dashboard lists it among the latest cuts.</summary>
    public async Task<bool> SetStatusAsync(DbSession s, string id, string status, DateOnly? changedOn = null)
    {
        var rows = await s.ExecuteAsync(
            $"UPDATE regulations SET status = @status{(changedOn is null ? "" : ", updated_at = @changedOn")} WHERE id = @id",
            new { id, status, changedOn });
        if (rows > 0) s.Changed(Entities.Regulation, id);
        return rows > 0;
    }

    public async Task<Regulation?> GetAsync(string id) => (await GetManyAsync([id])).SingleOrDefault();

    public async Task<List<Regulation>> GetManyAsync(IReadOnlyCollection<string> ids) =>
        await WithBusinessLinesAsync(await db.ReadAsync(async c =>
            (await c.QueryAsync<Regulation>($"{Select} WHERE {db.Dialect.In("id", "ids")} ORDER BY id", new { ids = ids.ToArray() })).ToList()));

    public async Task<List<Regulation>> ListByDocumentAsync(string documentId) =>
        await WithBusinessLinesAsync(await db.ReadAsync(async c =>
            (await c.QueryAsync<Regulation>($"{Select} WHERE document_id = @documentId ORDER BY id", new { documentId })).ToList()));

    public async Task<List<Regulation>> ListByAgencyAsync(string agency, int limit = 500) =>
        await WithBusinessLinesAsync(await db.ReadAsync(async c =>
            (await c.QueryAsync<Regulation>($"{Select} WHERE agency = @agency ORDER BY id LIMIT @limit", new { agency, limit })).ToList()));

    public async Task<List<Regulation>> ListByBusinessLineAsync(string businessLine) =>
        await WithBusinessLinesAsync(await db.ReadAsync(async c => (await c.QueryAsync<Regulation>($"""
            {Select} WHERE id IN (SELECT regulation_id FROM regulation_business_lines WHERE business_line = @businessLine)
            ORDER BY id
            """, new { businessLine })).ToList()));

    public async Task<List<Regulation>> ListBySectorAsync(string sector) =>
        await WithBusinessLinesAsync(await db.ReadAsync(async c =>
            (await c.QueryAsync<Regulation>($"{Select} WHERE sector = @sector ORDER BY id", new { sector })).ToList()));

    /// <summary>The regulations most recently given one of <paramref name="statuses"/>, newest first.</summary>
    public async Task<List<Regulation>> ListRecentAsync(IReadOnlyCollection<string> statuses, int limit) =>
        await WithBusinessLinesAsync(await db.ReadAsync(async c => (await c.QueryAsync<Regulation>(
            $"{Select} WHERE {db.Dialect.In("status", "statuses")} ORDER BY updated_at IS NULL, updated_at DESC, id LIMIT @limit",
            new { statuses = statuses.ToArray(), limit })).ToList()));

    /// <summary>Every sector with how many regulations it has.</summary>
    public Task<List<(string Sector, long Count)>> SectorsAsync() =>
        db.ReadAsync(async c => (await c.QueryAsync<(string, long)>("""
            SELECT sector, COUNT(*) FROM regulations WHERE sector IS NOT NULL GROUP BY sector ORDER BY sector
            """)).ToList());

    /// <summary>Every business line with how many regulations govern it.</summary>
    public Task<List<(string BusinessLine, long Count)>> BusinessLinesAsync() =>
        db.ReadAsync(async c => (await c.QueryAsync<(string, long)>("""
            SELECT business_line, COUNT(*) FROM regulation_business_lines GROUP BY business_line ORDER BY business_line
            """)).ToList());

    public Task<long> CountAsync() => db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM regulations"));

    public IAsyncEnumerable<Regulation> StreamAsync() =>
        Paging.StreamAsync<Regulation>(db, $"{Select} WHERE id > @After ORDER BY id LIMIT @Take", r => r.Id,
            // A batch holds every id from its first to its last, so its lines are one range scan: a list of 2,000 ids
            // costs SQLite a linear look-up of each named parameter, a large part of a rebuild's reading.
            async batch => await WithBusinessLinesAsync(batch, "regulation_id BETWEEN @First AND @Last", new { First = batch[0].Id, Last = batch[^1].Id }));

    private Task<List<Regulation>> WithBusinessLinesAsync(IReadOnlyList<Regulation> regulations) =>
        WithBusinessLinesAsync(regulations, db.Dialect.In("regulation_id", "ids"), new { ids = regulations.Select(r => r.Id).ToArray() });

    /// <param name="where">Selects the lines of at least <paramref name="regulations"/>.</param>
    private async Task<List<Regulation>> WithBusinessLinesAsync(IReadOnlyList<Regulation> regulations, string where, object parameters)
    {
        if (regulations.Count == 0) return [];
        var lines = (await db.ReadAsync(c => c.QueryAsync<(string RegulationId, string BusinessLine)>($"""
                SELECT regulation_id, business_line FROM regulation_business_lines
                WHERE {where} ORDER BY regulation_id, ordinal
                """, parameters)))
            .ToLookup(l => l.RegulationId, l => l.BusinessLine);
        return regulations.Select(r => r with { BusinessLines = lines[r.Id].ToList() }).ToList();
    }
}
