namespace RegLookup.Data.Model;

/// <summary>The closed value sets of data-format.md, in one place for validation and UI.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> DocumentTypes =
        ["luat", "nghi_dinh", "thong_tu", "quyet_dinh", "nghi_quyet", "thong_tu_lien_tich", "other"];
    public static readonly IReadOnlyList<string> DocumentStatuses =
        ["in_force", "amended", "partially_expired", "expired", "draft"];
    public static readonly IReadOnlyList<string> RegulationKinds =
        ["business_condition", "procedure", "reporting", "specialized_inspection", "technical_standard", "other"];
    public static readonly IReadOnlyList<string> RegulationStatuses =
        ["in_force", "proposed_cut", "cut", "simplified"];
    public static readonly IReadOnlyList<string> ProposalStatuses =
        ["draft", "consultation", "closed", "submitted", "approved", "implemented", "withdrawn"];
    public static readonly IReadOnlyList<string> TargetActions =
        ["abolish", "simplify", "amend", "replace"];
    public static readonly IReadOnlyList<string> RespondentTypes =
        ["association", "enterprise", "individual", "agency", "expert"];
    public static readonly IReadOnlyList<string> Stances =
        ["support", "oppose", "amend", "neutral"];
    public static readonly IReadOnlyList<string> Decisions =
        ["accepted", "partially_accepted", "rejected", "noted"];

    /// <summary>Vietnam time (UTC+7, no daylight saving): the zone of every date without an offset.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToVietnamTime(DateTimeOffset value) => value.ToOffset(VietnamOffset);
}
