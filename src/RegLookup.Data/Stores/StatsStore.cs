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

/// <summary>A count of records that carry one value.</summary>
public sealed record ValueCount
{
    public required string Value { get; init; }
    public long Count { get; init; }
}

/// <summary>When a comment was made and when the drafter answered it (null: not yet).</summary>
public sealed record ResponseTime
{
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResponseAt { get; init; }
}

/// <summary>Estimated savings of the proposals with one status.</summary>
public sealed record ProposalSavings
{
    public required string Status { get; init; }
    public long Proposals { get; init; }
    public long SavingVnd { get; init; }
    public long SavingDays { get; init; }
}

/// <summary>A period of time, both ends included; a missing end is open.</summary>
public sealed record Period(DateOnly? From, DateOnly? To)
{
    public static readonly Period All = new(null, null);

    /// <summary>The SQL condition on a time column; only the ends that are set, so no parameter is ever an untyped null.</summary>
    internal string Between(string column) =>
        (From is null ? "" : $" AND {column} >= @From") + (To is null ? "" : $" AND {column} < @To");

    internal string BetweenDates(string column) =>
        (From is null ? "" : $" AND {column} >= @From") + (To is null ? "" : $" AND {column} <= @To");

    internal DateTimeOffset? FromTime => From?.ToDateTime(TimeOnly.MinValue) is { } d ? new DateTimeOffset(d, Model.Vocabulary.VietnamOffset) : null;
    internal DateTimeOffset? ToTime => To?.AddDays(1).ToDateTime(TimeOnly.MinValue) is { } d ? new DateTimeOffset(d, Model.Vocabulary.VietnamOffset) : null;
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

    /// <summary>Comments made in the period on the agency's proposals (all agencies when null), by a column's value.</summary>
    public Task<List<ValueCount>> CommentsByAsync(CommentColumn column, Period period, string? agency = null) =>
        db.ReadAsync(async c => (await c.QueryAsync<ValueCount>($"""
            SELECT {(column == CommentColumn.RespondentType ? "c.respondent_type" : column == CommentColumn.Stance ? "c.stance" : "c.proposal_id")} AS value,
                   COUNT(*) AS count
            FROM comments c JOIN proposals p ON p.id = c.proposal_id
            WHERE (@agency IS NULL OR p.agency = @agency) AND c.hidden_at IS NULL
              {period.Between("c.created_at")}
            GROUP BY 1 ORDER BY count DESC, value
            """, new { agency, From = period.FromTime, To = period.ToTime })).ToList());

    public Task<List<ResponseTime>> ResponseTimesAsync(Period period, string? agency = null) =>
        db.ReadAsync(async c => (await c.QueryAsync<ResponseTime>($"""
            SELECT c.created_at, c.response_at
            FROM comments c JOIN proposals p ON p.id = c.proposal_id
            WHERE (@agency IS NULL OR p.agency = @agency) AND c.hidden_at IS NULL {period.Between("c.created_at")}
            """, new { agency, From = period.FromTime, To = period.ToTime })).ToList());

    /// <summary>Proposals whose consultation opened in the period, by status, with their estimated savings.</summary>
    public Task<List<ProposalSavings>> ProposalSavingsAsync(Period period, string? agency = null) =>
        db.ReadAsync(async c => (await c.QueryAsync<ProposalSavings>($"""
            SELECT status, COUNT(*) AS proposals,
                   CAST(COALESCE(SUM(estimated_saving_vnd), 0) AS BIGINT) AS saving_vnd,
                   CAST(COALESCE(SUM(estimated_saving_days), 0) AS BIGINT) AS saving_days
            FROM proposals
            WHERE (@agency IS NULL OR agency = @agency) AND {ProposalStore.PublicOnly} {period.BetweenDates("opens_on")}
            GROUP BY status ORDER BY status
            """, new { agency, period.From, period.To })).ToList());

    /// <summary>Public proposals (drafts are their agency's business until consulted on) per agency and status.</summary>
    public Task<List<AgencyCount>> ProposalsByStatusAsync() => db.ReadAsync(async c => (await c.QueryAsync<AgencyCount>($"""
        SELECT agency, status AS value, COUNT(*) AS count FROM proposals WHERE {ProposalStore.PublicOnly}
        GROUP BY agency, status ORDER BY agency, status
        """)).ToList());
}

public enum CommentColumn { RespondentType, Stance, Proposal }
