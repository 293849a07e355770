using Dapper;
using Microsoft.Extensions.Options;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Accounts;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>Who the <see cref="Notifier"/> tells, called the way the consultation writes call it: inside their transaction.</summary>
public class NotifierTests
{
    private const string ProposalId = "PA-BCT-XD-2026-01";

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_new_comment_tells_each_follower_once_the_replied_author_as_a_reply_and_not_the_writer(DbEngine engine)
    {
        await using var world = await World.CreateAsync(engine);
        var proposalFollower = await world.UserAsync("theo.doi.phuong.an@example.vn", (Entities.Proposal, ProposalId));
        var regulationFollower = await world.UserAsync("theo.doi.quy.dinh@example.vn", (Entities.Regulation, "BCT-XD-0001"));
        var both = await world.UserAsync("ca.hai@example.vn", (Entities.Proposal, ProposalId), (Entities.Regulation, "BCT-XD-0001"));
        var parentAuthor = await world.UserAsync("tac.gia@example.vn", (Entities.Proposal, ProposalId));
        var writer = await world.UserAsync("nguoi.viet@example.vn", (Entities.Proposal, ProposalId));
        var agencyFollower = await world.UserAsync("theo.doi.bo@example.vn", (Entities.Agency, "BCT"));

        var reply = world.Comment("c-notify-1", "c-0001", "BCT-XD-0001");
        await world.Db.WriteAsync(async s =>
        {
            await world.Comments.UpsertAsync(s, reply);
            await world.Notifier.CommentPostedAsync(s, reply, world.Proposal, writer.Id, parentAuthor.Id);
        });

        foreach (var follower in new[] { proposalFollower, regulationFollower, both })
            Assert.Equal([(NotificationKinds.NewComment, "c-notify-1")], await world.ToldAsync(follower));
        Assert.Equal([(NotificationKinds.Reply, "c-notify-1")], await world.ToldAsync(parentAuthor));
        Assert.Empty(await world.ToldAsync(writer));
        Assert.Empty(await world.ToldAsync(agencyFollower)); // an agency's followers hear of its proposals' changes, not every comment
        var told = Assert.Single(await world.Notifications.ListAsync(proposalFollower.Id));
        Assert.Equal("Phương án cắt giảm điều kiện kinh doanh xăng dầu", told.Title);
        Assert.Equal($"/proposals/{ProposalId}?comment=c-notify-1#c-notify-1", told.Url);
        Assert.Null(told.ReadAt);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Opening_a_consultation_tells_followers_of_the_proposal_its_agency_targets_and_sectors_once_each(DbEngine engine)
    {
        await using var world = await World.CreateAsync(engine);
        var followers = new[]
        {
            await world.UserAsync("phuong.an@example.vn", (Entities.Proposal, ProposalId)),
            await world.UserAsync("bo.cong.thuong@example.vn", (Entities.Agency, "BCT")),
            await world.UserAsync("cua.hang@example.vn", (Entities.Regulation, "BCT-XD-0002")),
            await world.UserAsync("nganh.xang.dau@example.vn", (Entities.Sector, "Xăng dầu")),
            await world.UserAsync("tat.ca@example.vn", (Entities.Proposal, ProposalId), (Entities.Agency, "BCT"),
                (Entities.Regulation, "BCT-XD-0001"), (Entities.Regulation, "BCT-XD-0002"), (Entities.Sector, "Xăng dầu")),
        };
        var drafter = await world.UserAsync("chuyen.vien@moit.gov.vn", (Entities.Agency, "BCT"));
        var otherAgency = await world.UserAsync("bo.y.te@example.vn", (Entities.Agency, "BYT"), (Entities.Sector, "An toàn thực phẩm"));

        var targets = await new RegulationStore(world.Db).GetManyAsync(world.Proposal.Targets.Select(x => x.RegulationId).ToArray());
        await world.Db.WriteAsync(async s =>
        {
            await new ProposalStore(world.Db).SetStatusAsync(s, ProposalId, "consultation");
            await world.Notifier.ProposalChangedAsync(s, world.Proposal, targets, NotificationKinds.ConsultationOpened, drafter.Id);
        });

        foreach (var follower in followers)
            Assert.Equal([(NotificationKinds.ConsultationOpened, ProposalId)], await world.ToldAsync(follower));
        Assert.Empty(await world.ToldAsync(drafter));
        Assert.Empty(await world.ToldAsync(otherAgency));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_response_goes_to_the_comment_author_only(DbEngine engine)
    {
        await using var world = await World.CreateAsync(engine);
        var author = await world.UserAsync("hiep.hoi@example.vn");
        var follower = await world.UserAsync("theo.doi@example.vn", (Entities.Proposal, ProposalId));
        var drafter = await world.UserAsync("chuyen.vien@moit.gov.vn", (Entities.Proposal, ProposalId));
        var comment = world.Comment("c-notify-2", null, null);

        await world.Db.WriteAsync(async s =>
        {
            await world.Comments.UpsertAsync(s, comment);
            await world.Comments.RespondAsync(s, comment.Id, new CommentResponse
            {
                Decision = "accepted", Body = "Tiếp thu.", By = "Vụ Thị trường trong nước", At = DateTimeOffset.UtcNow,
            });
            await world.Notifier.ResponseRecordedAsync(s, comment, world.Proposal, drafter.Id, author.Id);
        });

        Assert.Equal([(NotificationKinds.Response, "c-notify-2")], await world.ToldAsync(author));
        Assert.Empty(await world.ToldAsync(follower));
        Assert.Empty(await world.ToldAsync(drafter));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task With_e_mail_on_the_outbox_gets_one_message_per_person_told_with_a_confirmed_address(DbEngine engine)
    {
        await using var world = await World.CreateAsync(engine, emailOn: true);
        var confirmed = await world.UserAsync("da.xac.nhan@example.vn", (Entities.Proposal, ProposalId), (Entities.Regulation, "BCT-XD-0001"));
        var unconfirmed = await world.UserAsync("chua.xac.nhan@example.vn", confirmedEmail: false, (Entities.Proposal, ProposalId));
        var comment = world.Comment("c-notify-3", null, "BCT-XD-0001");

        await world.Db.WriteAsync(async s =>
        {
            await world.Comments.UpsertAsync(s, comment);
            await world.Notifier.CommentPostedAsync(s, comment, world.Proposal, actorUserId: null, parentAuthorUserId: null);
        });

        var mail = Assert.Single(await world.Outbox.ListToAsync(confirmed.Email));
        Assert.Equal("[Cổng tham vấn] Có ý kiến góp ý mới: Phương án cắt giảm điều kiện kinh doanh xăng dầu", mail.Subject);
        Assert.Contains($"https://tham-van.example.vn/proposals/{ProposalId}?comment=c-notify-3#c-notify-3", mail.Body);
        Assert.Empty(await world.Outbox.ListToAsync(unconfirmed.Email));
        Assert.Single(await world.ToldAsync(unconfirmed)); // still told in the portal
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rolled_back_change_tells_nobody(DbEngine engine)
    {
        await using var world = await World.CreateAsync(engine, emailOn: true);
        var follower = await world.UserAsync("theo.doi@example.vn", (Entities.Proposal, ProposalId));
        var comment = world.Comment("c-notify-4", null, null);

        await using (var s = await world.Db.BeginAsync())
        {
            await world.Comments.UpsertAsync(s, comment);
            await world.Notifier.CommentPostedAsync(s, comment, world.Proposal, null, null);
        } // disposed without commit

        Assert.Empty(await world.ToldAsync(follower));
        Assert.Empty(await world.Outbox.ListToAsync(follower.Email));
    }

    /// <summary>The sample dataset with the stores and a <see cref="Notifier"/> over it.</summary>
    private sealed class World : IAsyncDisposable
    {
        private readonly TestDatabase _t;

        private World(TestDatabase t, bool emailOn, Proposal proposal)
        {
            _t = t;
            Proposal = proposal;
            Notifications = new NotificationStore(t.Db, new AuditLog(t.Db));
            Outbox = new OutboxStore(t.Db);
            Comments = new CommentStore(t.Db);
            Users = new UserStore(t.Db);
            var options = new RegLookupOptions();
            if (emailOn) options.Email = new EmailOptions { SmtpHost = "127.0.0.1", PublicUrl = "https://tham-van.example.vn" };
            Notifier = new Notifier(Notifications, Outbox, Users, Options.Create(options));
        }

        public Database Db => _t.Db;
        public Proposal Proposal { get; }
        public NotificationStore Notifications { get; }
        public OutboxStore Outbox { get; }
        public CommentStore Comments { get; }
        public UserStore Users { get; }
        public Notifier Notifier { get; }

        public static async Task<World> CreateAsync(DbEngine engine, bool emailOn = false)
        {
            var t = await TestDatabase.CreateLoadedAsync(engine);
            return new World(t, emailOn, (await new ProposalStore(t.Db).GetAsync(ProposalId))!);
        }

        public Task<PortalUser> UserAsync(string email, params (string Entity, string Id)[] follows) => UserAsync(email, true, follows);

        public async Task<PortalUser> UserAsync(string email, bool confirmedEmail, params (string Entity, string Id)[] follows)
        {
            var user = new PortalUser
            {
                Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = email.Split('@')[0], EmailConfirmed = confirmedEmail,
            };
            await Users.CreateAsync(user);
            foreach (var (entity, id) in follows)
                Assert.True(await Notifications.FollowAsync(user.Id, entity, id));
            return user;
        }

        public Comment Comment(string id, string? parentId, string? regulationId) => new()
        {
            Id = id, ProposalId = ProposalId, ParentId = parentId, RegulationId = regulationId, Author = "Nguyễn Văn Hùng",
            Organization = "Hiệp hội Xăng dầu Việt Nam", RespondentType = "association", Stance = "support",
            Body = "Đề nghị bãi bỏ.", CreatedAt = DateTimeOffset.UtcNow,
        };

        /// <summary>What the person was told: (kind, entity id) of each notification, oldest first.</summary>
        public async Task<List<(string Kind, string EntityId)>> ToldAsync(PortalUser user) =>
            (await Db.ReadAsync(c => c.QueryAsync<(string, string)>(
                "SELECT kind, entity_id FROM notifications WHERE user_id = @id ORDER BY id", new { id = user.Id }))).ToList();

        public ValueTask DisposeAsync() => _t.DisposeAsync();
    }
}
