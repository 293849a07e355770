using System.IO.Compression;
using System.Net;
using System.Text.Json;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Consultations;
using RegLookup.Web.Tests.Accounts;
using static RegLookup.Web.Tests.Consultations.CommentPortal;

namespace RegLookup.Web.Tests.Consultations;

public class CommentWritingTests
{
    private const string Page = $"/proposals/{OpenId}";

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_member_comments_on_a_target_and_an_individual_replies_anonymously_without_personal_data_shown(DbEngine engine)
    {
        await using var portal = await CommentPortal.CreateAsync(engine);
        var member = await PortalUsers.SignInAsync(portal.Factory, MemberEmail);

        var posted = await SubmitAsync(member, Page, "comment-new", new()
        {
            ["Comment.Stance"] = "amend", ["Comment.RegulationId"] = "BCT-XD-0003",
            ["Comment.Body"] = "Đề nghị **giảm tần suất** báo cáo xuống hằng quý. <script>alert('x')</script>",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.Contains($"{Page}?comment=c-", location);
        var commentId = location[(location.IndexOf("comment=", StringComparison.Ordinal) + 8)..location.IndexOf('&')];

        var individual = await PortalUsers.SignInAsync(portal.Factory, IndividualEmail);
        var replied = await SubmitAsync(individual, $"{Page}?reply={commentId}", "comment-reply", new()
        {
            ["Comment.Stance"] = "oppose", ["Comment.Body"] = "Báo cáo hằng tháng vẫn cần thiết.", ["Comment.Anonymous"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);

        var thread = await new CommentStore(portal.Db).ListThreadAsync(OpenId, includeHidden: false);
        Assert.Equal(2, thread.Count);
        var (comment, reply) = (thread[0], thread[1]);
        Assert.Equal(("Phạm Quốc Bảo", "Hiệp hội Xăng dầu Việt Nam", "association", "BCT-XD-0003"),
            (comment.Comment.Author, comment.Comment.Organization, comment.Comment.RespondentType, comment.Comment.RegulationId));
        Assert.Equal((commentId, "Ẩn danh", (string?)null, "individual", "BCT-XD-0003"),
            (reply.Comment.ParentId, reply.Comment.Author, reply.Comment.Organization, reply.Comment.RespondentType, reply.Comment.RegulationId));

        var html = await portal.Factory.CreateClient().GetStringAsync(Page);
        var api = await portal.Factory.CreateClient().GetStringAsync($"/api/proposals/{OpenId}/comments");
        Assert.Contains("<strong>giảm tần suất</strong>", html);
        Assert.Contains("Hiệp hội Xăng dầu Việt Nam", html);
        Assert.Contains("Ẩn danh", html);
        Assert.DoesNotContain("<script>alert", html);
        foreach (var secret in new[] { MemberEmail, MemberTaxCode, "0912345678", IndividualEmail, "Lê Thị An", portal.Member.Id, portal.Individual.Id })
        {
            Assert.DoesNotContain(secret, html);
            Assert.DoesNotContain(secret, api);
        }
        var nested = JsonDocument.Parse(api).RootElement;
        Assert.Equal(commentId, nested[0].GetProperty("replies")[0].GetProperty("parentId").GetString());

        var audit = await new AuditLog(portal.Db).ListForAsync(Entities.Comment, reply.Comment.Id);
        Assert.Equal(("comment.reply", $"user:{portal.Individual.Id}"), (audit.Single().Action, audit.Single().Actor));
        var told = await new NotificationStore(portal.Db, new AuditLog(portal.Db)).ListAsync(portal.Member.Id);
        Assert.Equal(("reply", reply.Comment.Id), (told.Single().Kind, told.Single().EntityId));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Bad_comments_are_refused_with_a_message_and_change_nothing(DbEngine engine)
    {
        await using var portal = await CommentPortal.CreateAsync(engine);
        var member = await PortalUsers.SignInAsync(portal.Factory, MemberEmail);
        var before = await portal.CountCommentsAsync();

        async Task<string> RefusedAsync(Dictionary<string, string> fields)
        {
            var response = await SubmitAsync(member, Page, "comment-new", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await ErrorOfAsync(response);
        }

        Assert.Contains("chọn quan điểm", await RefusedAsync(new() { ["Comment.Body"] = "Thiếu quan điểm" }));
        Assert.Contains("nhập nội dung", await RefusedAsync(new() { ["Comment.Stance"] = "support", ["Comment.Body"] = "   " }));
        Assert.Equal("Nội dung góp ý dài tối đa 10000 ký tự (hiện có 10001).",
            await RefusedAsync(new() { ["Comment.Stance"] = "support", ["Comment.Body"] = new string('a', 10_001) }));
        Assert.Contains("Quy định BYT-TP-0001 không thuộc phương án này",
            await RefusedAsync(new() { ["Comment.Stance"] = "support", ["Comment.Body"] = "Sai quy định", ["Comment.RegulationId"] = "BYT-TP-0001" }));
        Assert.Contains("Chỉ cá nhân mới được gửi ý kiến ẩn danh",
            await RefusedAsync(new() { ["Comment.Stance"] = "support", ["Comment.Body"] = "Ẩn tên hiệp hội", ["Comment.Anonymous"] = "true" }));

        var closed = await portal.Service().PostAsync(await portal.PrincipalAsync(portal.Member),
            new CommentDraft { ProposalId = ClosedId, Stance = "support", Body = "Quá hạn" });
        Assert.Equal("Phương án không trong thời gian lấy ý kiến nên không nhận ý kiến mới.", closed.Error);
        var closedPage = await member.GetStringAsync($"/proposals/{ClosedId}");
        Assert.Contains("Đã hết thời gian lấy ý kiến", closedPage);
        Assert.DoesNotContain("name=\"Comment.Body\"", closedPage);

        var elsewhere = await portal.Service().PostAsync(await portal.PrincipalAsync(portal.Member),
            new CommentDraft { ProposalId = OpenId, ParentId = "c-0004", Stance = "support", Body = "Trả lời nhầm phương án" });
        Assert.Equal("Ý kiến được trả lời thuộc một phương án khác.", elsewhere.Error);

        Assert.Equal(before, await portal.CountCommentsAsync());
        var anonymousReader = await portal.Factory.CreateClient().GetStringAsync(Page);
        Assert.Contains("Đăng nhập để góp ý", anonymousReader);
        Assert.DoesNotContain("name=\"Comment.Body\"", anonymousReader);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_author_edits_within_15_minutes_and_not_after(DbEngine engine)
    {
        await using var portal = await CommentPortal.CreateAsync(engine);
        var time = FakeTime.StartingNow();
        var id = await portal.PostAsync(portal.Member, new CommentDraft { ProposalId = OpenId, Stance = "support", Body = "Bản đầu" }, time);
        var service = portal.Service(time);

        time.Now += TimeSpan.FromMinutes(14);
        Assert.True((await service.EditAsync(await portal.PrincipalAsync(portal.Member), id, "amend", "Bản đã sửa")).Succeeded);
        Assert.Equal("Bạn chỉ có thể sửa ý kiến của chính mình.",
            (await service.EditAsync(await portal.PrincipalAsync(portal.Individual), id, "oppose", "Sửa hộ")).Error);
        time.Now += TimeSpan.FromMinutes(2);
        Assert.Equal("Chỉ sửa được ý kiến trong 15 phút sau khi gửi.",
            (await service.EditAsync(await portal.PrincipalAsync(portal.Member), id, "oppose", "Quá muộn")).Error);

        var stored = (await new CommentStore(portal.Db).GetThreadCommentAsync(id))!;
        Assert.Equal(("amend", "Bản đã sửa"), (stored.Comment.Stance, stored.Comment.Body));
        Assert.Equal(time.Now - TimeSpan.FromMinutes(2), stored.EditedAt);
        var audit = await new AuditLog(portal.Db).ListForAsync(Entities.Comment, id);
        Assert.Equal(["comment.post", "comment.edit"], audit.Select(a => a.Action));
        Assert.Equal("Bản đầu", JsonDocument.Parse(audit[1].BeforeJson!).RootElement.GetProperty("body").GetString());
        Assert.Equal("Bản đã sửa", JsonDocument.Parse(audit[1].AfterJson!).RootElement.GetProperty("body").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_edit_form_opens_with_the_comment_and_saves_it_marked_as_edited(DbEngine engine)
    {
        await using var portal = await CommentPortal.CreateAsync(engine);
        var id = await portal.PostAsync(portal.Member, new CommentDraft { ProposalId = OpenId, Stance = "support", Body = "Viết vội, cần sửa" });
        var member = await PortalUsers.SignInAsync(portal.Factory, MemberEmail);
        var individual = await PortalUsers.SignInAsync(portal.Factory, IndividualEmail);

        Assert.Contains($"edit={id}", await member.GetStringAsync(Page));
        Assert.DoesNotContain($"edit={id}", await individual.GetStringAsync(Page));
        Assert.Contains(">Viết vội, cần sửa</textarea>", await member.GetStringAsync($"{Page}?edit={id}"));
        var saved = await SubmitAsync(member, $"{Page}?edit={id}", "comment-edit", new() { ["Comment.Stance"] = "amend", ["Comment.Body"] = "Đã viết lại cẩn thận" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await portal.Factory.CreateClient().GetStringAsync(Page);
        Assert.Contains("Đã viết lại cẩn thận", html);
        Assert.Contains("(đã sửa ", html);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_sixth_post_within_a_minute_is_refused_and_allowed_a_minute_later(DbEngine engine)
    {
        await using var portal = await CommentPortal.CreateAsync(engine);
        var time = FakeTime.StartingNow();
        var service = portal.Service(time);
        var member = await portal.PrincipalAsync(portal.Member);
        CommentDraft Draft(int i) => new() { ProposalId = OpenId, Stance = "neutral", Body = $"Ý kiến số {i}" };

        for (var i = 1; i <= 5; i++)
        {
            Assert.True((await service.PostAsync(member, Draft(i))).Succeeded);
            time.Now += TimeSpan.FromSeconds(5);
        }
        Assert.Equal("Bạn đã gửi 5 ý kiến trong một phút: vui lòng chờ một lát rồi gửi tiếp.", (await service.PostAsync(member, Draft(6))).Error);
        Assert.True((await service.PostAsync(await portal.PrincipalAsync(portal.Individual), Draft(7))).Succeeded);
        time.Now += TimeSpan.FromSeconds(40);
        Assert.True((await service.PostAsync(member, Draft(8))).Succeeded);
        Assert.Equal(7, (await new CommentStore(portal.Db).ListByProposalAsync(OpenId)).Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_hidden_comment_leaves_every_public_output_but_is_kept_for_moderators(DbEngine engine)
    {
        await using var portal = await CommentPortal.CreateAsync(engine);
        var parent = await portal.PostAsync(portal.Member, new CommentDraft { ProposalId = OpenId, Stance = "support", Body = "Ý kiến gốc" });
        var hiddenId = await portal.PostAsync(portal.Individual, new CommentDraft
            { ProposalId = OpenId, ParentId = parent, Stance = "oppose", Body = "Lời lẽ xúc phạm cần ẩn" });
        var replyToHidden = await portal.PostAsync(portal.Member, new CommentDraft
            { ProposalId = OpenId, ParentId = hiddenId, Stance = "neutral", Body = "Đề nghị giữ thái độ xây dựng" });

        var service = portal.Service();
        Assert.True((await service.FlagAsync(await portal.PrincipalAsync(portal.Member), hiddenId, "Xúc phạm")).Succeeded);
        Assert.Equal("Bạn đã báo cáo ý kiến này rồi.", (await service.FlagAsync(await portal.PrincipalAsync(portal.Member), hiddenId, "Lần nữa")).Error);
        Assert.Equal("Chỉ người kiểm duyệt mới được ẩn ý kiến.", (await service.HideAsync(await portal.PrincipalAsync(portal.Member), hiddenId, "Tự ẩn")).Error);

        var moderator = await PortalUsers.SignInAsync(portal.Factory, ModeratorEmail);
        Assert.Contains("Bị báo cáo 1 lần: Xúc phạm", await moderator.GetStringAsync(Page));
        var refused = await SubmitAsync(moderator, $"{Page}?hide={hiddenId}", "comment-hide", new() { ["Comment.Reason"] = " " });
        Assert.Equal("Vui lòng nêu lý do.", await ErrorOfAsync(refused));
        var hid = await SubmitAsync(moderator, $"{Page}?hide={hiddenId}", "comment-hide", new() { ["Comment.Reason"] = "Ngôn từ xúc phạm" });
        Assert.Equal(HttpStatusCode.Redirect, hid.StatusCode);

        var reader = portal.Factory.CreateClient();
        foreach (var path in new[] { Page, $"/api/proposals/{OpenId}/comments", "/api/export/comments.csv", $"/feeds/proposals/{OpenId}.atom" })
        {
            var body = await reader.GetStringAsync(path);
            Assert.DoesNotContain("Lời lẽ xúc phạm", body);
            Assert.DoesNotContain(hiddenId, body);
        }
        var api = JsonDocument.Parse(await reader.GetStringAsync($"/api/proposals/{OpenId}/comments")).RootElement;
        Assert.Equal(replyToHidden, api[0].GetProperty("replies")[0].GetProperty("id").GetString()); // moved up to the visible ancestor
        using (var zip = new ZipArchive(await reader.GetStreamAsync("/api/export/dataset.zip")))
        {
            var lines = new StreamReader(zip.GetEntry("comments.jsonl")!.Open()).ReadToEnd();
            Assert.DoesNotContain(hiddenId, lines);
            Assert.Contains($"\"parentId\":\"{parent}\"", lines);
        }

        var moderatorPage = await moderator.GetStringAsync(Page);
        Assert.Contains("Lời lẽ xúc phạm cần ẩn", moderatorPage);
        Assert.Contains("Lý do: Ngôn từ xúc phạm", moderatorPage);
        var kept = (await new CommentStore(portal.Db).GetThreadCommentAsync(hiddenId))!;
        Assert.Equal(("Lời lẽ xúc phạm cần ẩn", "Ngôn từ xúc phạm"), (kept.Comment.Body, kept.Hidden!.Reason));
        var audit = await new AuditLog(portal.Db).ListForAsync(Entities.Comment, hiddenId);
        Assert.Equal(["comment.reply", "comment.flag", "comment.hide"], audit.Select(a => a.Action));
        Assert.Equal($"user:{portal.Moderator.Id}", audit[2].Actor);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Attachments_are_accepted_by_content_and_served_as_downloads(DbEngine engine)
    {
        await using var portal = await CommentPortal.CreateAsync(engine);
        var member = await PortalUsers.SignInAsync(portal.Factory, MemberEmail);
        var fields = () => new Dictionary<string, string> { ["Comment.Stance"] = "amend", ["Comment.Body"] = "Văn bản góp ý của Hiệp hội kèm theo." };
        var before = await portal.CountCommentsAsync();

        Assert.Equal("Tệp setup.pdf không phải PDF, DOCX hay XLSX (kiểm tra theo nội dung tệp, không theo tên).",
            await ErrorOfAsync(await SubmitAsync(member, Page, "comment-new", fields(), ("setup.pdf", Executable()))));
        Assert.Equal("Tệp lon.pdf lớn hơn 10 MB.",
            await ErrorOfAsync(await SubmitAsync(member, Page, "comment-new", fields(), ("lon.pdf", Pdf(10 * 1024 * 1024 + 1)))));
        Assert.Equal("Mỗi ý kiến được đính kèm tối đa 5 tệp (bạn chọn 6).",
            await ErrorOfAsync(await SubmitAsync(member, Page, "comment-new", fields(),
                Enumerable.Range(1, 6).Select(i => ($"phu-luc-{i}.pdf", Pdf())).ToArray())));
        Assert.Equal(before, await portal.CountCommentsAsync());

        var posted = await SubmitAsync(member, Page, "comment-new", fields(),
            ("Văn bản góp ý.pdf", Pdf()), ("bang-so-lieu.xlsx", Office("xl/workbook.xml")), ("kien-nghi", Office("word/document.xml")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var comment = (await new CommentStore(portal.Db).ListThreadAsync(OpenId, false)).Single();
        var files = await new AttachmentStore(portal.Db).ListByProposalAsync(OpenId);
        Assert.Equal(
            [("Văn bản góp ý.pdf", AttachmentRules.Pdf), ("bang-so-lieu.xlsx", AttachmentRules.Xlsx), ("kien-nghi.docx", AttachmentRules.Docx)],
            files.Select(f => (f.FileName, f.ContentType)));
        var html = await portal.Factory.CreateClient().GetStringAsync(Page);
        Assert.Contains($"href=\"/attachments/{files[0].Id}\"", html);

        var reader = portal.Factory.CreateClient();
        var download = await reader.GetAsync($"/attachments/{files[0].Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(AttachmentRules.Pdf, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Văn bản góp ý.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        await portal.Service().HideAsync(await portal.PrincipalAsync(portal.Moderator), comment.Comment.Id, "Tệp không liên quan");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/attachments/{files[0].Id}")).StatusCode);
        var moderator = await PortalUsers.SignInAsync(portal.Factory, ModeratorEmail);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/attachments/{files[0].Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_replies_to_one_comment_are_all_kept(DbEngine engine)
    {
        await using var portal = await CommentPortal.CreateAsync(engine);
        var parent = await portal.PostAsync(portal.Member, new CommentDraft { ProposalId = OpenId, Stance = "support", Body = "Ý kiến được nhiều người trả lời" });
        var people = new List<PortalUser>();
        for (var i = 0; i < 12; i++) people.Add(await portal.UserAsync($"nguoi{i}@example.vn", $"Người góp ý {i}"));
        var principals = await Task.WhenAll(people.Select(portal.PrincipalAsync));
        var service = portal.Service();

        var results = await Task.WhenAll(principals.Select((p, i) => Task.Run(() => service.PostAsync(p,
            new CommentDraft { ProposalId = OpenId, ParentId = parent, Stance = "amend", Body = $"Trả lời đồng thời {i}" }))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var replies = (await new CommentStore(portal.Db).ListByProposalAsync(OpenId)).Where(c => c.ParentId == parent).ToList();
        Assert.Equal(12, replies.Count);
        Assert.Equal(12, (await new NotificationStore(portal.Db, new AuditLog(portal.Db)).ListAsync(portal.Member.Id)).Count);
        foreach (var reply in replies)
            Assert.Single(await new AuditLog(portal.Db).ListForAsync(Entities.Comment, reply.Id));
    }
}
