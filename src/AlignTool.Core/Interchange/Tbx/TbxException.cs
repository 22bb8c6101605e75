namespace AlignTool.Core.Interchange.Tbx;

/// <summary>A glossary file that is not well-formed XML, or neither TBX 2 nor TBX 3, or holds no term entry, with where
/// (1-based; 0 when not known).</summary>
public sealed class TbxException(string message, int line = 0, int column = 0) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
