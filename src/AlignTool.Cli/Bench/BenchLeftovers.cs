using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AlignTool.Cli.Bench;

/// <summary>
/// What benchmark runs killed from outside left in the temporary folder. A run names its files after its process
/// (<c>aligntool-bench-PID.db</c> with its WAL and units file, <c>aligntool-tmxbench-PID/</c>) and deletes them in a
/// <c>finally</c>, which a killed process never reaches: close to a gigabyte each at the default size. A new run
/// removes those of processes no longer running, and says so.
/// </summary>
internal static partial class BenchLeftovers
{
    [GeneratedRegex(@"^aligntool-(?:bench-(?<pid>\d+)\.db(?:-wal|-shm|\.units)?|tmxbench-(?<pid>\d+))$")]
    private static partial Regex Name();

    public static void Remove(TextWriter report, string? folder = null)
    {
        folder ??= Path.GetTempPath();
        int removed = 0;
        long bytes = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "aligntool-*bench-*"))
        {
            var m = Name().Match(Path.GetFileName(entry));
            if (!m.Success || !int.TryParse(m.Groups["pid"].Value, out int pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            try
            {
                if (Directory.Exists(entry))
                {
                    bytes += new DirectoryInfo(entry).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    bytes += new FileInfo(entry).Length;
                    File.Delete(entry);
                }
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or in use after all: left as it is.
            }
        }
        if (removed > 0) report.WriteLine($"removed {removed} file(s) left by killed benchmark runs in {folder} ({bytes / 1e6:F0} MB)");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
