namespace AlignTool.Core.Documents.Word;

/// <summary>What the first bytes of a file say it is, as far as Word documents go.</summary>
public enum WordFileKind
{
    /// <summary>Neither a zip nor an OLE compound file: a text document, or some other binary.</summary>
    None,

    /// <summary>A zip file (<c>PK\x03\x04</c>): a .docx, .docm or .dotx, or another zip.</summary>
    Zip,

    /// <summary>An OLE compound file (<c>D0 CF 11 E0</c>): a password-protected .docx (its package encrypted inside)
    /// or a Word 97–2003 .doc.</summary>
    Compound,
}
