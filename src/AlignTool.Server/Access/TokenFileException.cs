namespace AlignTool.Server.Access;

/// <summary>A token file that cannot be used, with the line at fault (0: the file as a whole).</summary>
public sealed class TokenFileException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
