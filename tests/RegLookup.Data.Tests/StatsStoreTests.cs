using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Data.Tests;

/// <summary>The dashboard's figures, counted by each engine, against what the sample dataset holds by hand.</summary>
public class StatsStoreTests
{
    private static Task<TestDatabase> LoadedAsync(DbEngine engine) => TestDatabase.CreateLoadedAsync(engine);

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Regulations_and_proposals_per_agency(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var stats = new StatsStore(t.Db);

        var byStatus = await stats.RegulationsByStatusAsync();
        Assert.Equal([("BCT", "in_force", 2L, 143_000_000L), ("BCT", "proposed_cut", 1L, 0L), ("BYT", "simplified", 1L, 0L)],
            byStatus.Select(c => (c.Agency, c.Value, c.Count, c.CostVnd)));
        Assert.Equal([("BCT", "business_condition", 2L), ("BCT", "reporting", 1L), ("BYT", "procedure", 1L)],
            (await stats.RegulationsByKindAsync()).Select(c => (c.Agency, c.Value, c.Count)));
        Assert.Equal([("BCT", "consultation", 1L), ("BYT", "implemented", 1L)],
            (await stats.ProposalsByStatusAsync()).Select(c => (c.Agency, c.Value, c.Count)));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Consultation_figures_honour_the_period_and_the_agency(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var stats = new StatsStore(t.Db);
        var since2026 = new Period(new DateOnly(2026, 1, 1), null);

        Assert.Equal(4, (await stats.CommentsByAsync(CommentColumn.RespondentType, Period.All)).Sum(c => c.Count));
        Assert.All(await stats.CommentsByAsync(CommentColumn.Stance, Period.All), c => Assert.Equal(1, c.Count));
        Assert.Equal([("PA-BCT-XD-2026-01", 3L)], (await stats.CommentsByAsync(CommentColumn.Proposal, since2026)).Select(c => (c.Value, c.Count)));
        Assert.Equal([("expert", 1L)], (await stats.CommentsByAsync(CommentColumn.RespondentType, Period.All, "BYT")).Select(c => (c.Value, c.Count)));
        // 6 Oct 2026 14:00 in Vietnam is 07:00 UTC: a period ending on the 5th leaves it out, one ending on the 6th keeps it.
        Assert.Single(await stats.ResponseTimesAsync(new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 5))));
        Assert.Equal(2, (await stats.ResponseTimesAsync(new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 6)))).Count);

        var times = await stats.ResponseTimesAsync(Period.All);
        Assert.Equal(4, times.Count);
        Assert.Equal([15.0, 21.0], times.Where(x => x.ResponseAt is not null)
            .Select(x => Math.Round((x.ResponseAt!.Value - x.CreatedAt).TotalDays)).Order());

        var savings = await stats.ProposalSavingsAsync(Period.All);
        Assert.Equal([("consultation", 1L, 48_000_000_000L, 120_000L), ("implemented", 1L, 0L, 0L)],
            savings.Select(s => (s.Status, s.Proposals, s.SavingVnd, s.SavingDays)));
        Assert.Equal(["consultation"], (await stats.ProposalSavingsAsync(since2026)).Select(s => s.Status));
        Assert.Empty(await stats.ProposalSavingsAsync(since2026, "BYT"));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_draft_is_not_counted_in_public_figures(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var stats = new StatsStore(t.Db);
        var before = (await stats.ProposalsByStatusAsync(), await stats.ProposalSavingsAsync(Period.All));

        await t.Db.WriteAsync(s => new ProposalStore(t.Db).UpsertAsync(s, new Proposal
        {
            Id = "PA-BCT-2026-99", Agency = "BCT", Title = "Dự thảo chưa lấy ý kiến", Status = "draft",
            OpensOn = new DateOnly(2027, 1, 1), ClosesOn = new DateOnly(2027, 2, 1), EstimatedSavingVnd = 5_000_000,
        }));

        Assert.Equal(before.Item1, await stats.ProposalsByStatusAsync());
        Assert.Equal(before.Item2, await stats.ProposalSavingsAsync(Period.All));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_hidden_comment_is_not_counted(DbEngine engine)
    {
        await using var t = await LoadedAsync(engine);
        var stats = new StatsStore(t.Db);
        var before = (await stats.CommentsByAsync(CommentColumn.Stance, Period.All)).Sum(c => c.Count);

        await t.Db.WriteAsync(s => s.ExecuteAsync(
            "UPDATE comments SET hidden_at = @now, hidden_reason = 'Quảng cáo' WHERE id = (SELECT MIN(id) FROM comments)",
            new { now = DateTimeOffset.UtcNow }));

        Assert.Equal(before - 1, (await stats.CommentsByAsync(CommentColumn.Stance, Period.All)).Sum(c => c.Count));
    }
}
