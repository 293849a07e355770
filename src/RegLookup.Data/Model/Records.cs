using System.Text.Json.Serialization;

namespace RegLookup.Data.Model;

/// <summary>A ministry or agency (Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ).</summary>
public sealed record Agency
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? NameEn { get; init; }
}

/// <summary>A legal (normative) document: văn bản quy phạm pháp luật.</summary>
public sealed record LegalDocument
{
    public required string Id { get; init; }
    public required string Number { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required string Issuer { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public required string Status { get; init; }
}

/// <summary>One business regulation (quy định kinh doanh) inside a legal document.</summary>
public sealed record Regulation
{
    public required string Id { get; init; }
    public required string DocumentId { get; init; }
    public string? Article { get; init; }
    public required string Agency { get; init; }
    public string? Sector { get; init; }
    public IReadOnlyList<string> BusinessLines { get; init; } = [];
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public string Content { get; init; } = "";
    public required string Status { get; init; }
    public long? ComplianceCostVnd { get; init; }
    public DateOnly? UpdatedAt { get; init; }
}

/// <summary>A cut/simplify proposal (phương án cắt giảm, đơn giản hóa).</summary>
public sealed record Proposal
{
    public required string Id { get; init; }
    public required string Agency { get; init; }
    public required string Title { get; init; }
    public string Summary { get; init; } = "";
    public required string Status { get; init; }
    public DateOnly? OpensOn { get; init; }
    public DateOnly? ClosesOn { get; init; }
    public IReadOnlyList<ProposalTarget> Targets { get; init; } = [];
    public long? EstimatedSavingVnd { get; init; }
    public long? EstimatedSavingDays { get; init; }
    /// <summary>Why the targets should go or change (Markdown), apart from the summary.</summary>
    public string? Rationale { get; init; }
    /// <summary>The legal document that carried the proposal out, once it is implemented.</summary>
    public string? ImplementingDocumentId { get; init; }

    /// <summary>
    /// A draft is its agency's work in progress: only that agency's drafters see it. So is a draft that was withdrawn
    /// before its consultation ever opened (withdrawing a draft clears its planned window). Same rule as
    /// <c>ProposalStore.PublicOnly</c>.
    /// </summary>
    [JsonIgnore]
    public bool IsPublic => Status != ProposalStatuses.Draft && !(Status == ProposalStatuses.Withdrawn && OpensOn is null);
}

/// <summary>The lifecycle states of a proposal (data-format.md), named for code that acts on one.</summary>
public static class ProposalStatuses
{
    public const string Draft = "draft";
    public const string Consultation = "consultation";
    public const string Closed = "closed";
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Implemented = "implemented";
    public const string Withdrawn = "withdrawn";
}

public sealed record ProposalTarget
{
    public required string RegulationId { get; init; }
    public required string Action { get; init; }
    public string? Note { get; init; }
}

/// <summary>One comment in a consultation thread (ý kiến góp ý), with the drafter's response.</summary>
public sealed record Comment
{
    public required string Id { get; init; }
    public required string ProposalId { get; init; }
    public string? ParentId { get; init; }
    public string? RegulationId { get; init; }
    public required string Author { get; init; }
    public string? Organization { get; init; }
    public required string RespondentType { get; init; }
    public required string Stance { get; init; }
    public required string Body { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public CommentResponse? Response { get; init; }
}

public sealed record CommentResponse
{
    public required string Decision { get; init; }
    public required string Body { get; init; }
    public required string By { get; init; }
    public required DateTimeOffset At { get; init; }
}

/// <summary>One entry of the change feed: the entity written, in commit order.</summary>
public sealed record Change
{
    public long Seq { get; init; }
    public required string Entity { get; init; }
    public required string EntityId { get; init; }
    public required string Op { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}

public static class Entities
{
    public const string Agency = "agency";
    public const string Document = "document";
    public const string Regulation = "regulation";
    public const string Proposal = "proposal";
    public const string Comment = "comment";
    /// <summary>Only followed, never stored as a record: a sector is a name shared by regulations.</summary>
    public const string Sector = "sector";
}
