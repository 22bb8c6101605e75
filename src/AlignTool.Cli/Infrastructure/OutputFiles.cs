using System.Text;

namespace AlignTool.Cli.Infrastructure;

/// <summary>
/// Files a command writes: checked before the work starts (a folder that is missing or not writable, a directory
/// given as the file), so that a mistake costs one line and exit 3, never minutes of work or an internal error.
/// <c>-</c> is stdout.
/// </summary>
internal static class OutputFiles
{
    public const string Stdout = "-";

    public static void Check(string path)
    {
        if (path == Stdout) return;
        if (Directory.Exists(path)) throw CliException.BadInput(path, "is a directory; give the name of a file to write");
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? full;
        if (!Directory.Exists(folder)) throw CliException.BadInput(path, $"no such folder: {folder}");
        try
        {
            // A file that vanishes when closed: the only portable test that the folder takes new files.
            using var probe = new FileStream(Path.Combine(folder, $".aligntool-probe-{Environment.ProcessId}-{Guid.NewGuid():N}"),
                FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw CliException.BadInput(path, $"cannot write in the folder {folder}: {Reason(e)}");
        }
        if (File.Exists(full))
        {
            try
            {
                using var existing = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw CliException.BadInput(path, $"cannot be written: {Reason(e)}");
            }
        }
    }

    /// <summary>A UTF-8 writer (no BOM) on the file, or on <paramref name="stdout"/> for <c>-</c>; dispose it to close the file.</summary>
    public static TextWriter OpenText(string path, TextWriter stdout)
    {
        if (path == Stdout) return new NonClosingWriter(stdout);
        Check(path);
        return Guard(path, () => new StreamWriter(path, false, new UTF8Encoding(false)));
    }

    /// <summary>Runs a write to <paramref name="path"/>, turning file-system failures (a full disk) into one line, exit 3.</summary>
    public static T Guard<T>(string path, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw CliException.BadInput(path, $"cannot be written: {Reason(e)}");
        }
    }

    private static string Reason(Exception e) => e is UnauthorizedAccessException ? "permission denied" : e.Message;

    /// <summary>Stdout handed out as a file: disposing it flushes, never closes.</summary>
    private sealed class NonClosingWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(value);

        public override void Write(string? value) => inner.Write(value);

        public override void Write(ReadOnlySpan<char> buffer) => inner.Write(buffer);

        protected override void Dispose(bool disposing) => inner.Flush();
    }
}
