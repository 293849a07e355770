using Microsoft.AspNetCore.Components;
using RegLookup.Data.Model;

namespace RegLookup.Web.Consultations;

/// <summary>
/// What a thread needs to offer its reader actions: who reads it, whether the window is open, and the one form open
/// under one comment (chosen by the URL, e.g. <c>?reply=c-1</c>, so every action works without script). A thread
/// rendered without a context is read-only.
/// </summary>
public sealed record ThreadContext
{
    /// <summary>The page link the action links extend, e.g. <c>/proposals/PA-1?threads=2</c>.</summary>
    public required string PageLink { get; init; }
    public required string SignInLink { get; init; }
    public bool Open { get; init; }
    public string? UserId { get; init; }
    public bool Moderator { get; init; }
    public Func<CommentNode, bool> CanEdit { get; init; } = _ => false;
    public IReadOnlyDictionary<string, List<CommentFlag>> Flags { get; init; } = new Dictionary<string, List<CommentFlag>>();
    /// <summary>The comment under which <see cref="Form"/> is rendered.</summary>
    public string? ActiveId { get; init; }
    public RenderFragment<CommentNode>? Form { get; init; }

    public bool SignedIn => UserId is not null;

    public string Link(string action, string commentId) =>
        $"{PageLink}{(PageLink.Contains('?') ? '&' : '?')}{action}={Uri.EscapeDataString(commentId)}#form-{commentId}";
}

/// <summary>What a comment form posts (one shape for the new-comment, reply, edit, report and hide forms).</summary>
public sealed class CommentInput
{
    public string? Stance { get; set; }
    public string? Body { get; set; }
    public string? RegulationId { get; set; }
    public bool Anonymous { get; set; }
    public string? Reason { get; set; }
    public Microsoft.AspNetCore.Http.IFormFileCollection? Files { get; set; }

    public IReadOnlyList<UploadedFile> Uploads =>
        Files?.Where(f => f.Length > 0 || f.FileName.Length > 0).Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList() ?? [];
}
