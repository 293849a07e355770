using Dapper;

namespace RegLookup.Data.Stores;

/// <summary>How many records of a kind carry a value (a status, a kind), per agency.</summary>
public sealed record AgencyCount
{
    public required string Agency { get; init; }
    public required string Value { get; init; }
    public long Count { get; init; }
    /// <summary>Yearly compliance cost of those regulations, where it is known (regulations by status only).</summary>
    public long CostVnd { get; init; }
}

/// <summary>The figures of the tracking dashboard and /api/stats, counted by the database on either engine.</summary>
public sealed class StatsStore(Database db)
{
    public Task<List<AgencyCount>> RegulationsByStatusAsync() => db.ReadAsync(async c => (await c.QueryAsync<AgencyCount>("""
        SELECT agency, status AS value, COUNT(*) AS count, CAST(COALESCE(SUM(compliance_cost_vnd), 0) AS BIGINT) AS cost_vnd
        FROM regulations GROUP BY agency, status ORDER BY agency, status
        """)).ToList());

    public Task<List<AgencyCount>> RegulationsByKindAsync() => db.ReadAsync(async c => (await c.QueryAsync<AgencyCount>("""
        SELECT agency, kind AS value, COUNT(*) AS count FROM regulations GROUP BY agency, kind ORDER BY agency, kind
        """)).ToList());

    public Task<List<AgencyCount>> ProposalsByStatusAsync() => db.ReadAsync(async c => (await c.QueryAsync<AgencyCount>("""
        SELECT agency, status AS value, COUNT(*) AS count FROM proposals GROUP BY agency, status ORDER BY agency, status
        """)).ToList());
}
