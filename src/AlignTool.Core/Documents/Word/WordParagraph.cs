using DocumentFormat.OpenXml.Wordprocessing;

namespace AlignTool.Core.Documents.Word;

/// <summary>Where a paragraph of a .docx comes from.</summary>
internal enum WordOrigin
{
    Header,
    Body,
    Footnote,
    Endnote,
    Footer,
}

/// <summary>A paragraph of a .docx in reading order, with its text pieces.</summary>
internal sealed record WordParagraph(Paragraph Element, WordOrigin Origin, int HeadingLevel, IReadOnlyList<WordPiece> Pieces)
{
    /// <summary>The first paragraph of a footnote or endnote numbered by Word (no mark of its own in the text).</summary>
    public bool NumberedNoteStart { get; init; }

    /// <summary>An item of a bulleted list (its bullet is numbering, not text).</summary>
    public bool Bullet { get; init; }
}
