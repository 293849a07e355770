namespace RegLookup.Data.Model;

/// <summary>
/// A comment with what the portal knows beyond the interchange format: the account that wrote it (portal comments
/// only), when it was last edited, and a moderator's hiding. The account id stays on the server: it decides who may
/// edit and whom a reply notifies, and is never shown.
/// </summary>
public sealed record ThreadComment
{
    public required Comment Comment { get; init; }
    public string? AuthorUserId { get; init; }
    public DateTimeOffset? EditedAt { get; init; }
    public Moderation? Hidden { get; init; }
}

/// <summary>A moderator hid a comment: kept, never deleted, shown to moderators with the reason.</summary>
public sealed record Moderation(string By, DateTimeOffset At, string Reason);

/// <summary>Someone reported a comment to the moderators (once per person and comment).</summary>
public sealed record CommentFlag
{
    public required string CommentId { get; init; }
    public required string UserId { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A file attached to a comment (an association's position paper), without its content.</summary>
public sealed record AttachmentInfo
{
    public required string Id { get; init; }
    public required string CommentId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An attachment with its bytes, and whether its comment is hidden (then only moderators may fetch it).</summary>
public sealed record AttachmentFile(AttachmentInfo Info, byte[] Content, bool CommentHidden);
