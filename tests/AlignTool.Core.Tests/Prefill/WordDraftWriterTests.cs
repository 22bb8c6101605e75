using AlignTool.Core.Documents;
using AlignTool.Core.Documents.Word;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Prefill;
using AlignTool.Core.Tests.Documents.Word;
using AlignTool.Core.Tests.Memory.InMemory;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace AlignTool.Core.Tests.Prefill;

/// <summary>The Word draft, written to a stream from a memory in the reference backend: read back, it is the
/// document with the filled segments in place, and it is no less valid Open XML than the document it came from.</summary>
[TestClass]
public sealed class WordDraftWriterTests
{
    private static (WordSource Source, Document Doc, PrefillResult Result, byte[] Draft) Draft(string fixture, string to)
    {
        using var f = new InMemoryFixture().WithCatalog().WithSeeds(TestData.Seed000, TestData.Seed001, TestData.Seed002, TestData.Seed004);
        var source = WordReader.Read(File.ReadAllBytes(WordReaderTests.Fixture(fixture)));
        var doc = new DocumentParser().Parse(fixture, source.Markdown);
        var result = new Prefiller(new MemoryLookup(f.Memory)).Prefill(doc, to);
        using var output = new MemoryStream();
        WordDraftWriter.Write(source, result, to, output);
        return (source, doc, result, output.ToArray());
    }

    private static List<string> Errors(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        // Paragraph numbers left out of the path: the version's language line shifts those after it by one.
        return new OpenXmlValidator().Validate(doc)
            .Select(e => $"{e.Part?.Uri} {System.Text.RegularExpressions.Regex.Replace(e.Path?.XPath ?? "", @"w:p\[\d+\]", "w:p")}: {e.Description}").ToList();
    }

    [TestMethod]
    [DataRow("A-HRC-50-G-3.pandoc.docx", "zh")]
    [DataRow("A-HRC-50-G-3.libreoffice.docx", "ar")]
    [DataRow("un-note.libreoffice.docx", "zh")]
    [DataRow("un-note.libreoffice.docx", "ar")]
    public void Write_ReadBack_HasEachFilledSegmentInPlace_AndNoNewValidationError(string fixture, string to)
    {
        var (_, doc, result, draft) = Draft(fixture, to);
        var filled = result.Segments.Where(s => s.Action == PrefillAction.Filled).ToList();
        Assert.IsTrue(filled.Count >= 8, $"{filled.Count} filled");

        var again = new DocumentParser().Parse("draft", WordReader.Read(draft).Markdown);
        var text = string.Join("\n", again.Blocks.Select(b => b.Text));
        foreach (var s in filled) StringAssert.Contains(text, s.Target.TrimStart('*', ' '), s.Source);
        // What stayed in English is still there, word for word; the masthead too.
        foreach (var s in result.Segments.Where(s => s.Action is PrefillAction.LeftInEnglish or PrefillAction.Kept)) StringAssert.Contains(text, s.Source);
        // One block more at most (the version's language line), none lost.
        Assert.IsTrue(again.Blocks.Count - doc.Blocks.Count is 0 or 1, $"{doc.Blocks.Count} → {again.Blocks.Count}");

        var before = Errors(File.ReadAllBytes(WordReaderTests.Fixture(fixture)));
        var after = Errors(draft);
        CollectionAssert.AreEquivalent(before, after, string.Join("\n", after.Except(before)));
    }
}
