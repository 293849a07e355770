using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

public sealed class CommentStore(Database db)
{
    private const string Select = """
        SELECT id, proposal_id, parent_id, regulation_id, author, organization, respondent_type, stance, body, created_at,
               response_decision, response_body, response_by, response_at
        FROM comments
        """;

    public async Task UpsertAsync(DbSession s, Comment comment)
    {
        await s.ExecuteAsync("""
            INSERT INTO comments (id, proposal_id, parent_id, regulation_id, author, organization, respondent_type, stance, body,
                                  created_at, response_decision, response_body, response_by, response_at)
            VALUES (@Id, @ProposalId, @ParentId, @RegulationId, @Author, @Organization, @RespondentType, @Stance, @Body,
                    @CreatedAt, @ResponseDecision, @ResponseBody, @ResponseBy, @ResponseAt)
            ON CONFLICT (id) DO UPDATE SET
                proposal_id = excluded.proposal_id, parent_id = excluded.parent_id, regulation_id = excluded.regulation_id,
                author = excluded.author, organization = excluded.organization, respondent_type = excluded.respondent_type,
                stance = excluded.stance, body = excluded.body, created_at = excluded.created_at,
                response_decision = excluded.response_decision, response_body = excluded.response_body,
                response_by = excluded.response_by, response_at = excluded.response_at
            """, CommentRow.From(comment));
        s.Changed(Entities.Comment, comment.Id);
    }

    /// <summary>Records the drafter's response (tiếp thu, giải trình) to a comment.</summary>
    public async Task<bool> RespondAsync(DbSession s, string id, CommentResponse response)
    {
        var rows = await s.ExecuteAsync("""
            UPDATE comments SET response_decision = @Decision, response_body = @Body, response_by = @By, response_at = @At
            WHERE id = @id
            """, new { id, response.Decision, response.Body, response.By, response.At });
        if (rows > 0) s.Changed(Entities.Comment, id);
        return rows > 0;
    }

    public async Task<Comment?> GetAsync(string id) =>
        (await db.ReadAsync(c => c.QuerySingleOrDefaultAsync<CommentRow>($"{Select} WHERE id = @id", new { id })))?.ToComment();

    /// <summary>All comments of a proposal, oldest first; the caller nests them by <see cref="Comment.ParentId"/>.</summary>
    public async Task<List<Comment>> ListByProposalAsync(string proposalId) =>
        (await db.ReadAsync(c => c.QueryAsync<CommentRow>(
            $"{Select} WHERE proposal_id = @proposalId ORDER BY created_at, id", new { proposalId })))
        .Select(r => r.ToComment()).ToList();

    /// <summary>The proposals the given comments belong to.</summary>
    public Task<List<string>> ProposalIdsOfAsync(IReadOnlyCollection<string> commentIds) =>
        db.ReadAsync(async c => (await c.QueryAsync<string>(
            $"SELECT DISTINCT proposal_id FROM comments WHERE {db.Dialect.In("id", "ids")}", new { ids = commentIds.ToArray() })).ToList());

    public Task<long> CountAsync() => db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM comments"));

    public IAsyncEnumerable<Comment> StreamAsync() =>
        Paging.StreamAsync<CommentRow>(db, $"{Select} WHERE id > @After ORDER BY id LIMIT @Take", r => r.Id,
                batch => Task.FromResult(batch))
            .Select(r => r.ToComment());

    /// <summary>The flat table shape of a comment: the response lives in four nullable columns.</summary>
    private sealed record CommentRow
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
        public DateTimeOffset CreatedAt { get; init; }
        public string? ResponseDecision { get; init; }
        public string? ResponseBody { get; init; }
        public string? ResponseBy { get; init; }
        public DateTimeOffset? ResponseAt { get; init; }

        public static CommentRow From(Comment c) => new()
        {
            Id = c.Id, ProposalId = c.ProposalId, ParentId = c.ParentId, RegulationId = c.RegulationId, Author = c.Author,
            Organization = c.Organization, RespondentType = c.RespondentType, Stance = c.Stance, Body = c.Body,
            CreatedAt = c.CreatedAt, ResponseDecision = c.Response?.Decision, ResponseBody = c.Response?.Body,
            ResponseBy = c.Response?.By, ResponseAt = c.Response?.At,
        };

        public Comment ToComment() => new()
        {
            Id = Id, ProposalId = ProposalId, ParentId = ParentId, RegulationId = RegulationId, Author = Author,
            Organization = Organization, RespondentType = RespondentType, Stance = Stance, Body = Body, CreatedAt = CreatedAt,
            Response = ResponseDecision is null ? null : new CommentResponse
            {
                Decision = ResponseDecision, Body = ResponseBody ?? "", By = ResponseBy ?? "", At = ResponseAt ?? CreatedAt,
            },
        };
    }
}
