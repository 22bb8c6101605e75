namespace AlignTool.Core.Documents;

/// <summary>
/// The Markdown nests containers (block quotes, lists, emphasis, links) deeper than <see cref="MarkdownNesting.MaxDepth"/>
/// levels: no UN document does, and reading such input would take Markdig seconds to minutes or overflow the stack.
/// <see cref="Line"/> and <see cref="Column"/> are 1-based, 0 when unknown.
/// </summary>
public sealed class MarkdownTooDeepException(int line, int column)
    : FormatException($"Markdown nested deeper than {MarkdownNesting.MaxDepth} levels (block quotes, lists, emphasis or links); refused")
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
