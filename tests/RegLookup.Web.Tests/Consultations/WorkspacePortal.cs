using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Tests.Accounts;

namespace RegLookup.Web.Tests.Consultations;

/// <summary>
/// The portal over the sample dataset plus what a workspace needs: two drafters of BCT, one of BYT, a member who wrote
/// comment c-0002 (with e-mail, phone and tax code that must never leave their account), and more comments on the
/// BCT proposal: one on its second target with an attachment, a general one, and one a moderator hid.
/// </summary>
public sealed partial class WorkspacePortal : IAsyncDisposable
{
    public const string ProposalId = "PA-BCT-XD-2026-01";
    public const string Drafter = "drafter@moit.gov.vn";
    public const string SecondDrafter = "drafter2@moit.gov.vn";
    public const string OtherAgencyDrafter = "drafter@moh.gov.vn";
    public const string Member = "lan.tran@example.vn";
    public const string MemberPhone = "0912345678";
    public const string MemberTaxCode = "0301234567";
    public const string DrafterUnit = "Vụ Thị trường trong nước";

    private WorkspacePortal(PortalFactory factory) => Factory = factory;

    public PortalFactory Factory { get; }
    public string MemberId { get; private set; } = "";
    public string DrafterId { get; private set; } = "";
    public Database Db => Factory.Services.GetRequiredService<Database>();
    public CommentStore Comments => Factory.Services.GetRequiredService<CommentStore>();

    public static async Task<WorkspacePortal> CreateAsync(DbEngine engine)
    {
        var portal = new WorkspacePortal(await PortalFactory.CreateAsync(engine));
        await portal.Factory.ReadyClientAsync();
        await portal.SeedAsync();
        return portal;
    }

    private async Task SeedAsync()
    {
        DrafterId = (await PortalUsers.CreateAsync(Factory, Drafter, "Nguyễn Minh Anh", "agency", DrafterUnit, "BCT", Roles.Drafter)).Id;
        await PortalUsers.CreateAsync(Factory, SecondDrafter, "Phạm Quốc Bảo", "agency", null, "BCT", Roles.Drafter);
        await PortalUsers.CreateAsync(Factory, OtherAgencyDrafter, "Cục An toàn thực phẩm", "agency", null, "BYT", Roles.Drafter);
        var member = await PortalUsers.CreateAsync(Factory, Member, "Trần Thị Lan", "enterprise", "Công ty Cổ phần Xăng dầu Miền Nam", null, Roles.Member);
        MemberId = member.Id;

        Comment New(string id, string? regulation, string author, string? organization, string type, string stance, string body, string at) => new()
        {
            Id = id, ProposalId = ProposalId, RegulationId = regulation, Author = author, Organization = organization,
            RespondentType = type, Stance = stance, Body = body, CreatedAt = DateTimeOffset.Parse(at),
        };
        await Db.WriteAsync(async s =>
        {
            await Comments.UpsertAsync(s, New("c-1001", "BCT-XD-0002", "Lê Văn Tâm", "Viện Nghiên cứu Quản lý Kinh tế Trung ương", "expert", "neutral",
                "Đề nghị **đánh giá tác động** trước khi đơn giản hóa.\n\nXem báo cáo kèm theo.", "2026-10-08T09:00:00+07:00"));
            await Comments.UpsertAsync(s, New("c-1002", null, "Hoàng Thu Hà", "Hiệp hội Doanh nghiệp nhỏ và vừa", "association", "oppose",
                "=HYPERLINK(\"http://x\") Phương án chưa tính chi phí chuyển đổi.", "2026-10-09T10:00:00+07:00"));
            await Comments.UpsertAsync(s, New("c-1003", "BCT-XD-0001", "Spam", null, "individual", "neutral", "Quảng cáo", "2026-10-10T10:00:00+07:00"));
            await s.ExecuteAsync("UPDATE comments SET hidden_at = @at, hidden_by = 'moderator', hidden_reason = 'Quảng cáo' WHERE id = 'c-1003'",
                new { at = DateTimeOffset.UtcNow });
            await s.ExecuteAsync("UPDATE comments SET author_user_id = @MemberId WHERE id = 'c-0002'", new { MemberId });
            await s.ExecuteAsync("UPDATE users SET phone = @MemberPhone, tax_code = @MemberTaxCode WHERE id = @MemberId",
                new { MemberPhone, MemberTaxCode, MemberId });
            await s.ExecuteAsync("""
                INSERT INTO attachments (id, comment_id, file_name, content_type, size_bytes, sha256, content, created_at)
                VALUES ('a-1', 'c-1001', 'Báo cáo đánh giá tác động.pdf', 'application/pdf', 4, 'x', @content, @at)
                """, new { content = "%PDF"u8.ToArray(), at = DateTimeOffset.UtcNow });
        });
    }

    public Task<HttpClient> SignInAsync(string email) => PortalUsers.SignInAsync(Factory, email);

    /// <summary>The workspace page as a drafter's browser got it: its HTML, antiforgery token and response stamps.</summary>
    public sealed record Page(string Path, string Html, string Token)
    {
        public string Stamp(string commentId) =>
            WebUtility.HtmlDecode(Regex.Match(Html, $"name=\"Input.Seen\\[{Regex.Escape(commentId)}\\]\" value=\"([^\"]*)\"").Groups[1].Value);

        public bool Lists(string commentId) => Html.Contains($"id=\"w-{commentId}\"");
    }

    public static async Task<Page> OpenAsync(HttpClient browser, string path = "/workspace")
    {
        var html = await browser.GetStringAsync(path);
        var token = AntiforgeryToken().Match(html);
        return new Page(path, html, token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : "");
    }

    /// <summary>Answers one comment from <paramref name="page"/>, with the stamp that page showed.</summary>
    public static Task<HttpResponseMessage> RespondAsync(HttpClient browser, Page page, string commentId, string decision, string explanation) =>
        SubmitAsync(browser, page, new Dictionary<string, string>
        {
            ["Input.Respond"] = commentId,
            [$"Input.Seen[{commentId}]"] = page.Stamp(commentId),
            [$"Input.Decision[{commentId}]"] = decision,
            [$"Input.Explanation[{commentId}]"] = explanation,
        });

    /// <summary>Answers the checked comments from <paramref name="page"/> at once.</summary>
    public static Task<HttpResponseMessage> RespondToManyAsync(HttpClient browser, Page page, IEnumerable<string> commentIds, string decision, string explanation)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Bulk", "true"), new("Input.BulkDecision", decision), new("Input.BulkExplanation", explanation),
        };
        foreach (var id in commentIds)
        {
            fields.Add(new("Input.Selected", id));
            fields.Add(new($"Input.Seen[{id}]", page.Stamp(id)));
        }
        return SubmitAsync(browser, page, fields);
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, Page page, IEnumerable<KeyValuePair<string, string>> fields) =>
        browser.PostAsync(page.Path, new FormUrlEncodedContent(fields.Concat(
            [new("_handler", "workspace"), new("__RequestVerificationToken", page.Token)])));

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
