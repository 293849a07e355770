using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace RegLookup.Bench.Pages;

/// <summary>The latencies one page kind showed under load, and the processor time spent per request.</summary>
public sealed record PageLoadResult(string Page, int Clients, int Requests, int Errors, double Seconds, double P50, double P95, double P99,
    double? ServerCpuMs, double ClientCpuMs)
{
    public const string Header =
        "| page | clients | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | portal CPU ms/request | load generator CPU ms/request |\n" +
        "|---|---|---|---|---|---|---|---|---|---|\n";

    public double PerSecond => Requests / Seconds;

    public string Row() => string.Format(CultureInfo.InvariantCulture,
        "| {0} | {1} | {2:N0} | {3} | {4:N0} | {5:F1} | {6:F1} | {7:F1} | {8} | {9:F2} |", Page, Clients, Requests, Errors, PerSecond, P50, P95, P99,
        ServerCpuMs is { } server ? server.ToString("F2", CultureInfo.InvariantCulture) : "—", ClientCpuMs);
}

/// <summary>
/// A closed-loop load generator: <c>clients</c> workers each request the next URL as soon as the previous answer has
/// been read in full, for a fixed time, against a server on this machine's loopback only. With
/// <paramref name="serverCpu"/> (the server process's processor time so far) it also reports the server's CPU per request.
/// </summary>
public sealed class PageLoad(Uri server, int clients, TimeSpan duration, Func<TimeSpan>? serverCpu = null)
{
    public async Task<PageLoadResult> RunAsync(string page, IReadOnlyList<string> paths)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, AutomaticDecompression = DecompressionMethods.None })
        { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        foreach (var path in paths.Take(50)) await http.GetStringAsync(path); // warm caches and JIT

        var next = -1;
        var errors = 0;
        var serverBefore = serverCpu?.Invoke();
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<double>();
            // The body is read to its end into one buffer per client rather than buffered and then copied: the load
            // generator shares the two cores with the portal, and its own CPU comes off the portal's figures.
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < duration)
            {
                var path = paths[(Interlocked.Increment(ref next) & int.MaxValue) % paths.Count];
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                await using (var body = await response.Content.ReadAsStreamAsync())
                    while (await body.ReadAsync(buffer) > 0) { }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
            }
            return mine;
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var clientMs = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalMilliseconds;
        var serverMs = serverBefore is { } before ? (serverCpu!() - before).TotalMilliseconds : (double?)null;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double q) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new PageLoadResult(page, clients, all.Length, errors, seconds, At(0.50), At(0.95), At(0.99), serverMs / all.Length, clientMs / all.Length);
    }

    /// <summary>Search page URLs as people make them: with and without marks, abbreviations, numbers, filters, pages.</summary>
    public static IReadOnlyList<string> SearchPaths() =>
    [
        "/search?q=dieu+kien+kinh+doanh+xang+dau", "/search?q=PCCC+qu%C3%A1n+karaoke", "/search?q=83%2F2014",
        "/search?q=m%E1%BB%9F+%C4%91%E1%BA%A1i+l%C3%BD+l%E1%BB%AF+h%C3%A0nh+c%E1%BA%A7n+g%C3%AC", "/search?q=von+phap+dinh+bao+hiem",
        "/search?q=c%C3%A2y+x%C4%83ng", "/search?q=nha+thuoc", "/search?q=ch%E1%BB%A9ng+kho%C3%A1n&agency=UBCKNN",
        "/search?q=bao+cao+dinh+ky&kind=reporting", "/search?q=karaoke&page=2", "/search?q=v%E1%BA%ADn+t%E1%BA%A3i&sort=date",
        "/search?q=an+toan+thuc+pham&agency=BYT&agency=BNNPTNT", "/search?q=gi%E1%BA%A5y+ph%C3%A9p&type=all",
        "/search?q=ATTP", "/search?q=kinh+doanh+vang", "/search?q=dich+vu+bao+ve",
    ];

    public static IReadOnlyList<string> RegulationPaths(string seedData) =>
        File.ReadLines(Path.Combine(seedData, "regulations.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)
            .Select(id => $"/regulations/{Uri.EscapeDataString(id)}").ToList();
}
