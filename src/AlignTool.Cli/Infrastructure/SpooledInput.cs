namespace AlignTool.Cli.Infrastructure;

/// <summary>A temporary copy of stdin, deleted when disposed.</summary>
internal sealed class SpooledInput(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
