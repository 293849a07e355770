using Dapper;

namespace RegLookup.Data.Stores;

public sealed record OutboxMessage
{
    public long Id { get; init; }
    public required string ToAddress { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
}

/// <summary>
/// E-mail to send, written in the transaction of what it reports, so no message is lost or sent for a rolled-back
/// change. Senders on several web nodes share the table: each claims a batch before sending it (see <see cref="ClaimAsync"/>).
/// </summary>
public sealed class OutboxStore(Database db)
{
    private const string Columns = "id, to_address, subject, body, created_at, sent_at, attempts, last_error, claimed_by, next_attempt_at";

    /// <summary>The longest error text kept: enough for an SMTP reply, not a whole stack trace.</summary>
    public const int MaxErrorLength = 1000;

    public Task EnqueueAsync(DbSession s, string toAddress, string subject, string body) => s.ExecuteAsync("""
        INSERT INTO outbox (to_address, subject, body, created_at) VALUES (@toAddress, @subject, @body, @now)
        """, new { toAddress, subject, body, now = DateTimeOffset.UtcNow });

    public Task EnqueueAsync(string toAddress, string subject, string body) =>
        db.WriteAsync(s => EnqueueAsync(s, toAddress, subject, body));

    /// <summary>
    /// Marks up to <paramref name="take"/> due messages as being sent by <paramref name="node"/> and returns them.
    /// Due: not sent, fewer than <paramref name="maxAttempts"/> attempts, past its retry time, and not claimed by
    /// another node less than <paramref name="claimTimeout"/> ago. The claim is one UPDATE whose WHERE is checked again
    /// on every row it changes (PostgreSQL re-reads a row another transaction just claimed; SQLite has one writer),
    /// so when two nodes race for a message exactly one of them gets it.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimAsync(string node, int maxAttempts, TimeSpan claimTimeout, int take = 50)
    {
        var now = DateTimeOffset.UtcNow;
        List<OutboxMessage> claimed = [];
        await db.WriteAsync(async s => claimed = (await s.QueryAsync<OutboxMessage>($"""
            UPDATE outbox SET claimed_by = @node, claimed_at = @now
            WHERE id IN (SELECT id FROM outbox
                         WHERE sent_at IS NULL AND attempts < @maxAttempts
                           AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
                           AND (claimed_at IS NULL OR claimed_at < @stale)
                         ORDER BY id LIMIT @take)
              AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < @stale)
            RETURNING {Columns}
            """, new { node, now, stale = now - claimTimeout, maxAttempts, take })).OrderBy(m => m.Id).ToList());
        return claimed;
    }

    public Task MarkSentAsync(long id) => db.WriteAsync(s => s.ExecuteAsync("""
        UPDATE outbox SET sent_at = @now, attempts = attempts + 1, claimed_by = NULL, claimed_at = NULL WHERE id = @id
        """, new { id, now = DateTimeOffset.UtcNow }));

    /// <summary>Records a failed attempt and releases the claim; the message is due again at <paramref name="retryAt"/>.</summary>
    public Task MarkFailedAsync(long id, string error, DateTimeOffset retryAt) => db.WriteAsync(s => s.ExecuteAsync("""
        UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @retryAt, claimed_by = NULL, claimed_at = NULL
        WHERE id = @id
        """, new { id, error = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength], retryAt }));

    public Task<OutboxMessage?> GetAsync(long id) => db.ReadAsync(c => c.QuerySingleOrDefaultAsync<OutboxMessage>(
        $"SELECT {Columns} FROM outbox WHERE id = @id", new { id }));

    public Task<List<OutboxMessage>> ListToAsync(string toAddress) => db.ReadAsync(async c => (await c.QueryAsync<OutboxMessage>(
        $"SELECT {Columns} FROM outbox WHERE to_address = @toAddress ORDER BY id", new { toAddress })).ToList());
}
