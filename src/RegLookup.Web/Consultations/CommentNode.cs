using RegLookup.Data.Model;

namespace RegLookup.Web.Consultations;

/// <summary>A comment with its replies, for rendering a thread.</summary>
public sealed record CommentNode(Comment Comment, IReadOnlyList<CommentNode> Replies)
{
    /// <summary>Nests a proposal's comments (oldest first) under their parents; a reply whose parent is missing
    /// stays at the top level rather than disappearing.</summary>
    public static IReadOnlyList<CommentNode> Nest(IReadOnlyList<Comment> comments)
    {
        var ids = comments.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var children = comments.Where(c => c.ParentId is not null && ids.Contains(c.ParentId))
            .ToLookup(c => c.ParentId!, StringComparer.Ordinal);
        CommentNode Build(Comment c) => new(c, children[c.Id].Select(Build).ToList());
        return comments.Where(c => c.ParentId is null || !ids.Contains(c.ParentId)).Select(Build).ToList();
    }
}
