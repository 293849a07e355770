using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RegLookup.Bench.Search;

/// <summary>
/// A PostgreSQL cluster of its own for one benchmark run, as scripts/test.sh starts one: a new data folder, a free
/// loopback port, trust authentication, and removed when disposed.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    /// <summary>Server settings of the run, written into the results: sized for this 24 GB machine, with fsync off
    /// because the data is thrown away (it only speeds up the load, not the searches).</summary>
    public const string Settings = "shared_buffers=2GB, work_mem=64MB, maintenance_work_mem=1GB, jit=off, fsync=off";

    private readonly string _bin;
    private readonly string _folder;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .LastOrDefault() ?? throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql: apt-get install postgresql, or pass --pg");
        var folder = Directory.CreateTempSubdirectory("reglookup-pg-").FullName;
        // PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
        if (Environment.IsPrivilegedProcess) await RunAsync("chown", "postgres", folder);

        var server = new ThrowawayPostgres(bin, folder, Loopback.FreePort());
        var options = string.Join(' ', Settings.Split(", ").Select(s => $"-c {s}"));
        await server.AsPostgresAsync("initdb", "-D", $"{folder}/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await server.AsPostgresAsync("pg_ctl", "-D", $"{folder}/data", "-l", $"{folder}/server.log", "-w", "-o",
            $"-c listen_addresses=127.0.0.1 -c port={server.Port} -c unix_socket_directories={folder} {options}", "start");
        return server;
    }


    private Task AsPostgresAsync(string tool, params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
    }

    public async ValueTask DisposeAsync()
    {
        await AsPostgresAsync("pg_ctl", "-D", $"{_folder}/data", "-m", "fast", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
    }
}
