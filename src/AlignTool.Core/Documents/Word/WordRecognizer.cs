namespace AlignTool.Core.Documents.Word;

/// <summary>Recognizes Word files by their content (magic numbers), and by extension only as a hint for what the
/// user meant.</summary>
public static class WordRecognizer
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    private static readonly byte[] EmptyZipMagic = [0x50, 0x4B, 0x05, 0x06];

    private static readonly byte[] CompoundMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly string[] WordExtensions = [".docx", ".docm", ".dotx", ".dotm"];

    public static WordFileKind Recognize(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(ZipMagic) || head.StartsWith(EmptyZipMagic)) return WordFileKind.Zip;
        if (head.StartsWith(CompoundMagic)) return WordFileKind.Compound;
        return WordFileKind.None;
    }

    /// <summary>The file name ends in <c>.docx</c>, <c>.docm</c>, <c>.dotx</c> or <c>.dotm</c>.</summary>
    public static bool HasWordExtension(string? name) =>
        name is not null && WordExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>An OLE compound file holds an <c>EncryptedPackage</c> stream: a .docx saved with a password.</summary>
    public static bool IsEncryptedPackage(ReadOnlySpan<byte> bytes) =>
        Recognize(bytes) == WordFileKind.Compound && bytes.IndexOf("EncryptedPackage"u8.ToArray().SelectMany(b => new byte[] { b, 0 }).ToArray()) >= 0;
}
