using RegLookup.Data.Model;
using RegLookup.Data.Stores;

namespace RegLookup.Web.Tracking;

/// <summary>One agency's cut/simplify figures against Resolution 68/NQ-CP's targets.</summary>
public sealed record AgencyStats
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public long Regulations { get; init; }
    public IReadOnlyDictionary<string, long> RegulationsByStatus { get; init; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<string, long> RegulationsByKind { get; init; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<string, long> ProposalsByStatus { get; init; } = new Dictionary<string, long>();
    /// <summary>Share of the agency's regulations cut or simplified (Resolution 68 target: 20 %).</summary>
    public double CutRate { get; init; }
    public long ComplianceCostVnd { get; init; }
    public long ComplianceCostCutVnd { get; init; }
    /// <summary>Share of the known compliance cost in regulations cut or simplified (target: 20 %).</summary>
    public double CostCutRate { get; init; }

    public const double Target = 0.20;
    public static readonly string[] CutStatuses = ["cut", "simplified"];

    /// <summary>Per agency with any regulation or proposal, from the counts the database made.</summary>
    public static async Task<List<AgencyStats>> LoadAsync(StatsStore stats, AgencyStore agencies)
    {
        var byStatus = await stats.RegulationsByStatusAsync();
        var byKind = await stats.RegulationsByKindAsync();
        var proposals = await stats.ProposalsByStatusAsync();
        var names = (await agencies.ListAsync()).ToDictionary(a => a.Code, a => a.Name);
        return byStatus.Select(c => c.Agency).Concat(proposals.Select(c => c.Agency)).Distinct().Order(StringComparer.Ordinal)
            .Select(code =>
            {
                var status = byStatus.Where(c => c.Agency == code).ToList();
                var total = status.Sum(c => c.Count);
                var cost = status.Sum(c => c.CostVnd);
                var cut = status.Where(c => CutStatuses.Contains(c.Value)).ToList();
                return new AgencyStats
                {
                    Code = code,
                    Name = names.GetValueOrDefault(code, code),
                    Regulations = total,
                    RegulationsByStatus = status.ToDictionary(c => c.Value, c => c.Count),
                    RegulationsByKind = byKind.Where(c => c.Agency == code).ToDictionary(c => c.Value, c => c.Count),
                    ProposalsByStatus = proposals.Where(c => c.Agency == code).ToDictionary(c => c.Value, c => c.Count),
                    CutRate = total == 0 ? 0 : Math.Round(cut.Sum(c => c.Count) / (double)total, 4),
                    ComplianceCostVnd = cost,
                    ComplianceCostCutVnd = cut.Sum(c => c.CostVnd),
                    CostCutRate = cost == 0 ? 0 : Math.Round(cut.Sum(c => c.CostVnd) / (double)cost, 4),
                };
            }).ToList();
    }
}
