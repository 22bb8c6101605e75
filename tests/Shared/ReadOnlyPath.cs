using System.Diagnostics;

namespace AlignTool.Core.Tests;

/// <summary>
/// Makes a file or folder read-only for the test's process and restores it when disposed. Mode bits do not stop
/// root (tests run as root in the CI container), so there the path is made immutable with <c>chattr +i</c>; where
/// neither works the test is reported inconclusive, with the reason.
/// </summary>
internal sealed class ReadOnlyPath : IDisposable
{
    private readonly string _path;
    private readonly UnixFileMode _mode;
    private bool _immutable;

    public ReadOnlyPath(string path)
    {
        if (OperatingSystem.IsWindows()) throw new AssertInconclusiveException("read-only files are tested on Unix only");
        _path = path;
        _mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, _mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        if (!IsWritable(path)) return;
        File.SetUnixFileMode(path, _mode);
        if (Run("chattr", "+i", path) != 0)
            throw new AssertInconclusiveException("running as root without chattr (e2fsprogs) on a file system that takes it: cannot make a path read-only");
        _immutable = true;
    }

    public void Dispose()
    {
        if (_immutable) Run("chattr", "-i", _path);
        else if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_path, _mode);
    }

    private static bool IsWritable(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                using var probe = new FileStream(Path.Combine(path, ".probe-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            else
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            }
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static int Run(string program, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in args) info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
