using AlignTool.Core.Text;

namespace AlignTool.Core.Documents;

/// <summary>How one line of a block ended in the source.</summary>
internal enum LineEnd
{
    Soft,
    Hard,
}

/// <summary>A leaf block as Markdig gave it, before repairs: its lines and inline marks.</summary>
internal sealed class RawBlock
{
    public required BlockKind Kind { get; init; }

    public required int Line { get; init; }

    public required List<MappedText> Lines { get; init; }

    public required List<LineEnd> Ends { get; init; }

    /// <summary>Inline marks as inclusive ranges of source offsets.</summary>
    public required List<(InlineMarkKind Kind, int SourceFirst, int SourceLast)> Marks { get; init; }

    public bool WholeBold { get; init; }

    public int HeadingLevel { get; init; }

    /// <summary>The list bullet, for a list item (<c>*</c>, <c>-</c>, <c>+</c>), or <c>'\0'</c>.</summary>
    public char Bullet { get; init; }

    /// <summary>Source offset of the list bullet, for a list item.</summary>
    public int BulletOffset { get; init; }

    /// <summary>Items in the list this item belongs to.</summary>
    public int ListCount { get; init; }

    public bool HadFootnoteMarker { get; set; }
}
