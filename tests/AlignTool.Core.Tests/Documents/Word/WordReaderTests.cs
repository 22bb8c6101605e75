using System.IO.Compression;
using System.Text;
using AlignTool.Core.Documents;
using AlignTool.Core.Documents.Word;

namespace AlignTool.Core.Tests.Documents.Word;

/// <summary>
/// Word documents written by real word processors (tests/fixtures/docx, made by make.sh with pandoc and LibreOffice
/// Writer from the seeds and the sample) read into the same document model as their Markdown, and bad packages
/// refused with one line.
/// </summary>
[TestClass]
public sealed class WordReaderTests
{
    internal static string Fixture(string name) => Path.Combine(TestData.RepoRoot, "tests", "fixtures", "docx", name);

    internal static Document Parse(string name) => new DocumentParser().Parse(name, WordReader.Read(File.ReadAllBytes(Fixture(name))).Markdown);

    private static string Markdown(string stem) => stem.StartsWith("seed-", StringComparison.Ordinal)
        ? TestData.SeedText(Directory.GetFiles(Path.Combine(TestData.RepoRoot, "tm-data", "corpus"), stem[5..] + "_*.txt").Single())
        : File.ReadAllText(Path.Combine(TestData.RepoRoot, "tm-data", "samples", stem + ".md"));

    /// <summary>pandoc's smart punctuation writes curly quotes and dashes where the Markdown has straight ones.</summary>
    private static string Plain(string text) => text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').Replace("…", "...").Replace('\u00A0', ' ');

    private static List<string> Shape(Document doc, bool zones) =>
        doc.Blocks.Select(b => $"{(zones ? b.Zone.Name() : "")}|{b.Field.Name()}|{b.Lang}|{Plain(b.Text)}").ToList();

    /// <summary>Seed 003's address block in the middle of the text is known by the lines a PDF broke it into, which a
    /// word processor joins: in Word it is running text. Its zones are left out; its texts and fields are compared.</summary>
    [TestMethod]
    [DataRow("seed-000", true), DataRow("seed-001", true), DataRow("seed-002", true), DataRow("seed-003", false), DataRow("seed-004", true), DataRow("A-HRC-50-G-3", true)]
    public void Read_WhatPandocAndLibreOfficeWrote_GivesTheBlocksOfTheMarkdown(string stem, bool zones)
    {
        var expected = Shape(new DocumentParser().Parse(stem, Markdown(stem)), zones);
        foreach (var writer in new[] { "pandoc", "libreoffice" })
        {
            var actual = Shape(Parse($"{stem}.{writer}.docx"), zones);
            CollectionAssert.AreEqual(expected, actual, $"{writer}:\n{string.Join("\n", actual.Zip(expected).Where(p => p.First != p.Second).Take(3).Select(p => $"  docx {p.First}\n  md   {p.Second}"))}");
        }
    }

