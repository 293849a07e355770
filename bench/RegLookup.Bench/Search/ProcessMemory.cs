using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RegLookup.Bench.Search;

/// <summary>Peak resident memory (Linux VmHWM) of this process or of another one on the machine.</summary>
public static partial class ProcessMemory
{
    /// <summary>
    /// Collects what earlier phases left (the import holds the whole dataset in memory) and resets the kernel's
    /// high-water mark, so that the next <see cref="PeakOfSelf"/> covers only the phase that follows.
    /// </summary>
    public static void ResetSelf()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* not Linux: the peak covers the whole run */ }
    }

    public static string PeakOfSelf()
    {
        using var self = Process.GetCurrentProcess();
        return Format(self.PeakWorkingSet64);
    }

    /// <summary>The peak resident memory of process <paramref name="pid"/>, or null when /proc does not show it.</summary>
    public static long? PeakOf(int pid)
    {
        try
        {
            var match = HighWaterMark().Match(File.ReadAllText($"/proc/{pid}/status"));
            return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 1024 : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string Format(long bytes) => string.Format(CultureInfo.InvariantCulture, "{0:N0} MiB", bytes / (1024.0 * 1024));

    [GeneratedRegex(@"VmHWM:\s+(\d+) kB")]
    private static partial Regex HighWaterMark();
}
