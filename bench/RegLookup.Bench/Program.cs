using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using RegLookup.Bench;
using RegLookup.Bench.Search;
using RegLookup.Bench.Pages;
using RegLookup.Data;
using RegLookup.Data.Interchange;
using RegLookup.Data.Migrations;

var regulations = new Option<int>("--regulations") { Description = "How many regulations", DefaultValueFactory = _ => 100_000 };
var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 68 };
var folder = new Argument<string>("folder");
var results = new Option<string>("--results") { Description = "Markdown file the figures are appended to", DefaultValueFactory = _ => "bench/results/import.md" };

var generate = new Command("generate", "Write a synthetic dataset of N regulations") { folder, regulations, seed };
generate.SetAction(parse =>
{
    new SyntheticDataset(parse.GetValue(regulations), parse.GetValue(seed)).Write(parse.GetValue(folder)!);
    Console.WriteLine($"Wrote {parse.GetValue(regulations):N0} regulations to {parse.GetValue(folder)}");
});

var import = new Command("import", "Measure importing N generated regulations into a new SQLite database") { regulations, seed, results };
import.SetAction(async parse =>
{
    var n = parse.GetValue(regulations);
    var work = Directory.CreateTempSubdirectory("reglookup-bench-");
    var dataset = Path.Combine(work.FullName, "dataset");
    new SyntheticDataset(n, parse.GetValue(seed)).Write(dataset);

    await using var db = new Database($"Data Source={Path.Combine(work.FullName, "bench.db")}");
    await Migrator.MigrateAsync(db);
    var clock = Stopwatch.StartNew();
    var result = await new DatasetImporter(db).ImportAsync(dataset, progress: new Progress<string>(Console.WriteLine));
    clock.Stop();
    if (!result.Succeeded) throw new InvalidOperationException(result.Errors[0].ToString());

    var line = string.Format(CultureInfo.InvariantCulture,
        "| {0:yyyy-MM-dd} | SQLite | {1:N0} | {2:N0} | {3:F1} s | {4:N0} records/s | {5} cores, {6} |",
        DateTime.UtcNow, n, result.Records, clock.Elapsed.TotalSeconds, result.Records / clock.Elapsed.TotalSeconds,
        Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription);
    Console.WriteLine(line);
    var file = parse.GetValue(results)!;
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
    if (!File.Exists(file))
        await File.WriteAllTextAsync(file, """
            # Import benchmark

            Command: `dotnet run -c Release --project bench/RegLookup.Bench -- import --regulations 100000`
            (generates the synthetic dataset, then times validation + the one-transaction load into a new SQLite file).

            | date | engine | regulations | records (all files) | time | throughput | machine |
            |---|---|---|---|---|---|---|

            """);
    await File.AppendAllTextAsync(file, line + "\n");
    work.Delete(recursive: true);
});

var clients = new Option<int>("--clients") { Description = "Concurrent clients", DefaultValueFactory = _ => 20 };
var seconds = new Option<int>("--seconds") { Description = "Seconds of load per page kind", DefaultValueFactory = _ => 20 };
var pagesResults = new Option<string>("--results") { Description = "Markdown file the figures are appended to", DefaultValueFactory = _ => "bench/results/pages.md" };
var server = new Option<string?>("--server") { Description = "Load a portal that is already running (on seed data) instead of starting one, e.g. to profile it" };
var warmup = new Option<int>("--warmup") { Description = "Seconds of the same load on each page kind before it is measured", DefaultValueFactory = _ => 30 };
var pages = new Command("pages", "Measure the server-rendered search and regulation pages under concurrent load") { clients, seconds, warmup, pagesResults, server };
pages.SetAction(async parse =>
{
    var repo = RepoRoot();
    await using var portal = parse.GetValue(server) is null ? await PortalProcess.StartAsync(repo) : null;
    var address = portal?.Address ?? new Uri(parse.GetValue(server)!);
    var load = new PageLoad(address, parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(seconds)), portal is null ? null : () => portal.ProcessorTime);
    // A fresh process runs its hot paths through unoptimised and instrumented JIT tiers for its first half minute or
    // so under this load; measured from the start, the first kind paid for it (the search page at twice its steady
    // CPU cost). Real traffic meets a portal that has been up for hours.
    var warm = new PageLoad(address, parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(warmup)));
    var measured = new List<PageLoadResult>();
    foreach (var (page, paths) in new[]
    {
        ("search results `/search?q=…`", PageLoad.SearchPaths()),
        // The same queries as JSON: the engine and the HTTP stack without the page's rendering.
        ("search API `/api/search?q=…`", PageLoad.SearchPaths().Select(p => "/api" + p).ToList()),
        ("regulation `/regulations/{id}`", PageLoad.RegulationPaths(Path.Combine(repo, "seed-data"))),
    })
    {
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {page}");
        if (parse.GetValue(warmup) > 0) await warm.RunAsync("warm-up", paths);
        measured.Add(await load.RunAsync(page, paths));
    }
    var file = parse.GetValue(pagesResults)!;
    if (!File.Exists(file))
        await File.WriteAllTextAsync(file, """
            # Page latency benchmark

            Command: `dotnet run -c Release --project bench/RegLookup.Bench -- pages --clients 20 --seconds 20`
            (builds and starts the portal in Release on SQLite with seed-data, then keeps N clients requesting server-rendered
            pages back to back over loopback; latency is until the whole HTML is read). Target: search page p95 ≤ 50 ms.

            """);
    var text = $"\n## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}\n\n" +
        $"Each kind first loaded for {parse.GetValue(warmup)} s unmeasured. CPU columns: processor time the portal and the load generator " +
        "spent per request (the other processes on this shared machine move requests/s and latency much more than these).\n\n" +
        PageLoadResult.Header +
        string.Join("\n", measured.Select(m => m.Row())) + "\n";
    await File.AppendAllTextAsync(file, text);
    Console.Write(text);
});

