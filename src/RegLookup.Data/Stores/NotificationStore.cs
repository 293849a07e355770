using Dapper;

namespace RegLookup.Data.Stores;

/// <summary>What a person is told in the portal: <see cref="Kind"/> says what happened, <see cref="Title"/> names the item.</summary>
public sealed record Notification
{
    public long Id { get; init; }
    public required string UserId { get; init; }
    public required string Kind { get; init; }
    public required string Entity { get; init; }
    public required string EntityId { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
}

/// <summary>Follows and in-app notifications. Fan-out happens in SQL, inside the transaction of the change it reports.</summary>
public sealed class NotificationStore(Database db)
{
    public Task FollowAsync(string userId, string entity, string entityId) => db.WriteAsync(s => s.ExecuteAsync("""
        INSERT INTO follows (user_id, entity, entity_id, created_at) VALUES (@userId, @entity, @entityId, @now)
        ON CONFLICT DO NOTHING
        """, new { userId, entity, entityId, now = DateTimeOffset.UtcNow }));

    public Task UnfollowAsync(string userId, string entity, string entityId) => db.WriteAsync(s => s.ExecuteAsync(
        "DELETE FROM follows WHERE user_id = @userId AND entity = @entity AND entity_id = @entityId", new { userId, entity, entityId }));

    public Task<bool> FollowsAsync(string userId, string entity, string entityId) => db.ReadAsync(c => c.ExecuteScalarAsync<bool>(
        "SELECT COUNT(*) > 0 FROM follows WHERE user_id = @userId AND entity = @entity AND entity_id = @entityId", new { userId, entity, entityId }));

    public Task<List<(string Entity, string EntityId)>> FollowedByAsync(string userId) => db.ReadAsync(async c =>
        (await c.QueryAsync<(string, string)>("SELECT entity, entity_id FROM follows WHERE user_id = @userId ORDER BY created_at DESC", new { userId })).ToList());

    /// <summary>Notifies everyone following any of <paramref name="followed"/> (once each), except the person who acted.
    /// Returns the ids of the people notified, for the e-mail outbox.</summary>
    public async Task<List<string>> NotifyFollowersAsync(DbSession s, IReadOnlyCollection<(string Entity, string EntityId)> followed,
        string? exceptUserId, string kind, string entity, string entityId, string title, string url)
    {
        if (followed.Count == 0) return [];
        var wanted = followed.ToHashSet();
        var rows = await s.QueryAsync<(string UserId, string Entity, string EntityId)>($"""
            SELECT user_id, entity, entity_id FROM follows WHERE {s.Dialect.In("entity_id", "ids")}
            """, new { ids = wanted.Select(f => f.EntityId).Distinct().ToArray() });
        var users = rows.Where(r => wanted.Contains((r.Entity, r.EntityId)) && r.UserId != exceptUserId)
            .Select(r => r.UserId).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var userId in users)
            await NotifyAsync(s, userId, kind, entity, entityId, title, url);
        return users;
    }

    public Task NotifyAsync(DbSession s, string userId, string kind, string entity, string entityId, string title, string url) =>
        s.ExecuteAsync("""
            INSERT INTO notifications (user_id, kind, entity, entity_id, title, url, created_at)
            VALUES (@userId, @kind, @entity, @entityId, @title, @url, @now)
            """, new { userId, kind, entity, entityId, title, url, now = DateTimeOffset.UtcNow });

    public Task<List<Notification>> ListAsync(string userId, int take = 50) => db.ReadAsync(async c => (await c.QueryAsync<Notification>("""
        SELECT id, user_id, kind, entity, entity_id, title, url, created_at, read_at FROM notifications
        WHERE user_id = @userId ORDER BY id DESC LIMIT @take
        """, new { userId, take })).ToList());

    public Task<int> UnreadCountAsync(string userId) => db.ReadAsync(c => c.ExecuteScalarAsync<int>(
        "SELECT COUNT(*) FROM notifications WHERE user_id = @userId AND read_at IS NULL", new { userId }));

    public Task MarkAllReadAsync(string userId) => db.WriteAsync(s => s.ExecuteAsync(
        "UPDATE notifications SET read_at = @now WHERE user_id = @userId AND read_at IS NULL", new { userId, now = DateTimeOffset.UtcNow }));
}
