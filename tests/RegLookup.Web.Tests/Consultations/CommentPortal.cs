using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Consultations;
using RegLookup.Web.Tests.Accounts;

namespace RegLookup.Web.Tests.Consultations;

/// <summary>A clock the tests move by hand.</summary>
public sealed class FakeTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Now, in whole seconds (PostgreSQL keeps microseconds, .NET ticks).</summary>
    public static FakeTime StartingNow() => new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The real portal over the sample data plus a proposal whose consultation window is open around today (whatever
/// day the tests run), and the people who write on it: an association member (whose e-mail and tax code must never
/// be shown), an individual and a moderator.
/// </summary>
public sealed partial class CommentPortal : IAsyncDisposable
{
    public const string OpenId = "PA-TEST-MO-2026";
    public const string ClosedId = "PA-BYT-TP-2020-01";
    public const string MemberEmail = "hoi.vien@vinpa.org.vn";
    public const string MemberTaxCode = "0301234567";
    public const string IndividualEmail = "an.le@example.vn";
    public const string ModeratorEmail = "kiem.duyet@example.vn";

    private CommentPortal(PortalFactory factory) => Factory = factory;

    public PortalFactory Factory { get; }
    public Database Db => Factory.Services.GetRequiredService<Database>();
    public PortalUser Member { get; private set; } = null!;
    public PortalUser Individual { get; private set; } = null!;
    public PortalUser Moderator { get; private set; } = null!;

    public static async Task<CommentPortal> CreateAsync(DbEngine engine)
    {
        var portal = new CommentPortal(await PortalFactory.CreateAsync(engine));
        await portal.Factory.ReadyClientAsync();
        var today = ProposalEndpoints.Today;
        await portal.Db.WriteAsync(s => new ProposalStore(portal.Db).UpsertAsync(s, new Proposal
        {
            Id = OpenId, Agency = "BCT", Title = "Phương án đơn giản hóa báo cáo tồn kho xăng dầu", Status = "consultation",
            OpensOn = today.AddDays(-10), ClosesOn = today.AddDays(30),
            Targets = [new() { RegulationId = "BCT-XD-0003", Action = "simplify" }, new() { RegulationId = "BCT-XD-0001", Action = "abolish" }],
        }));
        portal.Member = await PortalUsers.CreateAsync(portal.Factory, MemberEmail, "Phạm Quốc Bảo", "association", "Hiệp hội Xăng dầu Việt Nam");
        await portal.SetTaxCodeAsync(portal.Member, MemberTaxCode);
        portal.Individual = await PortalUsers.CreateAsync(portal.Factory, IndividualEmail, "Lê Thị An");
        portal.Moderator = await PortalUsers.CreateAsync(portal.Factory, ModeratorEmail, "Tổ kiểm duyệt", roles: Roles.Moderator);
        return portal;
    }

    public Task<PortalUser> UserAsync(string email, string name, string respondentType = "individual", string? organization = null) =>
        PortalUsers.CreateAsync(Factory, email, name, respondentType, organization);

    /// <summary>The comment rules with the given clock (the portal's own, when none).</summary>
    public CommentService Service(TimeProvider? time = null) => time is null
        ? Factory.Services.GetRequiredService<CommentService>()
        : ActivatorUtilities.CreateInstance<CommentService>(Factory.Services, time);

    /// <summary>The person as the portal's sign-in sees them (roles and claims from the real claims factory).</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(PortalUser user)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
    }

    public async Task<string> PostAsync(PortalUser user, CommentDraft draft, TimeProvider? time = null)
    {
        var result = await Service(time).PostAsync(await PrincipalAsync(user), draft);
        Assert.True(result.Succeeded, result.Error);
        return result.CommentId!;
    }

    public Task<long> CountCommentsAsync() => new CommentStore(Db).CountAsync();

    /// <summary>Posts a page's comment form the way a browser does: multipart, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, string formName,
        Dictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var page = await browser.GetStringAsync(path);
        var token = Token().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token");
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(formName), "_handler" },
        };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "Comment.Files", name);
        }
        return await browser.PostAsync(path, form);
    }

    /// <summary>The text of the first form error on a page.</summary>
    public static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var error = FormError().Match(html);
        Assert.True(error.Success, $"no form error in a {(int)response.StatusCode} answer");
        return WebUtility.HtmlDecode(error.Groups[1].Value);
    }

    public static byte[] Pdf(int size = 2000)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("%PDF-1.7\n% Văn bản góp ý\n").CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>An Office package as Word or Excel writes it: a zip with [Content_Types].xml and its main part.</summary>
    public static byte[] Office(string mainPart)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var part in new[] { "[Content_Types].xml", "_rels/.rels", mainPart })
                using (var writer = new StreamWriter(zip.CreateEntry(part).Open()))
                    writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>");
        return buffer.ToArray();
    }

    /// <summary>A Windows program's first bytes (MZ header), whatever its name says.</summary>
    public static byte[] Executable() => [.. "MZ"u8, .. new byte[998]];

    private async Task SetTaxCodeAsync(PortalUser user, string taxCode)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.TaxCode = taxCode;
        stored.Phone = "0912345678";
        await users.UpdateAsync(stored);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("class=\"form-error\" role=\"alert\">([^<]*)<")]
    private static partial Regex FormError();
}
