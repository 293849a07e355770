using System.Text.Json;
using Dapper;

namespace RegLookup.Data.Stores;

public sealed record AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public required string Entity { get; init; }
    public required string EntityId { get; init; }
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }
}

/// <summary>Who did what to which record, with the record before and after, written in the same transaction.</summary>
public sealed class AuditLog(Database db)
{
    public Task AppendAsync(DbSession s, string actor, string action, string entity, string entityId, object? before, object? after) =>
        s.ExecuteAsync("""
            INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
            VALUES (@At, @actor, @action, @entity, @entityId, @BeforeJson, @AfterJson)
            """, new
        {
            At = DateTimeOffset.UtcNow, actor, action, entity, entityId,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before, JsonSerializerOptions.Web),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, JsonSerializerOptions.Web),
        });

    public Task<List<AuditEntry>> ListForAsync(string entity, string entityId) =>
        db.ReadAsync(async c => (await c.QueryAsync<AuditEntry>("""
            SELECT id, at, actor, action, entity, entity_id, before_json, after_json FROM audit_log
            WHERE entity = @entity AND entity_id = @entityId ORDER BY id
            """, new { entity, entityId })).ToList());
}
