using System.CommandLine;
using RegLookup.Data.Interchange;
using RegLookup.Data.Migrations;
using RegLookup.Data;
using RegLookup.Indexing.Lifecycle;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Cli;

/// <summary>
/// The verbs of the web app's own executable (http-api.md): <c>import &lt;folder&gt; [--replace]</c>,
/// <c>export &lt;folder&gt;</c>, <c>reindex</c>, <c>grant-role &lt;email&gt; &lt;role&gt;</c>. They read the same configuration as the server.
/// </summary>
public static class CommandLine
{
    public static readonly string[] Verbs = ["import", "export", "reindex", "grant-role"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "Thư mục dữ liệu JSON Lines / dataset folder" };
        var replace = new Option<bool>("--replace") { Description = "Xóa dữ liệu cũ trước khi nạp / replace everything" };

        var import = new Command("import", "Kiểm tra và nạp một thư mục dữ liệu / validate and load a dataset folder") { folder, replace };
        import.SetAction(async (parse, ct) =>
        {
            var db = services.GetRequiredService<Database>();
            await Migrator.MigrateAsync(db, ct);
            var result = await services.GetRequiredService<DatasetImporter>().ImportAsync(
                parse.GetValue(folder)!, parse.GetValue(replace), new ConsoleProgress(output), ct);
            if (result.Succeeded) return 0;
            foreach (var e in result.Errors.Take(20)) await error.WriteLineAsync(e.ToString());
            if (result.Errors.Count > 20) await error.WriteLineAsync($"… {result.Errors.Count - 20} more errors");
            await error.WriteLineAsync("Nothing was loaded.");
            return 1;
        });

        var export = new Command("export", "Xuất toàn bộ dữ liệu / write the whole dataset") { folder };
        export.SetAction(async (parse, ct) =>
        {
            var db = services.GetRequiredService<Database>();
            await Migrator.MigrateAsync(db, ct);
            var count = await services.GetRequiredService<DatasetExporter>().ExportAsync(parse.GetValue(folder)!, includeDrafts: true, ct);
            await output.WriteLineAsync($"Exported {count:N0} records to {parse.GetValue(folder)}");
            return 0;
        });

        var reindex = new Command("reindex", "Xây dựng lại chỉ mục tìm kiếm / rebuild the search index from the database");
        reindex.SetAction(async (_, ct) =>
        {
            var db = services.GetRequiredService<Database>();
            await Migrator.MigrateAsync(db, ct);
            // A request in the change feed: every node (this one when it next starts) rebuilds its own index into a
            // new folder and swaps to it without stopping search.
            await db.WriteAsync(s =>
            {
                s.Changed(IndexFollower.RebuildEntity, "*", "rebuild");
                return Task.CompletedTask;
            }, ct);
            await output.WriteLineAsync("Rebuild requested: every node rebuilds its search index from the database and swaps to it.");
            return 0;
        });

        var root = new RootCommand("RegLookup — Cổng tham vấn và tra cứu quy định kinh doanh") { import, export, reindex, GrantRoleCommand.Create(services, output, error) };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Writes progress as it comes, not through a synchronization context.</summary>
    private sealed class ConsoleProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}
