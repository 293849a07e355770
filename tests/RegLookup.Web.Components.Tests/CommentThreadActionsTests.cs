using Microsoft.AspNetCore.Components;
using RegLookup.Data.Model;
using RegLookup.Web.Consultations;

namespace RegLookup.Web.Components.Tests;

/// <summary>The thread as a signed-in reader, an author and a moderator see it, and how deep threads render.</summary>
public sealed class CommentThreadActionsTests(PortalData data) : PortalComponentTest(data)
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_signed_in_reader_gets_reply_and_report_links_that_work_without_script_but_no_edit_of_others()
    {
        var nodes = CommentNode.Nest([Thread("c-1", null, "u-author"), Thread("c-2", "c-1", "u-reader")], []);

        var cut = RenderThread(nodes, Context(userId: "u-reader", canEdit: n => n.AuthorUserId == "u-reader"));

        Assert.Equal("/proposals/PA-1?threads=2&reply=c-1#form-c-1", cut.Find("#c-1 .comment-actions a").GetAttribute("href"));
        Assert.Equal(["Trả lời", "Báo cáo vi phạm"], cut.FindAll("#c-1 .comment-actions a").Select(a => a.TextContent));
        Assert.Equal(["Trả lời", "Sửa"], cut.FindAll("#c-2 .comment-actions a").Select(a => a.TextContent)); // one's own: edit, not report
        Assert.Empty(cut.FindAll("a[href*='hide=']"));
    }

    [Fact]
    public void Without_a_context_or_when_closed_the_thread_offers_no_reply()
    {
        var nodes = CommentNode.Nest([Thread("c-1", null, "u-author")], []);

        Assert.Empty(RenderThread(nodes, null).FindAll(".comment-actions"));
        Assert.Empty(RenderThread(nodes, Context(userId: "u-reader") with { Open = false }).FindAll("a[href*='reply=']"));
        Assert.Equal("/account/login?ReturnUrl=x", RenderThread(nodes, Context(userId: null)).Find(".comment-actions a").GetAttribute("href"));
    }

    [Fact]
    public void A_moderator_sees_a_hidden_comment_with_its_reason_and_the_reports_and_may_hide_the_others()
    {
        var hidden = Thread("c-1", null, "u-author") with { Hidden = new Moderation("Tổ kiểm duyệt", At, "Ngôn từ xúc phạm") };
        var nodes = CommentNode.Nest([hidden, Thread("c-2", null, "u-author")], []);
        var flags = new Dictionary<string, List<CommentFlag>>
        {
            ["c-2"] = [new() { CommentId = "c-2", UserId = "u-1", Reason = "Quảng cáo" }, new() { CommentId = "c-2", UserId = "u-2", Reason = "Spam" }],
        };

        var cut = RenderThread(nodes, Context(userId: "u-mod") with { Moderator = true, Flags = flags });

        Assert.Contains("comment-hidden", cut.Find("#c-1").ClassList);
        Assert.Equal("Đã bị ẩn bởi Tổ kiểm duyệt lúc 20/11/2026 09:00. Lý do: Ngôn từ xúc phạm", cut.Find("#c-1 .hidden-note").TextContent);
        Assert.Empty(cut.FindAll("#c-1 a[href*='hide=']"));
        Assert.Single(cut.FindAll("#c-2 a[href*='hide=c-2']"));
        Assert.Equal("Bị báo cáo 2 lần: Quảng cáo; Spam", cut.Find("#c-2 .flags-note").TextContent);
    }

    [Fact]
    public void Replies_stop_indenting_after_four_levels_and_say_whom_they_answer()
    {
        var chain = Enumerable.Range(1, 7).Select(i => Thread($"c-{i}", i == 1 ? null : $"c-{i - 1}", null, $"Người {i}")).ToList();

        var cut = RenderThread(CommentNode.Nest(chain, []), null);

        var lists = cut.FindAll("ul.thread");
        Assert.Equal(7, lists.Count);
        Assert.Equal([false, false, false, false, false, true, true], lists.Select(l => l.ClassList.Contains("thread-flat")));
        Assert.Empty(cut.FindAll("#c-5 .reply-to"));
        Assert.Equal("trả lời Người 5", cut.Find("#c-6 .reply-to").TextContent);
        Assert.Equal("trả lời Người 6", cut.Find("#c-7 .reply-to").TextContent);
    }

    [Fact]
    public void The_open_form_renders_under_its_comment_and_files_are_listed_as_downloads()
    {
        var file = new AttachmentInfo
        {
            Id = "a-1-1", CommentId = "c-2", FileName = "Văn bản góp ý.pdf", ContentType = AttachmentRules.Pdf, SizeBytes = 2_400_000, Sha256 = "x",
        };
        var nodes = CommentNode.Nest([Thread("c-1", null, "u-author"), Thread("c-2", null, "u-author")], [file]);
        RenderFragment<CommentNode> form = node => b => b.AddMarkupContent(0, $"<form class=\"probe\">{node.Comment.Id}</form>");

        var cut = RenderThread(nodes, Context(userId: "u-reader") with { ActiveId = "c-2", Form = form });

        Assert.Equal("c-2", cut.Find("#form-c-2 form.probe").TextContent);
        Assert.Single(cut.FindAll("form.probe"));
        var link = cut.Find("#c-2 .attachments a");
        Assert.Equal(("/attachments/a-1-1", "Văn bản góp ý.pdf"), (link.GetAttribute("href"), link.TextContent));
        Assert.Equal("(PDF, 2,3 MB)", cut.Find("#c-2 .attachments .meta").TextContent);
    }

    private IRenderedComponent<CommentThread> RenderThread(IReadOnlyList<CommentNode> nodes, ThreadContext? context) =>
        Render<CommentThread>(p => p.Add(x => x.Nodes, nodes).Add(x => x.Context, context));

    private static ThreadContext Context(string? userId, Func<CommentNode, bool>? canEdit = null) => new()
    {
        PageLink = "/proposals/PA-1?threads=2", SignInLink = "/account/login?ReturnUrl=x", Open = true, UserId = userId,
        CanEdit = canEdit ?? (_ => false),
    };

    private static ThreadComment Thread(string id, string? parent, string? userId, string author = "Nguyễn Văn Hùng") => new()
    {
        Comment = new Comment
        {
            Id = id, ProposalId = "PA-1", ParentId = parent, Author = author, RespondentType = "individual", Stance = "support",
            Body = $"Nội dung {id}", CreatedAt = At,
        },
        AuthorUserId = userId,
    };
}
