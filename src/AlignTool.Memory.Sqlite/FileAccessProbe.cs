namespace AlignTool.Memory.Sqlite;

/// <summary>
/// Whether a memory can be written, asked of the file system itself: mode bits do not tell (root writes past them, an
/// immutable file or a read-only mount refuses even root), so the file is opened for writing and a file is made in the
/// folder (SQLite needs the folder for its WAL and shared-memory files). Nothing is changed.
/// </summary>
internal static class FileAccessProbe
{
    public static bool CanWrite(string file)
    {
        try
        {
            using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite)) { }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
        return CanCreateIn(Path.GetDirectoryName(file) ?? file);
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
}
