using Dapper;
using RegLookup.Data.Model;

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

/// <summary>Something a person follows, with the name it has today (a sector's name is its id).</summary>
public sealed record FollowedItem
{
    public required string Entity { get; init; }
    public required string EntityId { get; init; }
    public required string Title { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Follows and in-app notifications. Fan-out happens inside the transaction of the change it reports.</summary>
public sealed class NotificationStore(Database db, AuditLog audit)
{
    /// <summary>The kinds of record a person may follow, and how to tell that one exists.</summary>
    private static readonly Dictionary<string, string> ExistsSql = new()
    {
        [Entities.Proposal] = "SELECT COUNT(*) FROM proposals WHERE id = @entityId",
        [Entities.Regulation] = "SELECT COUNT(*) FROM regulations WHERE id = @entityId",
        [Entities.Agency] = "SELECT COUNT(*) FROM agencies WHERE code = @entityId",
        [Entities.Sector] = "SELECT COUNT(*) FROM regulations WHERE sector = @entityId",
    };

    public static IReadOnlyCollection<string> FollowableEntities => ExistsSql.Keys;

    /// <summary>Follows the record; false (and nothing stored) when there is no such record to follow.
    /// Following twice is the same as following once.</summary>
    public async Task<bool> FollowAsync(string userId, string entity, string entityId)
    {
        if (!ExistsSql.TryGetValue(entity, out var exists)) return false;
        var found = false;
        await db.WriteAsync(async s =>
        {
            found = await s.QuerySingleOrDefaultAsync<long>(exists, new { entityId }) > 0;
            if (!found) return;
            await s.ExecuteAsync("""
                INSERT INTO follows (user_id, entity, entity_id, created_at) VALUES (@userId, @entity, @entityId, @now)
                ON CONFLICT DO NOTHING
                """, new { userId, entity, entityId, now = DateTimeOffset.UtcNow });
            await audit.AppendAsync(s, $"user:{userId}", "follow", entity, entityId, null, new { userId });
        });
        return found;
    }

    /// <summary>Stops following; works for a record that no longer exists too.</summary>
    public Task UnfollowAsync(string userId, string entity, string entityId) => db.WriteAsync(async s =>
    {
        if (await s.ExecuteAsync("DELETE FROM follows WHERE user_id = @userId AND entity = @entity AND entity_id = @entityId",
                new { userId, entity, entityId }) > 0)
            await audit.AppendAsync(s, $"user:{userId}", "unfollow", entity, entityId, new { userId }, null);
    });

    public Task<bool> FollowsAsync(string userId, string entity, string entityId) => db.ReadAsync(async c => await c.ExecuteScalarAsync<long>(
        "SELECT COUNT(*) FROM follows WHERE user_id = @userId AND entity = @entity AND entity_id = @entityId", new { userId, entity, entityId }) > 0);

    /// <summary>What the person follows, newest first, each with its current title.</summary>
    public Task<List<FollowedItem>> FollowedByAsync(string userId) => db.ReadAsync(async c => (await c.QueryAsync<FollowedItem>("""
        SELECT f.entity, f.entity_id, COALESCE(p.title, r.title, a.name, f.entity_id) AS title, f.created_at
        FROM follows f
        LEFT JOIN proposals p ON f.entity = @proposal AND p.id = f.entity_id
        LEFT JOIN regulations r ON f.entity = @regulation AND r.id = f.entity_id
        LEFT JOIN agencies a ON f.entity = @agency AND a.code = f.entity_id
        WHERE f.user_id = @userId
        ORDER BY f.created_at DESC, f.entity, f.entity_id
        """, new { userId, proposal = Entities.Proposal, regulation = Entities.Regulation, agency = Entities.Agency })).ToList());

    /// <summary>Notifies everyone following any of <paramref name="followed"/> (once each, however many of them they
    /// follow), except <paramref name="exceptUserIds"/> (the person who acted, someone told more precisely already).
    /// Returns the ids of the people notified, for the e-mail outbox.</summary>
    public async Task<List<string>> NotifyFollowersAsync(DbSession s, IReadOnlyCollection<(string Entity, string EntityId)> followed,
        IReadOnlyCollection<string?> exceptUserIds, string kind, string entity, string entityId, string title, string url)
    {
        if (followed.Count == 0) return [];
        var wanted = followed.ToHashSet();
        var rows = await s.QueryAsync<(string UserId, string Entity, string EntityId)>($"""
            SELECT user_id, entity, entity_id FROM follows WHERE {s.Dialect.In("entity_id", "ids")}
            """, new { ids = wanted.Select(f => f.EntityId).Distinct().ToArray() });
        var users = rows.Where(r => wanted.Contains((r.Entity, r.EntityId)) && !exceptUserIds.Contains(r.UserId))
            .Select(r => r.UserId).Distinct().Order(StringComparer.Ordinal).ToList();
        var now = DateTimeOffset.UtcNow;
        await s.ExecuteAsync(InsertNotification, users.Select(userId => new { userId, kind, entity, entityId, title, url, now }));
        return users;
    }

    public Task NotifyAsync(DbSession s, string userId, string kind, string entity, string entityId, string title, string url) =>
        s.ExecuteAsync(InsertNotification, new { userId, kind, entity, entityId, title, url, now = DateTimeOffset.UtcNow });

    private const string InsertNotification = """
        INSERT INTO notifications (user_id, kind, entity, entity_id, title, url, created_at)
        VALUES (@userId, @kind, @entity, @entityId, @title, @url, @now)
        """;

    public Task<List<Notification>> ListAsync(string userId, int take = 50) => db.ReadAsync(async c => (await c.QueryAsync<Notification>("""
        SELECT id, user_id, kind, entity, entity_id, title, url, created_at, read_at FROM notifications
        WHERE user_id = @userId ORDER BY id DESC LIMIT @take
        """, new { userId, take })).ToList());

    public Task<int> UnreadCountAsync(string userId) => db.ReadAsync(c => c.ExecuteScalarAsync<int>(
        "SELECT COUNT(*) FROM notifications WHERE user_id = @userId AND read_at IS NULL", new { userId }));

    /// <summary>Marks read what the person has seen: every notification up to <paramref name="upToId"/> (the newest on
    /// their screen), so one that arrived meanwhile stays unread.</summary>
    public Task MarkAllReadAsync(string userId, long upToId) => db.WriteAsync(s => s.ExecuteAsync(
        "UPDATE notifications SET read_at = @now WHERE user_id = @userId AND read_at IS NULL AND id <= @upToId",
        new { userId, upToId, now = DateTimeOffset.UtcNow }));
}
