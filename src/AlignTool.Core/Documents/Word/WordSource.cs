namespace AlignTool.Core.Documents.Word;

/// <summary>
/// A .docx as AlignTool reads it: its text as Markdown (headings, bold, italic, hard breaks, footnote markers, every
/// other ASCII punctuation escaped), which the <see cref="DocumentParser"/> turns into the same document model as a
/// Markdown file, and a map from each character of that text to the Word element it came from, so that a draft can
/// replace a segment in place. Offsets and lines in records about a Word document refer to this text.
/// </summary>
public sealed class WordSource
{
    internal WordSource(byte[] package, string markdown, int[] pieceOf, int[] offsetInPiece, int pieces, bool hasMacros)
    {
        Package = package;
        Markdown = markdown;
        PieceOf = pieceOf;
        OffsetInPiece = offsetInPiece;
        PieceCount = pieces;
        HasMacros = hasMacros;
    }

    /// <summary>The package as read, which a draft is made from.</summary>
    internal byte[] Package { get; }

    /// <summary>The document's text as Markdown, the source every offset of its <see cref="Document"/> refers to.</summary>
    public string Markdown { get; }

    /// <summary>For each character of <see cref="Markdown"/>, the index of the piece it came from (-1: markup).</summary>
    internal int[] PieceOf { get; }

    internal int[] OffsetInPiece { get; }

    internal int PieceCount { get; }

    /// <summary>A macro-enabled document (.docm): the macros are never run, and a draft does not carry them.</summary>
    public bool HasMacros { get; }
}
