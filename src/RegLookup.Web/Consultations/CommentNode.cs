using Microsoft.Extensions.Caching.Memory;
using RegLookup.Data.Model;

namespace RegLookup.Web.Consultations;

/// <summary>A comment with its replies, its files and what the portal knows of it, for rendering a thread.</summary>
public sealed record CommentNode(Comment Comment, IReadOnlyList<CommentNode> Replies)
{
    /// <summary>The account that wrote it (portal comments only): never rendered, it decides who may edit.</summary>
    public string? AuthorUserId { get; init; }
    public DateTimeOffset? EditedAt { get; init; }
    /// <summary>Set only in a moderator's view: public threads never contain hidden comments.</summary>
    public Moderation? Hidden { get; init; }
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>How many comments this thread holds, this one included.</summary>
    public int Count => 1 + Replies.Sum(r => r.Count);

    /// <summary>Cuts a proposal's threads into screens of at most <paramref name="maxThreads"/> threads and, past the
    /// first thread of a screen, at most <paramref name="maxComments"/> comments: one screen of a long consultation
    /// stays quick to render and read, however the discussion is shaped.</summary>
    public static IReadOnlyList<Range> Screens(IReadOnlyList<CommentNode> threads, int maxThreads, int maxComments)
    {
        var screens = new List<Range>();
        var (start, comments) = (0, 0);
        for (var i = 0; i < threads.Count; i++)
        {
            var count = threads[i].Count;
            if (i > start && (i - start == maxThreads || comments + count > maxComments))
            {
                screens.Add(start..i);
                (start, comments) = (i, 0);
            }
            comments += count;
        }
        if (start < threads.Count) screens.Add(start..threads.Count);
        return screens;
    }

    public static IReadOnlyList<CommentNode> Nest(IReadOnlyList<Comment> comments) =>
        Nest(comments.Select(c => new ThreadComment { Comment = c }).ToList(), []);

    /// <summary>Nests a proposal's comments (oldest first) under their parents; a reply whose parent is missing
    /// stays at the top level rather than disappearing.</summary>
    public static IReadOnlyList<CommentNode> Nest(IReadOnlyList<ThreadComment> comments, IReadOnlyCollection<AttachmentInfo> attachments)
    {
        var ids = comments.Select(c => c.Comment.Id).ToHashSet(StringComparer.Ordinal);
        var children = comments.Where(c => c.Comment.ParentId is not null && ids.Contains(c.Comment.ParentId))
            .ToLookup(c => c.Comment.ParentId!, StringComparer.Ordinal);
        var files = attachments.ToLookup(a => a.CommentId, StringComparer.Ordinal);
        CommentNode Build(ThreadComment c) => new(c.Comment, children[c.Comment.Id].Select(Build).ToList())
        {
            AuthorUserId = c.AuthorUserId, EditedAt = c.EditedAt, Hidden = c.Hidden, Attachments = files[c.Comment.Id].ToList(),
        };
        return comments.Where(c => c.Comment.ParentId is null || !ids.Contains(c.Comment.ParentId)).Select(Build).ToList();
    }
}

/// <summary>
/// Reads a proposal's thread as it is shown: the public's (hidden comments left out) or a moderator's. A thread is
/// kept with the change-feed position it was read at and read again once the feed has moved on: every write to a
/// comment appends to the feed in its own transaction, and a long consultation's page is read far more often than
/// it is written (bench/results/thread.md). The position is global, so every web node agrees on it; it comes back
/// with the thread, so that a page can follow the feed from there.
/// </summary>
public sealed class CommentThreadReader(Data.Stores.CommentStore comments, Data.Stores.AttachmentStore attachments, Data.Stores.ChangeFeed feed)
    : IDisposable
{
    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<(IReadOnlyList<CommentNode> Threads, long Position)> ReadAsync(string proposalId, bool includeHidden)
    {
        // The position before the thread: a thread read after it is at least that new, so a kept one is never older
        // than its position says.
        var position = await feed.LatestSeqAsync();
        var key = (proposalId, includeHidden);
        if (_kept.TryGetValue(key, out (IReadOnlyList<CommentNode> Threads, long Position) kept) && kept.Position == position)
            return kept;
        var thread = await comments.ListThreadAsync(proposalId, includeHidden);
        var threads = CommentNode.Nest(thread, thread.Count == 0 ? [] : await attachments.ListByProposalAsync(proposalId));
        _kept.Set(key, (threads, position), new MemoryCacheEntryOptions { Size = thread.Count + 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return (threads, position);
    }

    public void Dispose() => _kept.Dispose();
}
