using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Consultations;

/// <summary>What a person typed into a comment or reply form.</summary>
public sealed record CommentDraft
{
    public required string ProposalId { get; init; }
    public string? ParentId { get; init; }
    /// <summary>The target regulation spoken to (a top-level comment only; a reply speaks to its parent's).</summary>
    public string? RegulationId { get; init; }
    public string? Stance { get; init; }
    public string? Body { get; init; }
    /// <summary>An individual may publish as "Ẩn danh"; an organisation's name is always public.</summary>
    public bool Anonymous { get; init; }
    public IReadOnlyList<UploadedFile> Files { get; init; } = [];
}

/// <summary>What became of a write: the comment it concerns, or the message that says why nothing changed.</summary>
public sealed record CommentResult(string? CommentId, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// The rules of writing in a consultation thread: post and reply while the window is open, edit one's own comment
/// for 15 minutes, report a comment once, hide one as a moderator. Every bad input gets a message in the reader's
/// language and changes nothing; every accepted write is one transaction with its audit entry and notifications.
/// </summary>
public sealed class CommentService(Database db, CommentStore comments, AttachmentStore attachments, ProposalStore proposals,
    UserStore users, AuditLog audit, Notifier notifier, TimeProvider time, IStringLocalizer<Messages> text)
{
    public const int MaxBodyLength = 10_000;
    public const int MaxReasonLength = 1_000;
    public const int PostsPerWindow = 5;
    public const string AnonymousName = "Ẩn danh";
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);
    public static readonly IReadOnlyList<string> Stances = ["support", "oppose", "amend", "neutral"];

    public DateTimeOffset Now => time.GetUtcNow();

    public bool IsOpen(Proposal proposal) => ProposalEndpoints.IsOpen(proposal, ProposalEndpoints.DayOf(Now));

    /// <summary>May this person still correct this comment (their own, visible, written under 15 minutes ago)?</summary>
    public bool CanEdit(CommentNode node, string? userId) =>
        userId is not null && node.AuthorUserId == userId && node.Hidden is null && Now - node.Comment.CreatedAt <= EditWindow;

    public async Task<CommentResult> PostAsync(ClaimsPrincipal user, CommentDraft draft)
    {
        if (Permissions.UserIdOf(user) is not { } userId || !Permissions.Can(user, PortalAction.Comment)
            || await users.FindByIdAsync(userId) is not { } author)
            return Fail("Comments.SignInRequired");
        if (await proposals.GetAsync(draft.ProposalId) is not { } proposal) return Fail("Comments.ProposalNotFound");
        if (!IsOpen(proposal)) return Fail("Comments.Closed");
        if (CheckText(draft.Stance, draft.Body) is { } textError) return textError;
        if (draft.ParentId is null && draft.RegulationId is { Length: > 0 } target && proposal.Targets.All(t => t.RegulationId != target))
            return Fail("Comments.NotATarget", target);
        if (draft.Anonymous && author.RespondentType != "individual") return Fail("Comments.AnonymousIndividualsOnly");
        var (files, fileError) = await ReadFilesAsync(draft.Files);
        if (fileError is not null) return fileError;

        var now = Now;
        await using var s = await db.BeginAsync();
        if (await comments.CountRecentPostsAsync(s, userId, now - RateWindow, now) >= PostsPerWindow)
            return Fail("Comments.TooMany", PostsPerWindow);
        ThreadComment? parent = null;
        if (draft.ParentId is not null)
        {
            parent = await comments.GetThreadCommentAsync(s, draft.ParentId);
            if (parent is null || parent.Hidden is not null) return Fail("Comments.ParentNotFound");
            if (parent.Comment.ProposalId != proposal.Id) return Fail("Comments.ParentElsewhere");
        }
        var comment = new Comment
        {
            Id = NewId("c"), ProposalId = proposal.Id, ParentId = parent?.Comment.Id,
            RegulationId = parent is not null ? parent.Comment.RegulationId : draft.RegulationId is { Length: > 0 } r ? r : null,
            Author = draft.Anonymous ? AnonymousName : author.DisplayName,
            Organization = draft.Anonymous ? null : author.Organization,
            RespondentType = author.RespondentType, Stance = draft.Stance!, Body = draft.Body!.Trim(), CreatedAt = now,
        };
        await comments.InsertAsync(s, comment, userId);
        // Numbered after their comment, so that they list in the order they were attached.
        var stored = files.Select((f, i) => (Info: new AttachmentInfo
        {
            Id = $"a{comment.Id[1..]}-{i + 1}", CommentId = comment.Id, FileName = AttachmentRules.SafeName(f.Name, f.ContentType), ContentType = f.ContentType,
            SizeBytes = f.Content.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)), CreatedAt = now,
        }, f.Content)).ToList();
        foreach (var (info, content) in stored) await attachments.AddAsync(s, info, content);
        await audit.AppendAsync(s, Actor.Of(user), parent is null ? "comment.post" : "comment.reply", Entities.Comment, comment.Id, null,
            new { comment, attachments = stored.Select(f => f.Info) });
        await notifier.CommentPostedAsync(s, comment, proposal, userId, parent?.AuthorUserId);
        await s.CommitAsync();
        return new CommentResult(comment.Id, null);
    }

    public async Task<CommentResult> EditAsync(ClaimsPrincipal user, string commentId, string? stance, string? body)
    {
        if (Permissions.UserIdOf(user) is not { } userId) return Fail("Comments.SignInRequired");
        if (CheckText(stance, body) is { } textError) return textError;
        await using var s = await db.BeginAsync();
        var found = await comments.GetThreadCommentAsync(s, commentId);
        if (found is null || found.Hidden is not null) return Fail("Comments.NotFound");
        if (found.AuthorUserId != userId) return Fail("Comments.NotYours");
        if (Now - found.Comment.CreatedAt > EditWindow) return Fail("Comments.EditTooLate", (int)EditWindow.TotalMinutes);
        if (await proposals.GetAsync(found.Comment.ProposalId) is not { } proposal || !IsOpen(proposal)) return Fail("Comments.Closed");
        var edited = found.Comment with { Stance = stance!, Body = body!.Trim() };
        await comments.EditAsync(s, commentId, edited.Stance, edited.Body, Now);
        await audit.AppendAsync(s, Actor.Of(user), "comment.edit", Entities.Comment, commentId, found.Comment, edited);
        await s.CommitAsync();
        return new CommentResult(commentId, null);
    }

    /// <summary>Reports a comment to the moderators, once per person.</summary>
    public async Task<CommentResult> FlagAsync(ClaimsPrincipal user, string commentId, string? reason)
    {
        if (Permissions.UserIdOf(user) is not { } userId || !Permissions.Can(user, PortalAction.FlagComment)) return Fail("Comments.SignInRequired");
        if (CheckReason(reason) is { } reasonError) return reasonError;
        await using var s = await db.BeginAsync();
        var found = await comments.GetThreadCommentAsync(s, commentId);
        if (found is null || found.Hidden is not null) return Fail("Comments.NotFound");
        var flag = new CommentFlag { CommentId = commentId, UserId = userId, Reason = reason!.Trim(), CreatedAt = Now };
        if (!await comments.FlagAsync(s, flag)) return Fail("Comments.AlreadyFlagged");
        await audit.AppendAsync(s, Actor.Of(user), "comment.flag", Entities.Comment, commentId, null, new { flag.Reason });
        await s.CommitAsync();
        return new CommentResult(commentId, null);
    }

    /// <summary>A moderator takes a comment out of public view, with a reason; nothing is deleted.</summary>
    public async Task<CommentResult> HideAsync(ClaimsPrincipal user, string commentId, string? reason)
    {
        if (!Permissions.Can(user, PortalAction.Moderate)) return Fail("Comments.ModeratorsOnly");
        if (CheckReason(reason) is { } reasonError) return reasonError;
        await using var s = await db.BeginAsync();
        var found = await comments.GetThreadCommentAsync(s, commentId);
        if (found is null) return Fail("Comments.NotFound");
        if (found.Hidden is not null) return Fail("Comments.AlreadyHidden");
        var hidden = new Moderation(Permissions.DisplayNameOf(user) ?? Actor.Of(user), Now, reason!.Trim());
        await comments.HideAsync(s, commentId, hidden);
        await audit.AppendAsync(s, Actor.Of(user), "comment.hide", Entities.Comment, commentId, found.Comment, new { found.Comment, hidden });
        await s.CommitAsync();
        return new CommentResult(commentId, null);
    }

    private CommentResult? CheckText(string? stance, string? body)
    {
        if (stance is null || !Stances.Contains(stance)) return Fail("Comments.StanceRequired");
        if (string.IsNullOrWhiteSpace(body)) return Fail("Comments.BodyRequired");
        return body.Trim().Length > MaxBodyLength ? Fail("Comments.BodyTooLong", MaxBodyLength, body.Trim().Length) : null;
    }

    private CommentResult? CheckReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Fail("Comments.ReasonRequired");
        return reason.Trim().Length > MaxReasonLength ? Fail("Comments.ReasonTooLong", MaxReasonLength) : null;
    }

    private sealed record CheckedFile(string Name, string ContentType, byte[] Content);

    /// <summary>Checks count and sizes before reading anything, then each file's content.</summary>
    private async Task<(List<CheckedFile> Files, CommentResult? Error)> ReadFilesAsync(IReadOnlyList<UploadedFile> uploads)
    {
        var present = uploads.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (present.Count > AttachmentRules.MaxFiles) return ([], Fail("Comments.TooManyFiles", AttachmentRules.MaxFiles, present.Count));
        if (present.FirstOrDefault(f => f.Length > AttachmentRules.MaxBytes) is { } large)
            return ([], Fail("Comments.FileTooLarge", large.FileName, AttachmentRules.MaxBytes / (1024 * 1024)));
        var files = new List<CheckedFile>();
        foreach (var upload in present)
        {
            using var buffer = new MemoryStream((int)upload.Length);
            await using (var stream = upload.OpenReadStream()) await stream.CopyToAsync(buffer);
            var content = buffer.ToArray();
            if (content.Length == 0) return ([], Fail("Comments.FileEmpty", upload.FileName));
            if (AttachmentRules.Detect(content) is not { } type) return ([], Fail("Comments.FileType", upload.FileName));
            files.Add(new CheckedFile(upload.FileName, type, content));
        }
        return (files, null);
    }

    private CommentResult Fail(string key, params object[] args) => new(null, text[key, args]);

    /// <summary>Ids that sort in the order they were made and never collide across web nodes.</summary>
    private static string NewId(string prefix) => $"{prefix}-{Guid.CreateVersion7():N}";
}
