using System.Net;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;
using RegLookup.Web.Consultations;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>
/// Every role × every action, tried over HTTP the way a browser would (forms with antiforgery tokens, crafted posts
/// for people who are not shown the form), and judged by what changed in the database or what the page answered.
/// What should happen is <see cref="Permissions.Can"/>, which <see cref="PermissionMatrixTests"/> holds to the README.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Portal portal) : IClassFixture<AuthorizationMatrixTests.Portal>
{
    private const string Agency = "BCT";
    private const string Open = "PA-TEST-QUYEN-2026";
    private const string Draft = "PA-TEST-NHAP-2026";

    public static readonly string[] People = ["anonymous", "member", "drafter of the agency", "drafter of another agency", "moderator", "admin"];

    public static TheoryData<string, PortalAction> Cases()
    {
        var data = new TheoryData<string, PortalAction>();
        foreach (var person in People)
            foreach (var action in Enum.GetValues<PortalAction>())
                data.Add(person, action);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Each_person_can_do_exactly_what_the_table_allows(string person, PortalAction action)
    {
        var (browser, principal) = await portal.PersonAsync(person);
        var tag = $"{Array.IndexOf(People, person)}-{action}".ToLowerInvariant();
        var did = action switch
        {
            PortalAction.Comment => await portal.ChangesAsync("SELECT COUNT(*) FROM comments WHERE body = @tag", tag, () =>
                Post(browser, $"/proposals/{Open}", "comment-new", new() { ["Comment.Stance"] = "support", ["Comment.Body"] = tag })),
            PortalAction.FlagComment => await portal.ChangesAsync("SELECT COUNT(*) FROM comment_flags WHERE reason = @tag", tag, () =>
                Post(browser, $"/proposals/{Open}?flag={portal.CommentFor(tag)}", "comment-flag", new() { ["Comment.Reason"] = tag })),
            PortalAction.Follow => await portal.ChangesAsync("SELECT COUNT(*) FROM follows", tag, () =>
                Post(browser, $"/proposals/{Open}", null, new() { ["Entity"] = "proposal", ["Id"] = Open, ["Action"] = "follow", ["ReturnUrl"] = $"/proposals/{Open}" }, "/follows")),
            PortalAction.Moderate => await portal.ChangesAsync("SELECT COUNT(*) FROM comments WHERE hidden_reason = @tag", tag, () =>
                Post(browser, $"/proposals/{Open}?hide={portal.CommentFor(tag)}", "comment-hide", new() { ["Comment.Reason"] = tag })),
            PortalAction.RespondToComment => await portal.ChangesAsync("SELECT COUNT(*) FROM comments WHERE response_body = @tag", tag, () =>
            {
                var id = portal.CommentFor(tag);
                return Post(browser, "/workspace", "workspace", new()
                {
                    ["Input.Respond"] = id, [$"Input.Decision[{id}]"] = "noted", [$"Input.Explanation[{id}]"] = tag, [$"Input.Seen[{id}]"] = "",
                });
            }),
            PortalAction.ViewWorkspace => await Opens(browser, "/workspace"),
            PortalAction.ManageProposal => await Opens(browser, $"/workspace/proposals/{Draft}/edit"),
            PortalAction.DownloadReport => await Opens(browser, $"/workspace/proposals/{Open}/report.csv"),
            PortalAction.GrantRoles => await Opens(browser, "/admin/users"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        Assert.True(did == Permissions.Can(principal, action, Agency),
            $"{person} {(did ? "could" : "could not")} {action}, the table says {(did ? "no" : "yes")} (answer: {portal.LastAnswer})");
    }

    /// <summary>A 200 answer; anyone not allowed gets a 403 or the sign-in redirect.</summary>
    private static async Task<bool> Opens(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found,
            $"{path} answered {(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Posts a form to <paramref name="page"/> with the person's own antiforgery token (taken from the sign-in
    /// page, which everyone may open), whether or not the page showed them that form.</summary>
    private static Task<HttpResponseMessage> Post(HttpClient browser, string page, string? form,
        Dictionary<string, string> fields, string? action = null) =>
        PortalUsers.PostFormAsync(browser, "/account/login", form, fields, action ?? page);

    public sealed class Portal : IAsyncLifetime
    {
        private readonly Dictionary<string, (HttpClient, ClaimsPrincipal)> _people = [];
        private readonly Dictionary<string, string> _comments = [];
        private PortalFactory _factory = null!;

        private Database Db => _factory.Services.GetRequiredService<Database>();

        public async Task InitializeAsync()
        {
            _factory = await PortalFactory.CreateAsync(DbEngine.Sqlite);
            await _factory.ReadyClientAsync();
            var today = ProposalEndpoints.Today;
            var proposals = new ProposalStore(Db);
            await Db.WriteAsync(async s =>
            {
                await proposals.UpsertAsync(s, new Proposal
                {
                    Id = Open, Agency = Agency, Title = "Phương án thử phân quyền", Status = "consultation",
                    OpensOn = today.AddDays(-5), ClosesOn = today.AddDays(30), Targets = [new() { RegulationId = "BCT-XD-0003", Action = "simplify" }],
                });
                await proposals.UpsertAsync(s, new Proposal
                {
                    Id = Draft, Agency = Agency, Title = "Dự thảo thử phân quyền", Status = "draft",
                    Targets = [new() { RegulationId = "BCT-XD-0003", Action = "abolish" }],
                });
                // One comment per case that acts on an existing comment, so no case depends on another.
                var comments = new CommentStore(Db);
                foreach (var (person, i) in People.Select((p, i) => (p, i)))
                    foreach (var action in new[] { PortalAction.FlagComment, PortalAction.Moderate, PortalAction.RespondToComment })
                    {
                        var id = $"c-matrix-{i}-{action}".ToLowerInvariant();
                        _comments[$"{i}-{action}".ToLowerInvariant()] = id;
                        await comments.UpsertAsync(s, new Comment
                        {
                            Id = id, ProposalId = Open, Author = "Hoàng Văn Thử", RespondentType = "individual", Stance = "neutral",
                            Body = "Ý kiến để thử phân quyền.", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
                        });
                    }
            });

            await AddAsync("member", "thanh.vien@example.vn", null, Roles.Member);
            await AddAsync("drafter of the agency", "soan.thao@moit.gov.vn", Agency, Roles.Drafter);
            await AddAsync("drafter of another agency", "soan.thao@moh.gov.vn", "BYT", Roles.Drafter);
            await AddAsync("moderator", "kiem.duyet@example.vn", null, Roles.Moderator);
            await AddAsync("admin", "quan.tri@example.vn", null, Roles.Admin);
            _people["anonymous"] = (PortalUsers.Browser(_factory), new ClaimsPrincipal(new ClaimsIdentity()));
        }

        private async Task AddAsync(string person, string email, string? agency, string role)
        {
            var user = await PortalUsers.CreateAsync(_factory, email, person, agency is null ? "individual" : "agency", agency: agency, roles: role);
            using var scope = _factory.Services.CreateScope();
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
            _people[person] = (await PortalUsers.SignInAsync(_factory, email), principal);
        }

        public Task<(HttpClient Browser, ClaimsPrincipal User)> PersonAsync(string person) => Task.FromResult(_people[person]);

        public string CommentFor(string tag) => _comments[tag];

        /// <summary>What the last post was answered, for the failure message.</summary>
        public string LastAnswer { get; private set; } = "";

        /// <summary>Whether <paramref name="act"/> changed the count that <paramref name="countSql"/> reads.</summary>
        public async Task<bool> ChangesAsync(string countSql, string tag, Func<Task<HttpResponseMessage>> act)
        {
            var before = await Db.ReadAsync(c => c.ExecuteScalarAsync<long>(countSql, new { tag }));
            var response = await act();
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            LastAnswer = $"{(int)response.StatusCode} {response.Headers.Location}";
            return await Db.ReadAsync(c => c.ExecuteScalarAsync<long>(countSql, new { tag })) != before;
        }

        public async Task DisposeAsync() => await _factory.DisposeAsync();
    }
}
