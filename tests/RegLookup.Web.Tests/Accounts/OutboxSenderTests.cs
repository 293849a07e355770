using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegLookup.Data;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using RegLookup.Web.Accounts;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>The e-mail sender against a real SMTP conversation on a loopback socket, on both engines.</summary>
public class OutboxSenderTests
{
    private const string Title = "Phương án cắt giảm điều kiện kinh doanh xăng dầu";

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_queued_message_reaches_the_SMTP_server_with_its_Vietnamese_subject_and_body(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        await using var smtp = new TestSmtpServer();
        var outbox = new OutboxStore(t.Db);
        var subject = EmailText.Subject(NotificationKinds.ConsultationOpened, Title);
        await outbox.EnqueueAsync("hiep.hoi@example.vn", subject,
            EmailText.Body(NotificationKinds.ConsultationOpened, Title, "https://tham-van.example.vn/proposals/PA-BCT-XD-2026-01"));

        Assert.Equal(1, await Sender(t.Db, smtp).SendDueAsync());

        var (recipients, message) = Assert.Single(smtp.Received);
        Assert.Equal(["hiep.hoi@example.vn"], recipients);
        Assert.Equal("[Cổng tham vấn] Bắt đầu lấy ý kiến: Phương án cắt giảm điều kiện kinh doanh xăng dầu", message.Subject);
        Assert.Equal("Cổng tham vấn quy định kinh doanh", message.From.Mailboxes.Single().Name);
        Assert.Contains("Xem chi tiết: https://tham-van.example.vn/proposals/PA-BCT-XD-2026-01", message.TextBody);
        Assert.Contains("Bạn nhận thư này vì đã theo dõi", message.TextBody);
        var row = Assert.Single(await outbox.ListToAsync("hiep.hoi@example.vn"));
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.ClaimedBy);
        Assert.Equal(0, await Sender(t.Db, smtp).SendDueAsync()); // sent once, never again
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_refused_message_records_the_error_is_retried_and_sent_when_the_server_recovers(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        await using var smtp = new TestSmtpServer { Refuse = true };
        var outbox = new OutboxStore(t.Db);
        await outbox.EnqueueAsync("doanh.nghiep@example.vn", "Thử gửi lại", "Nội dung");
        var sender = Sender(t.Db, smtp);

        await sender.SendDueAsync();
        await sender.SendDueAsync();

        var failed = Assert.Single(await outbox.ListToAsync("doanh.nghiep@example.vn"));
        Assert.Null(failed.SentAt);
        Assert.Equal(2, failed.Attempts);
        Assert.Contains("Try again later", failed.LastError);
        Assert.Empty(smtp.Received);

        smtp.Refuse = false;
        Assert.Equal(1, await sender.SendDueAsync());

        var sent = Assert.Single(await outbox.ListToAsync("doanh.nghiep@example.vn"));
        Assert.NotNull(sent.SentAt);
        Assert.Equal(3, sent.Attempts);
        Assert.Equal("Thử gửi lại", Assert.Single(smtp.Received).Message.Subject);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Attempts_stop_at_the_cap_and_a_failed_message_waits_for_its_retry_time(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        await using var smtp = new TestSmtpServer { Refuse = true };
        var outbox = new OutboxStore(t.Db);
        await outbox.EnqueueAsync("a@example.vn", "Giới hạn số lần gửi", "Nội dung");

        var capped = Sender(t.Db, smtp, maxAttempts: 2);
        await capped.SendDueAsync();
        await capped.SendDueAsync();
        Assert.Equal(0, await capped.SendDueAsync());
        Assert.Equal(2, Assert.Single(await outbox.ListToAsync("a@example.vn")).Attempts);

        await outbox.EnqueueAsync("b@example.vn", "Chờ đến lượt gửi lại", "Nội dung");
        var patient = Sender(t.Db, smtp, maxAttempts: 2, retryDelay: TimeSpan.FromHours(1));
        Assert.Equal(1, await patient.SendDueAsync());
        Assert.Equal(0, await patient.SendDueAsync());
        var waiting = Assert.Single(await outbox.ListToAsync("b@example.vn"));
        Assert.Equal(1, waiting.Attempts);
        Assert.True(waiting.NextAttemptAt > DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Empty(smtp.Received);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task An_unreachable_server_is_recorded_as_the_error_of_every_claimed_message(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        var outbox = new OutboxStore(t.Db);
        await outbox.EnqueueAsync("c@example.vn", "Máy chủ thư không trả lời", "Nội dung");
        await outbox.EnqueueAsync("c@example.vn", "Máy chủ thư không trả lời (2)", "Nội dung");
        int closedPort;
        await using (var gone = new TestSmtpServer()) closedPort = gone.Port;

        Assert.Equal(2, await Sender(t.Db, closedPort).SendDueAsync());

        Assert.All(await outbox.ListToAsync("c@example.vn"), m =>
        {
            Assert.Null(m.SentAt);
            Assert.Equal(1, m.Attempts);
            Assert.False(string.IsNullOrWhiteSpace(m.LastError));
        });
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Two_senders_on_one_database_send_each_message_exactly_once(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        await using var smtp = new TestSmtpServer();
        var outbox = new OutboxStore(t.Db);
        const int count = 60;
        for (var i = 0; i < count; i++)
            await outbox.EnqueueAsync($"nguoi{i}@example.vn", $"Thông báo số {i}", "Nội dung");

        // Two nodes, each with its own connection pool to the same database, drain the outbox at the same time.
        await using var otherNode = new Database(t.Db.ConnectionString);
        var senders = new[] { Sender(t.Db, smtp), Sender(otherNode, smtp) };
        Assert.NotEqual(senders[0].Node, senders[1].Node);
        var claimed = await Task.WhenAll(senders.Select(async sender =>
        {
            var total = 0;
            while (await sender.SendDueAsync() is var n and > 0) total += n;
            return total;
        }));

        Assert.Equal(count, claimed.Sum());
        var subjects = smtp.Received.Select(r => r.Message.Subject).ToList();
        Assert.Equal(count, subjects.Count);
        Assert.Equal(count, subjects.Distinct().Count());
        for (var i = 0; i < count; i++)
            Assert.All(await outbox.ListToAsync($"nguoi{i}@example.vn"), m => Assert.Equal(1, m.Attempts));
    }

    private static OutboxSender Sender(Database db, TestSmtpServer smtp, int maxAttempts = 5, TimeSpan? retryDelay = null) =>
        Sender(db, smtp.Port, maxAttempts, retryDelay);

    private static OutboxSender Sender(Database db, int port, int maxAttempts = 5, TimeSpan? retryDelay = null) =>
        new(new OutboxStore(db), Options.Create(new RegLookupOptions
        {
            Email = new EmailOptions
            {
                SmtpHost = "127.0.0.1", SmtpPort = port, MaxAttempts = maxAttempts, RetryDelay = retryDelay ?? TimeSpan.Zero,
            },
        }), NullLogger<OutboxSender>.Instance);
}
