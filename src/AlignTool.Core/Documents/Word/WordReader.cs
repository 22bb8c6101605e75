using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace AlignTool.Core.Documents.Word;

/// <summary>
/// Reads a .docx (or .docm, .dotx) from a stream into a <see cref="WordSource"/>: its text as Markdown, mapped back
/// to the Word elements. Refuses, with one line, what is not a Word document it can read: not a zip, a zip bomb
/// (<see cref="WordLimits"/>), a password-protected file, a package with its main part missing or malformed.
/// Macros are never run: the reader only reads XML parts.
/// </summary>
public static class WordReader
{
    public static WordSource Read(Stream stream, WordLimits? limits = null)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), limits);
    }

    public static WordSource Read(byte[] bytes, WordLimits? limits = null)
    {
        using var doc = Open(bytes, editable: false, limits, out var stream);
        using var _ = stream;
        var package = bytes;
        var text = new StringBuilder();
        var pieceOf = new List<int>();
        var offsets = new List<int>();
        int piece = 0;
        try
        {
            foreach (var p in new WordWalker(doc).Paragraphs())
            {
                MarkdownWriter.Paragraph(p, piece, text, pieceOf, offsets);
                piece += p.Pieces.Count;
            }
        }
        catch (Exception e) when (e is XmlException or OpenXmlPackageException or InvalidDataException or IOException or InvalidOperationException)
        {
            throw new WordDocumentException($"not a readable Word document: {OneLine(e.Message)}", e);
        }
        bool macros = doc.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate
                      || doc.MainDocumentPart?.VbaProjectPart is not null;
        return new WordSource(package, text.ToString(), [.. pieceOf], [.. offsets], piece, macros);
    }

    /// <summary>Checks the package and opens it, on a copy of <paramref name="bytes"/> when editable.</summary>
    internal static WordprocessingDocument Open(byte[] bytes, bool editable, WordLimits? limits, out MemoryStream stream)
    {
        limits ??= WordLimits.Default;
        switch (WordRecognizer.Recognize(bytes))
        {
            case WordFileKind.Compound when WordRecognizer.IsEncryptedPackage(bytes):
                throw new WordDocumentException("a password-protected Word document (encrypted); open it in Word, remove the password and save it again");
            case WordFileKind.Compound:
                throw new WordDocumentException("an OLE compound file (a Word 97–2003 .doc or another Office file), not a .docx; save it as .docx");
            case WordFileKind.None:
                throw new WordDocumentException("not a Word document: not a zip file (a .docx is a zip package)");
        }
        CheckZip(bytes, limits);
        stream = new MemoryStream();
        stream.Write(bytes);
        stream.Position = 0;
        try
        {
            var doc = WordprocessingDocument.Open(stream, editable, new OpenSettings { AutoSave = false });
            if (doc.MainDocumentPart?.Document?.Body is null)
            {
                doc.Dispose();
                throw new WordDocumentException("not a Word document: word/document.xml has no body");
            }
            return doc;
        }
        catch (Exception e) when (e is XmlException or OpenXmlPackageException or InvalidDataException or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new WordDocumentException($"not a readable Word document: {OneLine(e.Message)}", e);
        }
    }

    /// <summary>The sizes the zip directory declares, checked before anything is inflated.</summary>
    private static void CheckZip(byte[] bytes, WordLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries)
                throw new WordDocumentException($"a zip of {zip.Entries.Count:N0} entries, more than the {limits.MaxEntries:N0} a Word document may have; refused");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length < 0 || total > limits.MaxUncompressedBytes)
                    throw new WordDocumentException($"unpacks to more than {limits.MaxUncompressedBytes / (1024 * 1024):N0} MiB (a zip bomb?); refused before inflating");
                if (entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    throw new WordDocumentException($"{entry.FullName} inflates {entry.Length / Math.Max(1, entry.CompressedLength):N0} times (a zip bomb?); refused before inflating");
            }
            if (zip.GetEntry("word/document.xml") is null && MainPartEntry(zip) is null)
                throw new WordDocumentException("a zip file but not a Word document: no word/document.xml");
            if (zip.GetEntry("[Content_Types].xml") is null)
                throw new WordDocumentException("not a readable Word document: [Content_Types].xml is missing");
        }
        catch (InvalidDataException e)
        {
            throw new WordDocumentException($"not a Word document: a damaged zip file ({OneLine(e.Message)})", e);
        }
    }

    /// <summary>The main part the package's relationships name (Word writes word/document.xml; other tools may not).</summary>
    private static ZipArchiveEntry? MainPartEntry(ZipArchive zip)
    {
        var rels = zip.GetEntry("_rels/.rels");
        if (rels is null || rels.Length > 1024 * 1024) return null;
        try
        {
            using var reader = XmlReader.Create(rels.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
                if (reader.GetAttribute("Type")?.EndsWith("/officeDocument", StringComparison.Ordinal) != true) continue;
                var target = reader.GetAttribute("Target")?.TrimStart('/');
                if (target is not null && target.StartsWith("word/", StringComparison.Ordinal)) return zip.GetEntry(target);
            }
        }
        catch (XmlException) { }
        return null;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
