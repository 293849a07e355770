using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

/// <summary>
/// Comments in consultation threads. What the public sees (pages, API, exports, feeds) never includes a comment a
/// moderator hid; a visible reply to a hidden comment moves up to its nearest visible ancestor, so that a public
/// thread and an exported dataset stay whole (every parentId they carry points to a comment they contain).
/// </summary>
public sealed class CommentStore(Database db)
{
    private const string Select = """
        SELECT id, proposal_id, parent_id, regulation_id, author, organization, respondent_type, stance, body, created_at,
               response_decision, response_body, response_by, response_at, author_user_id, edited_at, hidden_by, hidden_at, hidden_reason
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

    /// <summary>A comment written on the portal by a signed-in person.</summary>
    public async Task InsertAsync(DbSession s, Comment comment, string authorUserId)
    {
        await s.ExecuteAsync("""
            INSERT INTO comments (id, proposal_id, parent_id, regulation_id, author, organization, respondent_type, stance, body,
                                  created_at, author_user_id)
            VALUES (@Id, @ProposalId, @ParentId, @RegulationId, @Author, @Organization, @RespondentType, @Stance, @Body,
                    @CreatedAt, @AuthorUserId)
            """, CommentRow.From(comment) with { AuthorUserId = authorUserId });
        s.Changed(Entities.Comment, comment.Id);
    }

    /// <summary>The author's correction of their own comment's stance and text.</summary>
    public async Task EditAsync(DbSession s, string id, string stance, string body, DateTimeOffset at)
    {
        await s.ExecuteAsync("UPDATE comments SET stance = @stance, body = @body, edited_at = @at WHERE id = @id",
            new { id, stance, body, at });
        s.Changed(Entities.Comment, id);
    }

    /// <summary>Takes a comment out of public view; the row and its text stay.</summary>
    public async Task HideAsync(DbSession s, string id, Moderation hidden)
    {
        await s.ExecuteAsync("UPDATE comments SET hidden_by = @By, hidden_at = @At, hidden_reason = @Reason WHERE id = @id",
            new { id, hidden.By, hidden.At, hidden.Reason });
        s.Changed(Entities.Comment, id);
    }

    /// <summary>Records a report; false when this person had already reported this comment.</summary>
    public async Task<bool> FlagAsync(DbSession s, CommentFlag flag) =>
        await s.ExecuteAsync("""
            INSERT INTO comment_flags (comment_id, user_id, reason, created_at) VALUES (@CommentId, @UserId, @Reason, @CreatedAt)
            ON CONFLICT (comment_id, user_id) DO NOTHING
            """, flag) > 0;

    /// <summary>The reports on a proposal's comments, oldest first (for moderators).</summary>
    public Task<List<CommentFlag>> ListFlagsAsync(string proposalId) =>
        db.ReadAsync(async c => (await c.QueryAsync<CommentFlag>("""
            SELECT f.comment_id, f.user_id, f.reason, f.created_at FROM comment_flags f JOIN comments c ON c.id = f.comment_id
            WHERE c.proposal_id = @proposalId ORDER BY f.created_at, f.comment_id, f.user_id
            """, new { proposalId })).ToList());

    /// <summary>
    /// How many comments <paramref name="userId"/> wrote since <paramref name="since"/>, counted after locking that
    /// person's throttle row until the transaction ends: a second post by the same person, on any web node, waits for
    /// this one and then counts it.
    /// </summary>
    public async Task<int> CountRecentPostsAsync(DbSession s, string userId, DateTimeOffset since, DateTimeOffset now)
    {
        await s.ExecuteAsync("""
            INSERT INTO comment_throttle (user_id, last_post_at) VALUES (@userId, @now)
            ON CONFLICT (user_id) DO UPDATE SET last_post_at = excluded.last_post_at
            """, new { userId, now });
        return await s.QuerySingleOrDefaultAsync<int>(
            "SELECT COUNT(*) FROM comments WHERE author_user_id = @userId AND created_at > @since", new { userId, since });
    }

    public async Task<Comment?> GetAsync(string id) => (await GetThreadCommentAsync(id))?.Comment;

    /// <summary>One comment, hidden or not, with its author's account and moderation.</summary>
    public async Task<ThreadComment?> GetThreadCommentAsync(string id) =>
        (await db.ReadAsync(c => c.QuerySingleOrDefaultAsync<CommentRow>($"{Select} WHERE id = @id", new { id })))?.ToThreadComment();

    /// <summary>The same, read inside a write transaction.</summary>
    public async Task<ThreadComment?> GetThreadCommentAsync(DbSession s, string id) =>
        (await s.QuerySingleOrDefaultAsync<CommentRow>($"{Select} WHERE id = @id", new { id }))?.ToThreadComment();

    /// <summary>Several comments by id, hidden or not.</summary>
    public async Task<List<ThreadComment>> GetManyAsync(IReadOnlyCollection<string> ids) =>
        ids.Count == 0 ? [] : (await db.ReadAsync(c => c.QueryAsync<CommentRow>(
            $"{Select} WHERE {db.Dialect.In("id", "ids")} ORDER BY created_at, id", new { ids = ids.ToArray() })))
            .Select(r => r.ToThreadComment()).ToList();

    /// <summary>The visible comments of a proposal, oldest first; the caller nests them by <see cref="Comment.ParentId"/>.</summary>
    public async Task<List<Comment>> ListByProposalAsync(string proposalId) =>
        (await ListThreadAsync(proposalId, includeHidden: false)).Select(t => t.Comment).ToList();

    /// <summary>A proposal's thread, oldest first: what the public sees, or (for moderators) every comment as written.</summary>
    public async Task<List<ThreadComment>> ListThreadAsync(string proposalId, bool includeHidden)
    {
        var rows = (await db.ReadAsync(c => c.QueryAsync<CommentRow>(
            $"{Select} WHERE proposal_id = @proposalId ORDER BY created_at, id", new { proposalId }))).ToList();
        if (!includeHidden)
        {
            var hidden = rows.Where(r => r.HiddenAt is not null).ToDictionary(r => r.Id, r => r.ParentId, StringComparer.Ordinal);
            rows = rows.Where(r => r.HiddenAt is null).Select(r => Reparented(r, hidden)).ToList();
        }
        return rows.Select(r => r.ToThreadComment()).ToList();
    }

    /// <summary>The proposals the given comments belong to.</summary>
    public Task<List<string>> ProposalIdsOfAsync(IReadOnlyCollection<string> commentIds) =>
        db.ReadAsync(async c => (await c.QueryAsync<string>(
            $"SELECT DISTINCT proposal_id FROM comments WHERE {db.Dialect.In("id", "ids")}", new { ids = commentIds.ToArray() })).ToList());

    public Task<long> CountAsync() => db.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM comments"));

    /// <summary>Every visible comment in id order (exports); hidden ones are left out, their replies moved up.</summary>
    public async IAsyncEnumerable<Comment> StreamAsync()
    {
        var hidden = (await db.ReadAsync(c => c.QueryAsync<(string Id, string? ParentId)>(
            "SELECT id, parent_id FROM comments WHERE hidden_at IS NOT NULL"))).ToDictionary(h => h.Id, h => h.ParentId, StringComparer.Ordinal);
        await foreach (var row in Paging.StreamAsync<CommentRow>(db, $"{Select} WHERE hidden_at IS NULL AND id > @After ORDER BY id LIMIT @Take",
                           r => r.Id, batch => Task.FromResult(batch)))
            yield return Reparented(row, hidden).ToComment();
    }

    private static CommentRow Reparented(CommentRow row, IReadOnlyDictionary<string, string?> hiddenParents)
    {
        var parent = row.ParentId;
        while (parent is not null && hiddenParents.TryGetValue(parent, out var up)) parent = up;
        return parent == row.ParentId ? row : row with { ParentId = parent };
    }

    /// <summary>The flat table shape of a comment: the response lives in four nullable columns, moderation in three.</summary>
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
        public string? AuthorUserId { get; init; }
        public DateTimeOffset? EditedAt { get; init; }
        public string? HiddenBy { get; init; }
        public DateTimeOffset? HiddenAt { get; init; }
        public string? HiddenReason { get; init; }

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

        public ThreadComment ToThreadComment() => new()
        {
            Comment = ToComment(), AuthorUserId = AuthorUserId, EditedAt = EditedAt,
            Hidden = HiddenAt is { } at ? new Moderation(HiddenBy ?? "", at, HiddenReason ?? "") : null,
        };
    }
}