var threadComments = new Option<int>("--comments") { Description = "Comments in the thread", DefaultValueFactory = _ => 2000 };
var threadResults = new Option<string>("--results") { Description = "Markdown file the figures are appended to", DefaultValueFactory = _ => "bench/results/thread.md" };
var thread = new Command("thread", "Measure a proposal page whose thread has N generated comments: the first screen and the \"more\" pages")
    { threadComments, clients, seconds, seed, threadResults };
thread.SetAction(async parse =>
{
    await using var portal = await PortalProcess.StartAsync(RepoRoot());
    var n = parse.GetValue(threadComments);
    var threads = await ThreadBenchmark.SeedAsync(Path.Combine(portal.DataFolder, "reglookup.db"), n, parse.GetValue(seed));
    var page = $"/proposals/{ThreadBenchmark.ProposalId}";
    var (firstBytes, firstComments, pageCount) = await ThreadBenchmark.WeighAsync(portal.Address, page);
    string[] first = [page], api = [$"/api/proposals/{ThreadBenchmark.ProposalId}/comments"];
    var more = Enumerable.Range(2, pageCount - 1).Select(p => $"{page}?threads={p}").ToList();
    // Until the JIT has optimised the hot paths and the index follower has taken in the new comments, the first
    // measured kind would pay for both: warm up on all three first.
    await new PageLoad(portal.Address, parse.GetValue(clients), TimeSpan.FromSeconds(30)).RunAsync("warm-up", [.. first, .. more, .. api]);
    var load = new PageLoad(portal.Address, parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(seconds)), () => portal.ProcessorTime);
    var measured = new[]
    {
        await load.RunAsync("first screen `/proposals/{id}`", first),
        await load.RunAsync($"\"more\" pages `?threads=2…{pageCount}`", more),
        await load.RunAsync("the whole thread as JSON `/api/proposals/{id}/comments`", api),
    };
    var file = parse.GetValue(threadResults)!;
    if (!File.Exists(file))
        await File.WriteAllTextAsync(file, """
            # Long consultation thread benchmark

            Command: `dotnet run -c Release --project bench/RegLookup.Bench -- thread --comments 2000 --clients 8 --seconds 15`
            (builds and starts the portal in Release on SQLite with seed-data, writes a proposal open for comment with N
            generated comments into its database (one in five starts a thread, replies nest up to eight levels, a quarter
            answered), then keeps the given number of clients requesting its page back to back over loopback; latency is until the whole
            HTML is read). A screen holds up to 20 threads and, past its first thread, up to 60 comments; "more" pages are
            `?threads=2`, `?threads=3`, …

            """);
    var text = $"\n## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}\n\n" +
        $"{n:N0} comments in {threads:N0} threads ({pageCount} screens); first screen: {firstComments} comments, {ThreadBenchmark.Kb(firstBytes)} of HTML.\n\n" +
        PageLoadResult.Header +
        string.Join("\n", measured.Select(m => m.Row())) + "\n";
    await File.AppendAllTextAsync(file, text);
    Console.Write(text);
});

var queries = new Option<int>("--queries") { Description = "How many queries to measure (after 200 warm-up ones)", DefaultValueFactory = _ => 2000 };
var postgres = new Option<string?>("--pg") { Description = "PostgreSQL server to use (Host=…;Port=…;Username=…); without it a throw-away cluster is started" };
var postgresCopy = new Option<bool>("--pg-copy") { Description = "Load PostgreSQL with COPY instead of our importer (for a million regulations)" };
var maxSeconds = new Option<int>("--max-seconds") { Description = "Most seconds of measured queries per engine", DefaultValueFactory = _ => 600 };
var searchResults = new Option<string>("--results") { Description = "Markdown file the figures are appended to", DefaultValueFactory = _ => "bench/results/search.md" };

var search = new Command("search", "Compare our search with SQLite FTS5 and PostgreSQL full-text search on N generated regulations")
    { regulations, queries, seed, postgres, postgresCopy, maxSeconds, searchResults };
search.SetAction(parse => SearchBenchmark.RunAsync(new SearchOptions(
    parse.GetValue(regulations), parse.GetValue(queries), parse.GetValue(seed), parse.GetValue(postgres), parse.GetValue(postgresCopy),
    TimeSpan.FromSeconds(parse.GetValue(maxSeconds)), parse.GetValue(searchResults)!, CommandLine(args))));

return await new RootCommand("RegLookup benchmarks") { generate, import, pages, search, thread }.Parse(args).InvokeAsync();

// The command as typed, for the results file; a password given with --pg is not written there.
static string CommandLine(string[] args) => "dotnet run -c Release --project bench/RegLookup.Bench -- " + string.Join(' ', args
    .Select(a => Regex.Replace(a, "(?i)(Password=)[^;]*", "$1…"))
    .Select(a => a.Contains(' ') || a.Contains(';') ? $"\"{a}\"" : a));

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "RegLookup.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("Run the benchmark from inside the repository");
}
