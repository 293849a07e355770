using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Data.Tests;

public class ChangeFeedTests
{
    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_write_appears_once_in_commit_order(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        var agencies = new AgencyStore(t.Db);
        var feed = new ChangeFeed(t.Db);

        await t.Db.WriteAsync(s => agencies.UpsertAsync(s, new Agency { Code = "BCT", Name = "Bộ Công Thương" }));
        var start = await feed.LatestSeqAsync();
        await t.Db.WriteAsync(async s =>
        {
            await agencies.UpsertAsync(s, new Agency { Code = "BYT", Name = "Bộ Y tế" });
            await agencies.UpsertAsync(s, new Agency { Code = "BTC", Name = "Bộ Tài chính" });
        });

        var changes = await feed.ReadAfterAsync(start);
        Assert.Equal(["BYT", "BTC"], changes.Select(c => c.EntityId));
        Assert.All(changes, c => Assert.Equal(Entities.Agency, c.Entity));
        Assert.True(changes[1].Seq > changes[0].Seq);
        Assert.Empty(await feed.ReadAfterAsync(changes[1].Seq));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rolled_back_write_leaves_no_change(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        await using (var s = await t.Db.BeginAsync())
        {
            await new AgencyStore(t.Db).UpsertAsync(s, new Agency { Code = "BCT", Name = "Bộ Công Thương" });
            // disposed without commit
        }
        Assert.Equal(0, await new ChangeFeed(t.Db).LatestSeqAsync());
        Assert.Empty(await new AgencyStore(t.Db).ListAsync());
    }

    /// <summary>
    /// A follower polling "what changed after N" while many writers commit at once must see every change exactly
    /// once: a sequence number handed out before a slower transaction commits would otherwise be skipped.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_follower_misses_nothing_under_concurrent_writers(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        var agencies = new AgencyStore(t.Db);
        var feed = new ChangeFeed(t.Db);
        const int writers = 6, writesEach = 15;

        var done = false;
        var seen = new List<Change>();
        var follower = Task.Run(async () =>
        {
            long after = 0;
            while (true)
            {
                var finished = Volatile.Read(ref done);
                var batch = await feed.ReadAfterAsync(after);
                seen.AddRange(batch);
                if (batch.Count > 0) after = batch[^1].Seq;
                else if (finished) return;
                else await Task.Delay(2);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < writesEach; i++)
            {
                await using var s = await t.Db.BeginAsync();
                await agencies.UpsertAsync(s, new Agency { Code = $"W{w}-{i}", Name = $"Cơ quan {w}-{i}" });
                await Task.Delay(Random.Shared.Next(0, 3)); // hold the transaction open a little, as real writes do
                await s.CommitAsync();
            }
        })));
        Volatile.Write(ref done, true);
        await follower;

        Assert.Equal(writers * writesEach, seen.Count);
        Assert.Equal(seen.Count, seen.Select(c => c.EntityId).Distinct().Count());
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Seq < p.Second.Seq));
    }
}
