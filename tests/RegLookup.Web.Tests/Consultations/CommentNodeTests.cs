using RegLookup.Data.Model;
using RegLookup.Web.Consultations;

namespace RegLookup.Web.Tests.Consultations;

public class CommentNodeTests
{
    [Fact]
    public void Screens_hold_at_most_twenty_threads_and_sixty_comments_but_never_split_a_thread()
    {
        // Thread sizes: 25 threads of 1, then one of 70, then 30 of 2.
        var sizes = Enumerable.Repeat(1, 25).Append(70).Concat(Enumerable.Repeat(2, 30)).ToList();
        var threads = sizes.Select((n, i) => Node($"t{i}", n)).ToList();

        var screens = CommentNode.Screens(threads, 20, 60);

        Assert.Equal([0..20, 20..25, 25..26, 26..46, 46..56], screens);
        Assert.Equal(70, threads[25].Count);
    }

    [Fact]
    public void No_threads_make_no_screens() => Assert.Empty(CommentNode.Screens([], 20, 60));

    private static CommentNode Node(string id, int count) =>
        new(Comment(id), Enumerable.Range(1, count - 1).Select(i => new CommentNode(Comment($"{id}-{i}"), [])).ToList());

    private static Comment Comment(string id) => new()
    {
        Id = id, ProposalId = "PA-1", Author = "Ẩn danh", RespondentType = "individual", Stance = "neutral", Body = "…", CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
