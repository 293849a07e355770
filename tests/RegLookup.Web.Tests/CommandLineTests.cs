using System.Diagnostics;
using RegLookup.Data;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests;

/// <summary>The verbs of the real executable, run as a separate process the way an operator runs them.</summary>
public class CommandLineTests
{
    internal static async Task<(int Exit, string Output, string Error)> RunAsync(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RegLookup.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__RegLookup"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Import_reports_the_first_bad_line_and_exits_non_zero(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine);
        var folder = new SampleDataset().Replace("regulations.jsonl", 3,
            """{"id":"BCT-XD-0003","documentId":"nd-9-2099","agency":"BCT","kind":"reporting","title":"Báo cáo","content":"x","status":"in_force"}""").WriteToTemp();

        var (exit, _, error) = await RunAsync(t.Db.ConnectionString, "import", folder);

        Assert.NotEqual(0, exit);
        Assert.StartsWith("regulations.jsonl:3: documentId 'nd-9-2099' not found", error);
        Assert.True((await new DatasetStore(t.Db).CountAsync()).IsEmpty);
    }

    [Fact]
    public async Task Import_then_export_writes_the_same_records()
    {
        await using var t = await TestDatabase.CreateAsync(DbEngine.Sqlite);
        var sample = new SampleDataset();

        var (exit, output, error) = await RunAsync(t.Db.ConnectionString, "import", sample.WriteToTemp());
        Assert.True(exit == 0, error);
        Assert.Contains($"Imported {sample.RecordCount} records", output);

        var target = Path.Combine(Path.GetTempPath(), "reglookup-tests", "cli-export-" + Guid.NewGuid().ToString("N")[..8]);
        (exit, output, error) = await RunAsync(t.Db.ConnectionString, "export", target);
        Assert.True(exit == 0, error);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(target, "regulations.jsonl")).Length);
        Assert.Contains("\"number\":\"83/2014/NĐ-CP\"", File.ReadAllText(Path.Combine(target, "documents.jsonl")));
    }

    [Fact]
    public async Task Reindex_makes_every_node_rebuild_its_index_into_a_new_generation()
    {
        await using var node = await IndexedSample.CreateAsync();
        var before = node.Index.Folder;

        var (exit, output, error) = await RunAsync(node.Db.ConnectionString, "reindex");
        Assert.True(exit == 0, error);
        Assert.Contains("Rebuild requested", output);
        await node.Follower.CatchUpAsync();

        Assert.NotEqual(before, node.Index.Folder);
        Assert.Equal(4, node.Find("").Total);
    }

    [Fact]
    public async Task A_missing_folder_argument_is_refused_with_a_message()
    {
        await using var t = await TestDatabase.CreateAsync(DbEngine.Sqlite);
        var (exit, _, error) = await RunAsync(t.Db.ConnectionString, "import");
        Assert.NotEqual(0, exit);
        Assert.Contains("Required argument missing", error);
    }
}
