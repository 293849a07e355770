using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace RegLookup.Bench.Search;

public sealed record ReportRow(EngineBuild Build, LatencyRun Run);

/// <summary>What the results note about the run besides the table.</summary>
public sealed record RunContext(DateTime Started, string LoadAverage, TimeSpan Generated, TimeSpan SqliteImport, TimeSpan PostgresImport, bool PostgresCopy, string Postgres);

/// <summary>Appends one run to the results file as a markdown section; writes the file's header first if it is new.</summary>
public static class SearchReport
{
    private const string Header = """
        # Search benchmark

        Command: `dotnet run -c Release --project bench/RegLookup.Bench -- search --regulations 100000 [--queries 2000] [--pg "Host=…;Port=…;Username=postgres"] [--pg-copy] [--max-seconds 600]`

        One run generates the synthetic dataset (as `generate` does, seed 68), imports it into a new SQLite file with our
        importer, then for each engine in turn builds its index and runs the same query log on one thread, one query after
        the other: 200 warm-up queries, then the measured ones, for at most `--max-seconds` per engine (the warm-up for at
        most a quarter of it; the `queries` column says how many were measured).

        Each engine does the work of one result page of `/api/search`: the total, the top 20 with a snippet each, and the
        agency, sector, kind and status facet counts of the matching regulations, each facet counted under the other
        keys' filters only (the rule of our faceting collector, so a chosen agency still shows the other agencies' counts).

        - **RegLookup (Lucene)**: `IndexFollower.RebuildAsync` builds the index from the SQLite database as a new node
          does (regulations, documents, proposals, suggestions); queries go through `SearchService.Search`: our
          Vietnamese analysis, synonyms, ranking, snippets and facets (doctype too), without HTTP and JSON. It needs all
          of 1–2 words and 75% of more to match, so it finds fewer regulations than the OR queries of the other two
          (`avg hits`).
        - **SQLite FTS5**: an external-content `regulations_fts(title, content)` table with
          `tokenize='unicode61 remove_diacritics 2'` in the same SQLite file; `MATCH '"w1" OR "w2" …'`, ORDER BY bm25
          LIMIT 20 with `snippet()`, and one statement for the total and the facet counts over the matches. unicode61
          keeps đ a letter of its own, so a word typed with d never finds one written with đ ("dieu" or "dầu" does not
          find "điều" or "đầu"), where unaccent and our folding turn đ into d.
        - **PostgreSQL FTS**: the dataset imported with our importer (Migrator, DatasetImporter) into a new database,
          or with `--pg-copy` bulk-loaded with COPY (for the benchmark only: the importer took 172 s for 100,000
          regulations here, so about half an hour at a million); a stored generated `tsvector` column,
          `to_tsvector('simple', bench_unaccent(title || ' ' || content))` with an IMMUTABLE wrapper of `unaccent`, and
          a GIN index; `to_tsquery('simple', bench_unaccent('w1 | w2 …'))`, ORDER BY ts_rank LIMIT 20 with
          `ts_headline`, and the total and facet counts in the same round trip (one prepared batch). Without `--pg` the
          run starts a throw-away cluster of its own on a free loopback port.

        Query log (seed 68): 1–5 consecutive words of the generator's sectors, business lines, requirements and topics,
        half of them typed without diacritics, one in five filtered by agency.

        **build docs/s**: regulations divided by the time to build the search structure from data already in the
        database (Lucene: the whole rebuild; FTS5: the table's 'rebuild'; PostgreSQL: adding the generated column, the
        GIN index and ANALYZE). **index size**: the Lucene folder; what the SQLite file grew by; what the regulations
        table with its indexes grew by. **peak memory**: the peak resident set (VmHWM) over warm-up and measurement,
        of the bench process for the two in-process engines (reset after a full GC before each engine; it includes the
        .NET runtime and SQLite's page cache), and of the PostgreSQL server process of the connection (with the shared
        buffers it touched) for PostgreSQL.


        """;

    public static string Row(ReportRow r) => string.Format(CultureInfo.InvariantCulture,
        "| {0} | {1:N0} | {2:N0} | {3} | {4:F2} ms | {5:F2} ms | {6:F2} ms | {7:F1} | {8:N0} | {9:N0} | {10} |",
        r.Build.Engine.Name, r.Build.Regulations, r.Build.DocsPerSecond, Size(r.Build.IndexBytes), r.Run.P50, r.Run.P95, r.Run.P99,
        r.Run.QueriesPerSecond, r.Run.Measured, r.Run.AverageTotal, r.Run.PeakMemory);

    public static async Task AppendAsync(SearchOptions options, RunContext context, IReadOnlyList<ReportRow> rows)
    {
        var ours = rows[0];
        var sqlite = rows[1];
        var postgres = rows[2];
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line(FormattableString.Invariant($"## {context.Started:yyyy-MM-dd HH:mm} UTC: {options.Regulations:N0} regulations, {options.Queries:N0} queries"));
        Line();
        Line($"Command: `{options.Command}`");
        Line();
        Line(FormattableString.Invariant($"Machine: {Environment.ProcessorCount} cores (nproc), {MemoryGiB():F1} GiB RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {context.LoadAverage} at the start (the machine is shared with other work, so figures are noisy)."));
        var postgresLoad = context.PostgresCopy
            ? "validated by our reader, then binary COPY of agencies, documents, regulations and business lines (`--pg-copy`, for the benchmark only; proposals and comments not loaded)"
            : "DatasetImporter";
        Line(FormattableString.Invariant(
            $"Loading: dataset generated in {context.Generated.TotalSeconds:F1} s; SQLite: DatasetImporter, {context.SqliteImport.TotalSeconds:F1} s; PostgreSQL: {postgresLoad}, {context.PostgresImport.TotalSeconds:F1} s."));
        Line($"PostgreSQL: {context.Postgres}; session: work_mem=64MB, maintenance_work_mem=1GB, jit=off.");
        Line();
        Line("| engine | regulations | build docs/s | index size | p50 | p95 | p99 | queries/s | queries | avg hits | peak memory |");
        Line("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows) Line(Row(row));
        Line();
        Line(FormattableString.Invariant(
            $"RegLookup queries/s ÷ PostgreSQL queries/s: **{ours.Run.QueriesPerSecond / postgres.Run.QueriesPerSecond:F1}×** (÷ SQLite FTS5: {ours.Run.QueriesPerSecond / sqlite.Run.QueriesPerSecond:F1}×)."));
        if (rows.Select(r => r.Run.Measured).Distinct().Count() > 1)
            Line("Not every engine ran the whole log within `--max-seconds`: each engine's figures are over the first `queries` queries of the same log.");
        var compared = Math.Min(sqlite.Run.Totals.Count, postgres.Run.Totals.Count);
        var same = Enumerable.Range(0, compared).Count(i => sqlite.Run.Totals[i] == postgres.Run.Totals[i]);
        Line(FormattableString.Invariant(
            $"SQLite FTS5 and PostgreSQL, both OR queries, found the same total for {same:N0} of {compared:N0} queries (the others have a word with d, which FTS5 does not match to đ)."));
        Line();

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Results))!);
        if (!File.Exists(options.Results)) await File.WriteAllTextAsync(options.Results, Header);
        await File.AppendAllTextAsync(options.Results, text.ToString());
        Console.Write(text);
    }

    private static string Size(long bytes) => string.Format(CultureInfo.InvariantCulture, "{0:N0} MiB", bytes / (1024.0 * 1024));

    private static double MemoryGiB()
    {
        var total = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            : null;
        return total is null
            ? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024)
            : long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / (1024.0 * 1024);
    }
}
