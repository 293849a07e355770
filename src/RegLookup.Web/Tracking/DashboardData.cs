using RegLookup.Data.Stores;

namespace RegLookup.Web.Tracking;

/// <summary>Everything the dashboard shows for a period and, optionally, one agency.</summary>
public sealed record DashboardData
{
    public required IReadOnlyList<AgencyStats> Agencies { get; init; }
    public required AgencyStats Total { get; init; }
    public required IReadOnlyList<ProposalSavings> Proposals { get; init; }
    public required IReadOnlyList<ValueCount> ByRespondent { get; init; }
    public required IReadOnlyList<ValueCount> ByStance { get; init; }
    public required IReadOnlyList<ValueCount> PerProposal { get; init; }
    public int Comments { get; init; }
    public int Answered { get; init; }
    public double? MedianResponseDays { get; init; }

    public static readonly string[] Delivered = ["approved", "implemented"];

    public long SavingVnd => Proposals.Where(p => Delivered.Contains(p.Status)).Sum(p => p.SavingVnd);
    public long SavingDays => Proposals.Where(p => Delivered.Contains(p.Status)).Sum(p => p.SavingDays);
    public double ResponseRate => Comments == 0 ? 0 : Answered / (double)Comments;

    public static async Task<DashboardData> LoadAsync(StatsStore stats, AgencyStore agencies, Period period, string? agency)
    {
        var all = await AgencyStats.LoadAsync(stats, agencies);
        var shown = agency is null ? all : all.Where(a => a.Code == agency).ToList();
        var times = await stats.ResponseTimesAsync(period, agency);
        var days = times.Where(t => t.ResponseAt is not null).Select(t => (t.ResponseAt!.Value - t.CreatedAt).TotalDays).Order().ToList();
        return new DashboardData
        {
            Agencies = all,
            Total = Sum(shown),
            Proposals = await stats.ProposalSavingsAsync(period, agency),
            ByRespondent = await stats.CommentsByAsync(CommentColumn.RespondentType, period, agency),
            ByStance = await stats.CommentsByAsync(CommentColumn.Stance, period, agency),
            PerProposal = await stats.CommentsByAsync(CommentColumn.Proposal, period, agency),
            Comments = times.Count,
            Answered = days.Count,
            MedianResponseDays = days.Count == 0 ? null
                : Math.Round(days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2, 1),
        };
    }

    /// <summary>The agencies' figures added up, with the rates recomputed from the sums.</summary>
    private static AgencyStats Sum(IReadOnlyList<AgencyStats> agencies)
    {
        static IReadOnlyDictionary<string, long> Merge(IEnumerable<IReadOnlyDictionary<string, long>> parts) =>
            parts.SelectMany(p => p).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        var byStatus = Merge(agencies.Select(a => a.RegulationsByStatus));
        var total = agencies.Sum(a => a.Regulations);
        var cost = agencies.Sum(a => a.ComplianceCostVnd);
        var costCut = agencies.Sum(a => a.ComplianceCostCutVnd);
        return new AgencyStats
        {
            Code = "*",
            Name = "*",
            Regulations = total,
            RegulationsByStatus = byStatus,
            RegulationsByKind = Merge(agencies.Select(a => a.RegulationsByKind)),
            ProposalsByStatus = Merge(agencies.Select(a => a.ProposalsByStatus)),
            CutRate = total == 0 ? 0 : Math.Round(AgencyStats.CutStatuses.Sum(s => byStatus.GetValueOrDefault(s)) / (double)total, 4),
            ComplianceCostVnd = cost,
            ComplianceCostCutVnd = costCut,
            CostCutRate = cost == 0 ? 0 : Math.Round(costCut / (double)cost, 4),
        };
    }
}
