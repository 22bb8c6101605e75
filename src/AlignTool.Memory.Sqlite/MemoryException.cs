namespace AlignTool.Memory.Sqlite;

/// <summary>Why a memory could not be used: reported as one line naming the file, exit code 4.</summary>
public enum MemoryProblem
{
    NotFound,
    NotADatabase,
    /// <summary>A SQLite database of another program: refused, never changed.</summary>
    NotAMemory,
    /// <summary>The file or its folder cannot be written, and the command writes.</summary>
    ReadOnly,
    NewerSchema,
    Corrupt,
    Busy,
    Io,
}

public sealed class MemoryException(MemoryProblem problem, string path, string message, Exception? inner = null) : Exception(message, inner)
{
    public MemoryProblem Problem { get; } = problem;

    public string Path { get; } = path;
}
