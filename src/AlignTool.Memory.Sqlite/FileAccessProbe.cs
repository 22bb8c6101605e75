using System.Runtime.InteropServices;

namespace AlignTool.Memory.Sqlite;

/// <summary>
/// Whether a memory can be written, asked of the operating system: mode bits do not tell (root writes past them, an
/// immutable file or a read-only mount refuses even root). The memory file itself is never opened here: closing any
/// descriptor of a file drops every POSIX lock the process holds on it, SQLite's included, so <c>access(2)</c> asks
/// for it; the folder (where SQLite makes its WAL and shared-memory files) is asked by making a file that vanishes
/// when closed. Nothing is changed.
/// </summary>
internal static partial class FileAccessProbe
{
    private const int WriteOk = 2; // W_OK

    public static bool CanWrite(string file)
    {
        bool fileWritable = OperatingSystem.IsWindows() ? !new FileInfo(file).IsReadOnly : Access(file, WriteOk) == 0;
        return fileWritable && CanCreateIn(Path.GetDirectoryName(file) ?? file);
    }

    public static bool CanCreateIn(string folder)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(folder, $".aligntool-probe-{Environment.ProcessId}-{Guid.NewGuid():N}"),
                FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);
}
