using DocumentFormat.OpenXml;

namespace AlignTool.Core.Documents.Word;

internal enum WordPieceKind
{
    /// <summary>A <c>w:t</c>: text that a draft may replace.</summary>
    Text,
    /// <summary>A tab, read as a space and left as it is.</summary>
    Tab,
    /// <summary>A line break (<c>w:br</c>, <c>w:cr</c>): a hard break in the text read.</summary>
    Break,
    /// <summary>A non-breaking hyphen, read as <c>-</c> and left as it is.</summary>
    Hyphen,
}

/// <summary>One element of a paragraph that carries text, with the formatting of its run.</summary>
internal sealed record WordPiece(OpenXmlElement Element, WordPieceKind Kind, string Text, bool Bold, bool Italic, bool Superscript);
