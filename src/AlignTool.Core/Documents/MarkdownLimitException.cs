namespace AlignTool.Core.Documents;

/// <summary>
/// The Markdown passes one of <see cref="MarkdownLimits"/>: nesting deeper than no UN document goes, or a paragraph
/// longer than any. Reading such input took seconds to minutes and gigabytes, or overflowed the stack.
/// <see cref="Line"/> and <see cref="Column"/> are 1-based, 0 when unknown.
/// </summary>
public sealed class MarkdownLimitException(string message, int line, int column) : FormatException(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public static MarkdownLimitException TooDeep(int line, int column) =>
        new($"Markdown nested deeper than {MarkdownLimits.MaxDepth} levels (block quotes, lists, emphasis or links); refused", line, column);

    public static MarkdownLimitException ParagraphTooLong(int line) =>
        new($"a paragraph longer than {MarkdownLimits.MaxParagraph:N0} characters (no blank line between its lines); refused: split the text into paragraphs", line, 0);
}
