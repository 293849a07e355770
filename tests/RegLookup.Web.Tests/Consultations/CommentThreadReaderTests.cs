using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Consultations;

namespace RegLookup.Web.Tests.Consultations;

public class CommentThreadReaderTests
{
    private const string ProposalId = "PA-BCT-XD-2026-01";

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_kept_thread_is_reused_until_a_comment_is_written_hidden_or_answered(DbEngine engine)
    {
        await using var portal = await PortalFactory.CreateAsync(engine);
        await portal.ReadyClientAsync();
        var reader = portal.Services.GetRequiredService<CommentThreadReader>();
        var db = portal.Services.GetRequiredService<Database>();
        var comments = portal.Services.GetRequiredService<CommentStore>();
        static List<string> Ids(IEnumerable<CommentNode> nodes) =>
            nodes.SelectMany(n => Ids(n.Replies).Prepend(n.Comment.Id)).Order(StringComparer.Ordinal).ToList();

        var first = (await reader.ReadAsync(ProposalId, includeHidden: false)).Threads;
        Assert.Same(first, (await reader.ReadAsync(ProposalId, includeHidden: false)).Threads);

        await db.WriteAsync(s => comments.UpsertAsync(s, new Comment
        {
            Id = "c-kept-1", ProposalId = ProposalId, Author = "Hiệp hội Xăng dầu Việt Nam", RespondentType = "association",
            Stance = "support", Body = "Ủng hộ bãi bỏ yêu cầu cầu cảng chuyên dụng.", CreatedAt = DateTimeOffset.UtcNow,
        }));
        var written = (await reader.ReadAsync(ProposalId, includeHidden: false)).Threads;
        Assert.Equal([.. Ids(first), "c-kept-1"], Ids(written));

        await db.WriteAsync(s => comments.HideAsync(s, "c-kept-1", new Moderation("moderator", DateTimeOffset.UtcNow, "Trùng lặp")));
        Assert.Equal(Ids(first), Ids((await reader.ReadAsync(ProposalId, includeHidden: false)).Threads));
        Assert.Contains("c-kept-1", Ids((await reader.ReadAsync(ProposalId, includeHidden: true)).Threads));

        var answered = Ids(first)[0];
        await db.WriteAsync(s => comments.RespondAsync(s, answered,
            new CommentResponse { Decision = "accepted", Body = "Tiếp thu, sẽ sửa Điều 7.", By = "Vụ Thị trường trong nước", At = DateTimeOffset.UtcNow }));
        var after = (await reader.ReadAsync(ProposalId, includeHidden: false)).Threads;
        Assert.Equal("Tiếp thu, sẽ sửa Điều 7.", Find(after, answered)!.Comment.Response!.Body);
    }

    private static CommentNode? Find(IEnumerable<CommentNode> nodes, string id) =>
        nodes.Select(n => n.Comment.Id == id ? n : Find(n.Replies, id)).FirstOrDefault(n => n is not null);
}