    [TestMethod]
    public void Read_LibreOfficeNote_TakesTheMastheadFromTheHeaderTheJobNumberFromTheFooterAndTheFootnotes()
    {
        var doc = Parse("un-note.libreoffice.docx");
        Assert.IsTrue(doc.HasCover);
        string Field(CoverField f) => doc.FieldBlock(f)?.Text ?? "(none)";
        Assert.AreEqual("A/HRC/50/G/4", Field(CoverField.Symbol));
        Assert.AreEqual("Original: English", Field(CoverField.OriginalLanguage));
        Assert.AreEqual("15 June 2022", Field(CoverField.IssueDate));
        Assert.AreEqual(Zone.Masthead, doc.FieldBlock(CoverField.Symbol)!.Zone);
        Assert.AreEqual("GE.22-09127(E)", Field(CoverField.JobNumber));
        Assert.AreEqual(doc.Blocks.Count - 2, doc.FieldBlock(CoverField.JobNumber)!.Index, "the footer comes last");
        Assert.AreEqual("Fiftieth session", Field(CoverField.Session));
        Assert.AreEqual(2, doc.Blocks.Single(b => b.Text == "Human Rights Council").HeadingLevel, "a Heading 2 paragraph");
        var title = doc.FieldBlock(CoverField.Title)!;
        Assert.IsTrue(title.WholeBold, "the title is bold");
        // The footnote with the mark '*' comes after the paragraph that refers to it; the numbered one gets '*' too.
        var notes = doc.InZone(Zone.Footnote).Select(b => b.Text).ToList();
        CollectionAssert.AreEqual(new[] { "* Reproduced as received, in the language of submission only.", "* See the report of the Special Rapporteur." }, notes);
        var request = doc.FieldBlock(CoverField.Request)!;
        Assert.AreEqual(request.Index + 1, doc.InZone(Zone.Footnote).First().Index);
        // Italic and bold runs inside a paragraph are marks; table cells are blocks of their own.
        var closing = doc.Blocks.Single(b => b.Text.StartsWith("The Permanent Mission avails", StringComparison.Ordinal));
        Assert.AreEqual("Human Rights Council", closing.Marks.Single(m => m.Kind == InlineMarkKind.Emphasis).Span.Of(closing.Text));
        Assert.AreEqual("Geneva", closing.Marks.Single(m => m.Kind == InlineMarkKind.Strong).Span.Of(closing.Text));
        Assert.IsTrue(doc.Blocks.Any(b => b.Text == "Mines cleared"));
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(content);
            }
        return buffer.ToArray();
    }

    private static string Refusal(byte[] bytes, WordLimits? limits = null) =>
        Assert.ThrowsExactly<WordDocumentException>(() => WordReader.Read(bytes, limits)).Message;

    [TestMethod]
    public void Read_NotAZip_IsRefused() =>
        StringAssert.Contains(Refusal(Encoding.UTF8.GetBytes("United Nations\n\nA/HRC/50/1\n")), "not a zip file");

    [TestMethod]
    public void Read_ZipBomb_IsRefusedBeforeInflating()
    {
        var docx = File.ReadAllBytes(Fixture("A-HRC-50-G-3.pandoc.docx"));
        var parts = new List<(string, byte[])>();
        using (var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
            foreach (var e in zip.Entries) { using var s = e.Open(); using var m = new MemoryStream(); s.CopyTo(m); parts.Add((e.FullName, m.ToArray())); }
        parts.Add(("word/media/zeros.bin", new byte[4 * 1024 * 1024]));
        var message = Refusal(Zip([.. parts]), WordLimits.Default with { MaxUncompressedBytes = 2 * 1024 * 1024 });
        StringAssert.Contains(message, "zip bomb");
        // The same package under the default cap (256 MiB) is read: 4 MiB of zeros is not a bomb by size, only by ratio.
        StringAssert.Contains(Refusal(Zip([.. parts])), "inflates");
        Assert.IsTrue(WordReader.Read(Zip([.. parts]), WordLimits.Default with { MaxCompressionRatio = int.MaxValue }).Markdown.Contains("Fiftieth session", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Read_EntryDeclaringMoreThanTheCap_IsRefusedUnderTheDefaultLimits()
    {
        // A real package whose zip directory says word/document.xml unpacks to 4 GB: refused on the declared size.
        var docx = File.ReadAllBytes(Fixture("A-HRC-50-G-3.pandoc.docx"));
        var name = "word/document.xml"u8.ToArray();
        for (int i = 0; i + 46 < docx.Length; i++)
        {
            if (docx[i] != 0x50 || docx[i + 1] != 0x4B || docx[i + 2] != 0x01 || docx[i + 3] != 0x02) continue; // central directory entry
            int nameLength = docx[i + 28] | docx[i + 29] << 8;
            if (!docx.AsSpan(i + 46, nameLength).SequenceEqual(name)) continue;
            BitConverter.GetBytes(0xFFFF_FFF0u).CopyTo(docx, i + 24);
        }
        StringAssert.Contains(Refusal(docx), "more than 256 MiB");
    }

    [TestMethod]
    public void Read_PasswordProtected_IsRefusedAsEncrypted()
    {
        // An OLE compound file as Word writes one for a password: the CFB header, then the EncryptedPackage stream's name.
        var cfb = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(cfb, 0);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(cfb, 1024);
        StringAssert.Contains(Refusal(cfb), "password-protected");
        cfb.AsSpan(1024, 32).Clear();
        StringAssert.Contains(Refusal(cfb), "Word 97–2003");
    }

    [TestMethod]
    public void Read_MissingParts_AreRefused()
    {
        StringAssert.Contains(Refusal(Zip(("mimetype", "application/vnd.oasis.opendocument.text"u8.ToArray()))), "no word/document.xml");
        StringAssert.Contains(Refusal(Zip(("word/document.xml", "<w:document/>"u8.ToArray()))), "[Content_Types].xml is missing");
        StringAssert.Contains(Refusal(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 }), "not a");
    }
}
