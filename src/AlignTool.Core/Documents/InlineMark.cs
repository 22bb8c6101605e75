using AlignTool.Core.Text;

namespace AlignTool.Core.Documents;

/// <summary>Inline formatting the block text no longer shows: emphasis, strong emphasis, a footnote marker.</summary>
public enum InlineMarkKind
{
    Emphasis,
    Strong,
    FootnoteMarker,
}

/// <summary>An inline mark as a span of the block's text.</summary>
public readonly record struct InlineMark(InlineMarkKind Kind, TextSpan Span);
