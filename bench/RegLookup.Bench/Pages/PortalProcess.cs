using System.Diagnostics;
using System.Net.Sockets;

namespace RegLookup.Bench.Pages;

/// <summary>The portal started from its Release build on a free loopback port, over the seed data, in a temp folder.</summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _data;

    private PortalProcess(Process process, DirectoryInfo data, Uri address)
    {
        _process = process;
        _data = data;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The processor time the portal has used so far, all its threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The portal's data folder (its SQLite database is reglookup.db there).</summary>
    public string DataFolder => _data.FullName;

    public static async Task<PortalProcess> StartAsync(string repo)
    {
        var build = Process.Start("dotnet", ["build", "-c", "Release", "-v", "q", "--nologo", Path.Combine(repo, "src", "RegLookup.Web")])!;
        await build.WaitForExitAsync();
        if (build.ExitCode != 0) throw new InvalidOperationException("dotnet build of the portal failed");

        var port = Loopback.FreePort();
        var data = Directory.CreateTempSubdirectory("reglookup-pages-");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(repo, "src", "RegLookup.Web"), RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(repo, "src", "RegLookup.Web", "bin", "Release", "net10.0", "RegLookup.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["RegLookup__DataPath"] = data.FullName;
        start.Environment["RegLookup__SeedPath"] = Path.Combine(repo, "seed-data");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();

        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return new PortalProcess(process, data, address);
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(100);
        }
        process.Kill(true);
        throw new TimeoutException("The portal did not become ready in 60 s");
    }


    public async ValueTask DisposeAsync()
    {
        _process.Kill(true);
        await _process.WaitForExitAsync();
        _data.Delete(true);
    }
}
