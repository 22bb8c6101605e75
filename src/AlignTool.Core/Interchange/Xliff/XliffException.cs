namespace AlignTool.Core.Interchange.Xliff;

/// <summary>A file that is not well-formed XML or not XLIFF 1.2 or 2.0 as AlignTool reads it, with where (1-based; 0 when
/// not known).</summary>
public sealed class XliffException(string message, int line = 0, int column = 0) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
