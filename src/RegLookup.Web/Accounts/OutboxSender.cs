using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using RegLookup.Data.Stores;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Accounts;

/// <summary>
/// Sends the outbox over SMTP in the background, on every web node, when <c>RegLookup:Email:SmtpHost</c> is set.
/// Requests only write outbox rows; sending never holds one up. Each node claims a batch before sending it, so a
/// message goes out once however many nodes run; a failure is recorded on the message and retried later, up to
/// <see cref="EmailOptions.MaxAttempts"/> attempts.
/// </summary>
public sealed class OutboxSender(OutboxStore outbox, IOptions<RegLookupOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>A batch is claimed for this long; a node that has not finished by then is taken to have died.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(15);

    private const int BatchSize = 20;
    // With BatchSize messages at most this long each, a batch ends well within the claim timeout.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(1);

    private EmailOptions Email => options.Value.Email;

    /// <summary>This sender's name in the claims it writes: the machine, the process and the instance.</summary>
    public string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Email.Enabled)
        {
            logger.LogInformation("E-mail notifications are off: set RegLookup:Email:SmtpHost to send them");
            return;
        }
        logger.LogInformation("Sending notification e-mail through {Host}:{Port} as {Node}", Email.SmtpHost, Email.SmtpPort, Node);
        using var timer = new PeriodicTimer(Email.PollInterval);
        do
        {
            try
            {
                // A full batch suggests more are waiting: go on without waiting for the timer.
                while (await SendDueAsync(stoppingToken) == BatchSize) { }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down for a moment; the next tick tries again rather than stopping the host.
                logger.LogError(e, "Sending the e-mail outbox failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Claims the messages that are due and sends them over one SMTP connection; returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var batch = await outbox.ClaimAsync(Node, Email.MaxAttempts, ClaimTimeout, BatchSize);
        if (batch.Count == 0) return 0;
        using var client = new SmtpClient { Timeout = (int)CommandTimeout.TotalMilliseconds };
        Exception? unreachable = null;
        foreach (var message in batch)
        {
            var error = unreachable ?? await TrySendAsync(client, message, ct);
            if (error is null) continue;
            await FailedAsync(message, error);
            // A refused message leaves the connection up for the next one; a lost server fails the rest of the batch
            // at once rather than waiting for a timeout on each.
            if (!client.IsConnected) unreachable = error;
        }
        if (client.IsConnected) await client.DisconnectAsync(quit: true, ct);
        return batch.Count;
    }

    private async Task<Exception?> TrySendAsync(SmtpClient client, OutboxMessage message, CancellationToken ct)
    {
        try
        {
            if (!client.IsConnected) await ConnectAsync(client, ct);
            await client.SendAsync(Compose(message), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return e;
        }
        await outbox.MarkSentAsync(message.Id);
        return null;
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken ct)
    {
        var security = !Email.UseSsl ? SecureSocketOptions.StartTlsWhenAvailable
            : Email.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(Email.SmtpHost!, Email.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(Email.UserName))
            await client.AuthenticateAsync(Email.UserName, Email.Password ?? "", ct);
    }

    private MimeMessage Compose(OutboxMessage message)
    {
        var from = MailboxAddress.Parse(Email.From);
        var mail = new MimeMessage { Subject = message.Subject };
        mail.From.Add(from);
        mail.To.Add(MailboxAddress.Parse(message.ToAddress));
        var body = new TextPart("plain");
        body.SetText(Encoding.UTF8, message.Body);
        mail.Body = body;
        // The outbox id makes a resend after a lost acknowledgement recognisable as the same message.
        mail.MessageId = $"outbox-{message.Id}@{from.Domain}";
        return mail;
    }

    private async Task FailedAsync(OutboxMessage message, Exception error)
    {
        var attempt = message.Attempts + 1;
        var delay = TimeSpan.FromTicks(Math.Min(LongestRetryDelay.Ticks, Email.RetryDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));
        await outbox.MarkFailedAsync(message.Id, $"{error.GetType().Name}: {error.Message}", DateTimeOffset.UtcNow + delay);
        if (attempt >= Email.MaxAttempts)
            logger.LogWarning("Gave up e-mail {Id} after {Attempts} attempts: {Error}", message.Id, attempt, error.Message);
        else
            logger.LogInformation("E-mail {Id} failed (attempt {Attempt}), retrying in {Delay}: {Error}", message.Id, attempt, delay, error.Message);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
