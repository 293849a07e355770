using System.Collections.Concurrent;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Indexing.Lifecycle;

namespace RegLookup.Web.Consultations;

/// <summary>
/// Tells the live islands on proposal pages that a proposal's comments changed (a comment, reply, edit, response or
/// hiding written through any web node). It listens to this node's index follower, which reads the shared change
/// feed anyway, so viewers cost the database nothing while nothing changes.
/// </summary>
public sealed class CommentEvents
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<Task>>> _listeners = new(StringComparer.Ordinal);
    private readonly CommentStore _comments;
    private readonly ILogger<CommentEvents> _log;

    public CommentEvents(CommentStore comments, ILogger<CommentEvents> log, IndexFollower? follower = null)
    {
        _comments = comments;
        _log = log;
        if (follower is not null) follower.ChangesApplied += changes => _ = OnChangesAsync(changes);
    }

    /// <summary>Calls <paramref name="changed"/> whenever a comment of the proposal changes, until disposed.</summary>
    public IDisposable Subscribe(string proposalId, Func<Task> changed)
    {
        var key = Guid.NewGuid();
        _listeners.GetOrAdd(proposalId, _ => new())[key] = changed;
        return new Subscription(() =>
        {
            if (_listeners.TryGetValue(proposalId, out var listeners)) listeners.TryRemove(key, out _);
        });
    }

    /// <summary>Tells the listeners of these proposals.</summary>
    public async Task PublishAsync(IEnumerable<string> proposalIds)
    {
        foreach (var id in proposalIds)
            if (_listeners.TryGetValue(id, out var listeners))
                foreach (var listener in listeners.Values)
                {
                    try
                    {
                        await listener();
                    }
                    catch (Exception ex)
                    {
                        // One viewer's closed connection must not keep the news from the others.
                        _log.LogDebug(ex, "A live comment thread could not be told");
                    }
                }
    }

    private async Task OnChangesAsync(IReadOnlyList<Change> changes)
    {
        try
        {
            var ids = changes.Where(c => c.Entity == Entities.Comment).Select(c => c.EntityId).Distinct().ToArray();
            if (ids.Length == 0 || _listeners.IsEmpty) return;
            await PublishAsync(await _comments.ProposalIdsOfAsync(ids));
        }
        catch (Exception ex)
        {
            // A viewer missing one live update still sees it on the next page load; the follower must go on.
            _log.LogWarning(ex, "Could not tell live comment threads about changes");
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
