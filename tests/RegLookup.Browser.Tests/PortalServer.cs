using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RegLookup.Testing;

namespace RegLookup.Browser.Tests;

/// <summary>
/// The real portal, run as its own process the way an operator runs it (<c>dotnet RegLookup.Web.dll --urls …</c>),
/// over a fresh SQLite database seeded from seed-data/. Shared by every browser test and stopped at the end.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    /// <summary>On two busy cores the first start imports the seed data and builds the search index in the background.</summary>
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "reglookup-tests", "browser-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The portal's SQLite file, for tests that write as another web node would.</summary>
    public string DatabaseFile => Path.Combine(_dataPath, "portal.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataPath);
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RegLookup.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        // Development makes the host read the static web assets manifest that the build copied here, so CSS and
        // blazor.web.js are served from their build locations, as under `dotnet run`; the bin folder has no wwwroot, and
        // in Production they would come back as empty 200 responses.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__RegLookup"] = $"Data Source={DatabaseFile}";
        start.Environment["RegLookup__DataPath"] = _dataPath;
        start.Environment["RegLookup__SeedPath"] = RepoPaths.SeedData;

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Kept for the failure message: a server that never gets ready usually says why on its console.
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"/healthz did not answer 200 within {ReadyTimeout.TotalSeconds} s:\n{Log}");
    }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>A loopback port that is free now; the server binds it a moment later.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        else if (_process is not null)
        {
            Append($"(the portal had exited by itself with code {_process.ExitCode})");
        }
        _process?.Dispose();
        // The server's console, beside the screenshots, for whoever looks into a failed run.
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "portal-server.log"), Log);
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open for a moment is left to the temp folder's cleanup.
        }
    }
}
