using System.Data.Common;
using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

/// <summary>A comment as the drafter's workspace and the synthesis report see it: with the title and agency of its
/// proposal, the title of its target regulation and its author's account.</summary>
public sealed record WorkspaceComment
{
    public required Comment Comment { get; init; }
    public required string ProposalTitle { get; init; }
    public required string ProposalAgency { get; init; }
    public string? RegulationTitle { get; init; }
    /// <summary>The account that wrote it (imported comments have none): the one told about a response.</summary>
    public string? AuthorUserId { get; init; }

    public string Id => Comment.Id;

    /// <summary>What a drafter saw of the response when the page was drawn: empty while unanswered. A response is
    /// recorded only while the stamp is unchanged, so two drafters never silently overwrite each other.</summary>
    public string ResponseStamp => Comment.Response is { } r ? $"{r.Decision}@{r.At.UtcTicks}" : "";
}

/// <summary>Which comments of an agency's proposals the workspace lists; null means any.</summary>
public sealed record WorkspaceFilter
{
    public required string Agency { get; init; }
    public string? ProposalId { get; init; }
    public string? RegulationId { get; init; }
    public string? Stance { get; init; }
    public string? RespondentType { get; init; }
    public bool? Answered { get; init; }
}

/// <summary>"x of y answered" for one proposal.</summary>
public sealed record ProposalProgress
{
    public required string ProposalId { get; init; }
    public required string Title { get; init; }
    public required string Status { get; init; }
    public int Answered { get; init; }
    public int Total { get; init; }
}

public sealed record RegulationTitle(string Id, string Title);

public sealed record WorkspaceResults(IReadOnlyList<WorkspaceComment> Items, int Total);

/// <summary>
/// The drafter's view of the comments on their agency's proposals. Hidden comments (a moderator's decision) are
/// never listed, counted or reported here.
/// </summary>
public sealed class WorkspaceStore(Database db)
{
    // Three parts for Dapper's multi-mapping: the comment, its response (null when unanswered) and its context.
    private const string Select = """
        SELECT c.id, c.proposal_id, c.parent_id, c.regulation_id, c.author, c.organization, c.respondent_type, c.stance, c.body,
               c.created_at,
               c.response_decision AS decision, c.response_body AS body, c.response_by AS "by", c.response_at AS "at",
               p.title AS proposal_title, p.agency AS proposal_agency, r.title AS regulation_title, c.author_user_id
        FROM comments c
        JOIN proposals p ON p.id = c.proposal_id
        LEFT JOIN regulations r ON r.id = c.regulation_id
        """;

    private const string Filtered = """
        WHERE c.hidden_at IS NULL AND p.agency = @Agency
          AND (@ProposalId IS NULL OR c.proposal_id = @ProposalId)
          AND (@RegulationId IS NULL OR c.regulation_id = @RegulationId)
          AND (@Stance IS NULL OR c.stance = @Stance)
          AND (@RespondentType IS NULL OR c.respondent_type = @RespondentType)
          AND (@Answered IS NULL OR @Answered = (c.response_decision IS NOT NULL))
        """;

    /// <summary>One page of the filtered comments, oldest first (the order they wait to be answered in), and how many match.</summary>
    public Task<WorkspaceResults> ListAsync(WorkspaceFilter filter, int page, int pageSize) => db.ReadAsync(async c =>
    {
        var args = new DynamicParameters(filter);
        args.Add("Take", pageSize);
        args.Add("Skip", (Math.Max(page, 1) - 1) * pageSize);
        var total = await c.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM comments c JOIN proposals p ON p.id = c.proposal_id {Filtered}", args);
        var items = await QueryAsync(c, null, $"{Select} {Filtered} ORDER BY c.created_at, c.id LIMIT @Take OFFSET @Skip", args);
        return new WorkspaceResults(items, total);
    });

