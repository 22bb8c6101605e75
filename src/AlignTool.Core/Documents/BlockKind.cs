namespace AlignTool.Core.Documents;

/// <summary>The Markdown construct a block came from. Headings, list items and table cells are segments of their own.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    TableCell,
}
