using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>The portal's own background sender: off by default, and with SMTP configured, a follower's e-mail arrives.</summary>
public class EmailDeliveryTests
{
    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task With_SMTP_configured_a_followers_e_mail_reaches_the_server_without_anyone_waiting_for_it(DbEngine engine)
    {
        await using var smtp = new TestSmtpServer();
        await using var plain = await PortalFactory.CreateAsync(engine);
        await using var portal = plain.WithWebHostBuilder(b => b
            .UseSetting("RegLookup:Email:SmtpHost", "127.0.0.1")
            .UseSetting("RegLookup:Email:SmtpPort", smtp.Port.ToString())
            .UseSetting("RegLookup:Email:PollInterval", "00:00:00.200")
            .UseSetting("RegLookup:Email:PublicUrl", "https://tham-van.example.vn"));
        var services = portal.Services;
        var follower = await CreateUserAsync(services, "hiep.hoi@example.vn");
        Assert.True(await services.GetRequiredService<NotificationStore>().FollowAsync(follower.Id, Entities.Agency, "BCT"));
        var proposal = (await services.GetRequiredService<ProposalStore>().GetAsync("PA-BCT-XD-2026-01"))!;
        var targets = await services.GetRequiredService<RegulationStore>().GetManyAsync(proposal.Targets.Select(t => t.RegulationId).ToArray());

        await services.GetRequiredService<Database>().WriteAsync(s =>
            services.GetRequiredService<Notifier>().ProposalChangedAsync(s, proposal, targets, NotificationKinds.ConsultationClosed, null));

        for (var i = 0; i < 300 && smtp.Received.IsEmpty; i++) await Task.Delay(100);
        var (recipients, message) = Assert.Single(smtp.Received);
        Assert.Equal(["hiep.hoi@example.vn"], recipients);
        Assert.Equal("[Cổng tham vấn] Kết thúc lấy ý kiến: Phương án cắt giảm điều kiện kinh doanh xăng dầu", message.Subject);
        Assert.Contains("https://tham-van.example.vn/proposals/PA-BCT-XD-2026-01", message.TextBody);
    }

    [Fact]
    public async Task Without_SMTP_the_sender_stops_at_once_and_nothing_is_queued()
    {
        await using var portal = await PortalFactory.CreateAsync(DbEngine.Sqlite);
        var services = portal.Services;
        var follower = await CreateUserAsync(services, "khong.gui.thu@example.vn");
        Assert.True(await services.GetRequiredService<NotificationStore>().FollowAsync(follower.Id, Entities.Regulation, "BCT-XD-0001"));
        var regulation = (await services.GetRequiredService<RegulationStore>().GetAsync("BCT-XD-0001"))!;

        await services.GetRequiredService<Database>().WriteAsync(s =>
            services.GetRequiredService<Notifier>().RegulationChangedAsync(s, regulation, null));

        Assert.True(services.GetRequiredService<OutboxSender>().ExecuteTask?.IsCompletedSuccessfully);
        Assert.Equal(1, await services.GetRequiredService<NotificationStore>().UnreadCountAsync(follower.Id));
        Assert.Empty(await services.GetRequiredService<OutboxStore>().ListToAsync(follower.Email));
    }

    private static async Task<PortalUser> CreateUserAsync(IServiceProvider services, string email)
    {
        var user = new PortalUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = email, EmailConfirmed = true };
        await services.GetRequiredService<UserStore>().CreateAsync(user);
        return user;
    }
}
