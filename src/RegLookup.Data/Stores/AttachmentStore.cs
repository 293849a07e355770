using Dapper;
using RegLookup.Data.Model;

namespace RegLookup.Data.Stores;

/// <summary>Files attached to comments, kept in the database so that every web node can serve them.</summary>
public sealed class AttachmentStore(Database db)
{
    private const string Columns = "a.id, a.comment_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.created_at";

    public Task AddAsync(DbSession s, AttachmentInfo info, byte[] content) => s.ExecuteAsync("""
        INSERT INTO attachments (id, comment_id, file_name, content_type, size_bytes, sha256, content, created_at)
        VALUES (@Id, @CommentId, @FileName, @ContentType, @SizeBytes, @Sha256, @content, @CreatedAt)
        """, new { info.Id, info.CommentId, info.FileName, info.ContentType, info.SizeBytes, info.Sha256, content, info.CreatedAt });

    /// <summary>The attachments of every comment of a proposal in the order attached (hidden comments' too: the caller
    /// shows what it may).</summary>
    public Task<List<AttachmentInfo>> ListByProposalAsync(string proposalId) =>
        db.ReadAsync(async c => (await c.QueryAsync<AttachmentInfo>($"""
            SELECT {Columns} FROM attachments a JOIN comments c ON c.id = a.comment_id
            WHERE c.proposal_id = @proposalId ORDER BY a.comment_id, a.id
            """, new { proposalId })).ToList());

    public Task<AttachmentFile?> GetAsync(string id) =>
        db.ReadAsync(async c => (await c.QueryAsync<AttachmentInfo, FileExtras, AttachmentFile>($"""
                SELECT {Columns}, a.content, c.hidden_at FROM attachments a JOIN comments c ON c.id = a.comment_id WHERE a.id = @id
                """, (info, extras) => new AttachmentFile(info, extras.Content, extras.HiddenAt is not null),
                new { id }, splitOn: "content")).SingleOrDefault());

    /// <summary>What a download needs beyond <see cref="AttachmentInfo"/>: the bytes and whether the comment is hidden.</summary>
    private sealed record FileExtras
    {
        public required byte[] Content { get; init; }
        public DateTimeOffset? HiddenAt { get; init; }
    }
}
