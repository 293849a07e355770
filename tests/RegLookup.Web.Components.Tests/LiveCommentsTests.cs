using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Consultations;

namespace RegLookup.Web.Components.Tests;

public sealed class LiveCommentsTests(PortalData data) : PortalComponentTest(data)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Comments_and_responses_written_elsewhere_appear_in_the_live_region_and_a_hidden_one_leaves_it()
    {
        Services.AddComments();
        Renderer.SetRendererInfo(new RendererInfo("Server", true));
        var db = Data.Db;
        var comments = new CommentStore(db);
        var proposalId = "PA-LIVE-" + Guid.NewGuid().ToString("N")[..8];
        await db.WriteAsync(s => new ProposalStore(db).UpsertAsync(s, new Proposal
            { Id = proposalId, Agency = "BCT", Title = "Phương án thử cập nhật trực tiếp", Status = "consultation" }));
        var renderedAt = DateTimeOffset.UtcNow;
        var seq = await new ChangeFeed(db).LatestSeqAsync();
        var cut = Render<LiveComments>(p => p.Add(x => x.ProposalId, proposalId).Add(x => x.AfterSeq, seq).Add(x => x.RenderedAt, renderedAt));
        Assert.Equal("polite", cut.Find(".live-comments").GetAttribute("aria-live"));
        Assert.Equal("on", cut.Find(".live-comments").GetAttribute("data-live"));
        Assert.Empty(cut.FindAll(".live-item"));

        var comment = new Comment
        {
            Id = proposalId + "-c1", ProposalId = proposalId, Author = "Nguyễn Văn Hùng", Organization = "Hiệp hội Xăng dầu Việt Nam",
            RespondentType = "association", Stance = "amend", Body = "Đề nghị **giãn** thời hạn báo cáo.", CreatedAt = renderedAt.AddSeconds(1),
        };
        await db.WriteAsync(s => comments.UpsertAsync(s, comment));
        await Services.GetRequiredService<CommentEvents>().PublishAsync([proposalId]);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".live-item")), Wait);
        var item = cut.Find(".live-item");
        Assert.Contains("Nguyễn Văn Hùng — Hiệp hội Xăng dầu Việt Nam", item.TextContent);
        Assert.Equal("Đề nghị sửa đổi", item.QuerySelector(".chip")!.TextContent);
        Assert.Equal("giãn", item.QuerySelector(".live-body strong")!.TextContent);
        Assert.Contains("Mới có 1 cập nhật", cut.Find("h3").TextContent);

        await db.WriteAsync(s => comments.RespondAsync(s, comment.Id, new CommentResponse
            { Decision = "accepted", Body = "Tiếp thu, sẽ sửa Điều 39.", By = "Vụ Thị trường trong nước", At = renderedAt.AddSeconds(2) }));
        await Services.GetRequiredService<CommentEvents>().PublishAsync([proposalId]);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".live-item").Count), Wait);
        Assert.Contains("Cơ quan soạn thảo đã trả lời ý kiến của Nguyễn Văn Hùng", cut.FindAll(".live-item")[1].TextContent);

        await db.WriteAsync(s => comments.HideAsync(s, comment.Id, new Moderation("Tổ kiểm duyệt", renderedAt.AddSeconds(3), "Trùng lặp")));
        await Services.GetRequiredService<CommentEvents>().PublishAsync([proposalId]);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".live-item")), Wait);
    }

    [Fact]
    public void Rendered_on_the_server_it_is_an_empty_live_region_that_reads_nothing()
    {
        Services.AddComments();
        Renderer.SetRendererInfo(new RendererInfo("Static", false));

        var cut = Render<LiveComments>(p => p.Add(x => x.ProposalId, "PA-BCT-XD-2026-01").Add(x => x.AfterSeq, 0L).Add(x => x.RenderedAt, DateTimeOffset.MinValue));

        Assert.Equal("polite", cut.Find(".live-comments").GetAttribute("aria-live"));
        Assert.Equal("off", cut.Find(".live-comments").GetAttribute("data-live"));
        Assert.Empty(cut.FindAll(".live-item"));
    }
}
