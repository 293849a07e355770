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
}

/// <summary>E-mail to send, written in the transaction of what it reports, so no message is lost or sent for a rolled-back change.</summary>
public sealed class OutboxStore(Database db)
{
    public Task EnqueueAsync(DbSession s, string toAddress, string subject, string body) => s.ExecuteAsync("""
        INSERT INTO outbox (to_address, subject, body, created_at) VALUES (@toAddress, @subject, @body, @now)
        """, new { toAddress, subject, body, now = DateTimeOffset.UtcNow });

    public Task EnqueueAsync(string toAddress, string subject, string body) =>
        db.WriteAsync(s => EnqueueAsync(s, toAddress, subject, body));

    public Task<List<OutboxMessage>> PendingAsync(int maxAttempts, int take = 50) => db.ReadAsync(async c => (await c.QueryAsync<OutboxMessage>("""
        SELECT id, to_address, subject, body, created_at, sent_at, attempts, last_error FROM outbox
        WHERE sent_at IS NULL AND attempts < @maxAttempts ORDER BY id LIMIT @take
        """, new { maxAttempts, take })).ToList());

    public Task<List<OutboxMessage>> ListToAsync(string toAddress) => db.ReadAsync(async c => (await c.QueryAsync<OutboxMessage>("""
        SELECT id, to_address, subject, body, created_at, sent_at, attempts, last_error FROM outbox
        WHERE to_address = @toAddress ORDER BY id
        """, new { toAddress })).ToList());

    public Task MarkSentAsync(long id) => db.WriteAsync(s => s.ExecuteAsync(
        "UPDATE outbox SET sent_at = @now, attempts = attempts + 1 WHERE id = @id", new { id, now = DateTimeOffset.UtcNow }));

    public Task MarkFailedAsync(long id, string error) => db.WriteAsync(s => s.ExecuteAsync(
        "UPDATE outbox SET attempts = attempts + 1, last_error = @error WHERE id = @id", new { id, error }));
}