    /// <summary>Every proposal of the agency that has comments or is open for them, with how many are answered.</summary>
    public Task<List<ProposalProgress>> ProgressAsync(string agency) => db.ReadAsync(async c => (await c.QueryAsync<ProposalProgress>("""
        SELECT p.id AS proposal_id, p.title, p.status, COUNT(c.id) AS total, COUNT(c.response_decision) AS answered
        FROM proposals p
        LEFT JOIN comments c ON c.proposal_id = p.id AND c.hidden_at IS NULL
        WHERE p.agency = @agency
        GROUP BY p.id, p.title, p.status, p.opens_on
        HAVING COUNT(c.id) > 0 OR p.status = 'consultation'
        ORDER BY p.opens_on IS NULL, p.opens_on DESC, p.id
        """, new { agency })).ToList());

    /// <summary>The regulations the agency's comments speak to (of one proposal, when given), for the target filter.</summary>
    public Task<List<RegulationTitle>> CommentedRegulationsAsync(string agency, string? proposalId) => db.ReadAsync(async c =>
        (await c.QueryAsync<RegulationTitle>("""
            SELECT DISTINCT r.id, r.title
            FROM comments c
            JOIN proposals p ON p.id = c.proposal_id
            JOIN regulations r ON r.id = c.regulation_id
            WHERE c.hidden_at IS NULL AND p.agency = @agency AND (@proposalId IS NULL OR c.proposal_id = @proposalId)
            ORDER BY r.id
            """, new { agency, proposalId })).ToList());

    /// <summary>The comments with these ids (hidden ones too: the caller says why it cannot answer them).</summary>
    public Task<List<WorkspaceComment>> GetManyAsync(IReadOnlyCollection<string> ids) => db.ReadAsync(c =>
        QueryAsync(c, null, $"{Select} WHERE {db.Dialect.In("c.id", "ids")}", new { ids = ids.ToArray() }));

    /// <summary>
    /// Takes the comment's row lock inside <paramref name="s"/>, then reads it as it is now. A drafter answering the
    /// same comment at the same moment waits for this transaction and then reads its response: on PostgreSQL the
    /// no-op update holds the row until commit; SQLite runs one write transaction at a time. Null when it is
    /// missing or hidden.
    /// </summary>
    public async Task<WorkspaceComment?> LockForResponseAsync(DbSession s, string id)
    {
        await s.ExecuteAsync("UPDATE comments SET response_decision = response_decision WHERE id = @id", new { id });
        return (await QueryAsync(s.Connection, s.Transaction, $"{Select} WHERE c.id = @id AND c.hidden_at IS NULL", new { id })).SingleOrDefault();
    }

    /// <summary>The visible comments of one proposal, oldest first, for its synthesis report.</summary>
    public Task<List<WorkspaceComment>> ListForReportAsync(string proposalId) => db.ReadAsync(c =>
        QueryAsync(c, null, $"{Select} WHERE c.proposal_id = @proposalId AND c.hidden_at IS NULL ORDER BY c.created_at, c.id", new { proposalId }));

    /// <summary>The file names attached to the visible comments of a proposal, by comment id, in the order they were added.</summary>
    public Task<ILookup<string, string>> AttachmentNamesAsync(string proposalId) => db.ReadAsync(async c =>
        (await c.QueryAsync<(string CommentId, string FileName)>("""
            SELECT a.comment_id, a.file_name
            FROM attachments a JOIN comments c ON c.id = a.comment_id
            WHERE c.proposal_id = @proposalId AND c.hidden_at IS NULL
            ORDER BY a.created_at, a.id
            """, new { proposalId })).ToLookup(a => a.CommentId, a => a.FileName));

    private static async Task<List<WorkspaceComment>> QueryAsync(DbConnection c, DbTransaction? t, string sql, object args) =>
        (await c.QueryAsync<Comment, CommentResponse?, Context, WorkspaceComment>(sql,
            (comment, response, context) => new WorkspaceComment
            {
                Comment = comment with { Response = response }, ProposalTitle = context.ProposalTitle,
                ProposalAgency = context.ProposalAgency, RegulationTitle = context.RegulationTitle, AuthorUserId = context.AuthorUserId,
            },
            args, t, splitOn: "decision,proposal_title")).ToList();

    private sealed record Context
    {
        public string ProposalTitle { get; init; } = "";
        public string ProposalAgency { get; init; } = "";
        public string? RegulationTitle { get; init; }
        public string? AuthorUserId { get; init; }
    }
}
