using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AlignTool.Core.Tests;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace AlignTool.Cli.Tests.Commands;

/// <summary>
/// Word documents end to end: every command that takes a document reads the .docx fixtures written by pandoc and
/// LibreOffice (tests/fixtures/docx), prefill writes a .docx draft that LibreOffice opens (Debian's
/// libreoffice-writer, installed by .ci/run; without it those tests report themselves skipped), and bad packages
/// are refused with one line, exit 3, nothing stored.
/// </summary>
[TestClass]
public sealed class WordDocumentTests
{
    private static string Docx(string name) => Path.Combine(TestData.RepoRoot, "tests", "fixtures", "docx", name);

    private static string Soffice() =>
        new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists)
        ?? throw new AssertInconclusiveException("LibreOffice is not installed (apt-get install libreoffice-writer)");

    /// <summary>The text LibreOffice reads from a .docx (<c>soffice --headless --convert-to txt</c>).</summary>
    private static string LibreOfficeText(string docx, TempDir dir)
    {
        var soffice = Soffice();
        var outDir = Directory.CreateDirectory(dir.File("txt-" + Guid.NewGuid().ToString("N"))).FullName;
        var psi = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { $"-env:UserInstallation=file://{dir.File("lo-profile")}", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", outDir, docx }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(180_000)) { p.Kill(true); Assert.Fail("LibreOffice did not finish in 3 minutes"); }
        var txt = Path.Combine(outDir, Path.GetFileNameWithoutExtension(docx) + ".txt");
        Assert.IsTrue(File.Exists(txt), $"LibreOffice wrote no text (exit {p.ExitCode}): {err.Result}");
        return File.ReadAllText(txt);
    }

    private static string Part(string docx, Func<MainDocumentPart, DocumentFormat.OpenXml.OpenXmlElement?> part)
    {
        using var doc = WordprocessingDocument.Open(docx, false);
        return part(doc.MainDocumentPart!)?.OuterXml ?? "";
    }

    [TestMethod]
    [DataRow("A-HRC-50-G-3.pandoc.docx")]
    [DataRow("A-HRC-50-G-3.libreoffice.docx")]
    public void Prefill_Docx_ToChinese_WritesADraftLibreOfficeOpensWithThePrefilledLines(string fixture)
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var draft = dir.File("draft.zh.docx");
        var r = CliRunner.Run("prefill", Docx(fixture), "--to", "zh", "--tm", tm, "--out", draft);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        Assert.AreEqual("", r.Out);
        StringAssert.Contains(r.Err, $"prefill {fixture} → zh: ");
        StringAssert.Contains(r.Err, "prefilled: 12 of ");

        var body = Part(draft, m => m.Document);
        StringAssert.Contains(body, "w:eastAsia=\"zh-CN\"");
        StringAssert.Contains(body, "<w:highlight w:val=\"yellow\" />", "a segment without a match is highlighted");
        Assert.IsFalse(body.Contains("[EN]", StringComparison.Ordinal), "no inline markers in a Word draft");

        var text = LibreOfficeText(draft, dir);
        StringAssert.Contains(text, "第五十届会议");
        StringAssert.Contains(text, "2022年6月13日至7月8日");
        StringAssert.Contains(text, "阿塞拜疆常驻联合国日内瓦办事处代表团2022年6月3日致联合国人权事务高级专员办事处的普通照会");
        StringAssert.Contains(text, "GE.22-09126(C)", "the job number's letter follows the target");
        StringAssert.Contains(text, "Chinese\n", "the version's language line before Original:");
        StringAssert.Contains(text, "Original: English", "the masthead stays in English");
        StringAssert.Contains(text, "Azerbaijan is faced with major mine contamination", "the annex as received");
    }

    [TestMethod]
    public void Prefill_Docx_ToArabic_SetsRightToLeftAndKeepsTheFootnoteMarkInItsRun()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var draft = dir.File("draft.ar.docx");
        var r = CliRunner.Run("prefill", Docx("un-note.libreoffice.docx"), "--to", "ar", "--tm", tm, "--out", draft);
        Assert.AreEqual(0, r.ExitCode, r.Err);

        using (var doc = WordprocessingDocument.Open(draft, false))
        {
            var session = doc.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>().Single(p => p.InnerText == "الدورة الخمسون");
            Assert.IsNotNull(session.ParagraphProperties?.BiDi, "an Arabic paragraph is right to left");
            Assert.IsTrue(session.ParagraphProperties!.BiDi!.Val is null || session.ParagraphProperties.BiDi.Val.Value);
            var run = session.Descendants<W.Run>().Single();
            Assert.IsNotNull(run.RunProperties?.RightToLeftText);
            Assert.AreEqual("ar-SA", run.RunProperties!.Languages!.Bidi!.Value);
            // The header's masthead: English kept, the version's line added before "Original:", the job number in the footer.
            var header = string.Join("\n", doc.MainDocumentPart.HeaderParts.SelectMany(h => h.Header!.Descendants<W.Paragraph>()).Select(p => p.InnerText));
            StringAssert.Contains(header, "Arabic\nOriginal: English");
            var footer = string.Join("\n", doc.MainDocumentPart.FooterParts.SelectMany(h => h.Footer!.Descendants<W.Paragraph>()).Select(p => p.InnerText));
            StringAssert.Contains(footer, "GE.22-09127(A)");
        }

        var text = LibreOfficeText(draft, dir);
        StringAssert.Contains(text, "الدورة الخمسون");
        StringAssert.Contains(text, "البند 4 من جدول الأعمال");
    }

    [TestMethod]
    public void Prefill_Docx_SegmentAcrossRuns_KeepsEachRunsFormattingWhereTheMappingIsClear()
    {
        using var dir = new TempDir();
        var draft = dir.File("draft.zh.docx");
        var r = CliRunner.Run("prefill", Docx("un-note.libreoffice.docx"), "--to", "zh", "--tm", TmxCommandsTests.BuiltMemory(dir), "--out", draft);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        using var doc = WordprocessingDocument.Open(draft, false);
        var request = doc.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>().Single(p => p.InnerText.StartsWith("常驻代表团谨请", StringComparison.Ordinal));
        var runs = request.Elements<W.Run>().Where(x => x.InnerText.Length > 0).ToList();
        // The footnote mark '*' stays in its own superscript run, the Chinese around it in the plain runs.
        var mark = runs.Single(x => x.InnerText == "*");
        Assert.AreEqual("FootnoteAnchor", mark.RunProperties?.RunStyle?.Val?.Value);
        Assert.IsNotNull(request.Descendants<W.FootnoteReference>().SingleOrDefault(), "the footnote reference stays");
        Assert.IsTrue(runs[0].InnerText.EndsWith("附件", StringComparison.Ordinal), runs[0].InnerText);
        // The footnotes are prefilled too.
        var notes = doc.MainDocumentPart.FootnotesPart!.Footnotes!.InnerText;
        StringAssert.Contains(notes, "附件不译，原文照发。");
    }

    [TestMethod]
    public void Prefill_Docx_FuzzyFillsAreHighlightedInAnotherColourWithoutTheirMarker()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var draft = dir.File("draft.docx");
        string[] args = ["prefill", Docx("seed-003.pandoc.docx"), "--to", "zh", "--tm", tm, "--fill", "40", "--suggest", "40"];
        var jsonl = CliRunner.Run([.. args, "--format", "jsonl"]);
        var fuzzy = jsonl.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("action").GetString() == "filledforreview").ToList();
        Assert.IsTrue(fuzzy.Count > 0, jsonl.Out);
        Assert.AreEqual(0, CliRunner.Run([.. args, "--out", draft]).ExitCode);
        using var doc = WordprocessingDocument.Open(draft, false);
        var runs = doc.MainDocumentPart!.Document!.Body!.Descendants<W.Run>().Where(r => r.RunProperties?.Highlight?.Val?.Value == W.HighlightColorValues.Cyan).ToList();
        Assert.IsTrue(runs.Count > 0, "fuzzy fills are highlighted cyan");
        var body = doc.MainDocumentPart.Document.Body.InnerText;
        Assert.IsFalse(body.Contains("[~", StringComparison.Ordinal), "no inline marker");
        var first = fuzzy[0].GetProperty("target").GetString()!;
        StringAssert.Contains(body, first[(first.IndexOf("] ", StringComparison.Ordinal) + 2)..], "the fuzzy fill is written without its marker");
    }

    [TestMethod]
    public void Prefill_Docx_WithoutOut_IsAUsageError_AndJsonlWorks()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var r = CliRunner.Run("prefill", Docx("A-HRC-50-G-3.pandoc.docx"), "--to", "zh", "--tm", tm);
        Assert.AreEqual(2, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "--out DRAFT.docx");
        var j = CliRunner.Run("prefill", Docx("A-HRC-50-G-3.pandoc.docx"), "--to", "zh", "--tm", tm, "--format", "jsonl");
        Assert.AreEqual(0, j.ExitCode, j.Err);
        var job = j.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.TryGetProperty("field", out var f) && f.GetString() == "job-number");
        Assert.AreEqual("GE.22-09126(C)", job.GetProperty("target").GetString());
    }

    [TestMethod]
    public void DocumentCommands_ReadDocx_AsTheyReadItsMarkdown()
    {
        var md = Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md");
        var docx = Docx("A-HRC-50-G-3.libreoffice.docx");
        string Texts(CliRunner.Result r) => string.Join("\n", r.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()));
        foreach (var command in new[] { "segment", "inspect", "cover" })
        {
            var a = CliRunner.Run(command, md, "--format", "jsonl");
            var b = CliRunner.Run(command, docx, "--format", "jsonl");
            Assert.AreEqual(0, b.ExitCode, b.Err);
            Assert.AreEqual(Texts(a), Texts(b), command);
        }
        // Recognized by content, not by name: the same file without its extension.
        using var dir = new TempDir();
        var renamed = dir.Write("note", File.ReadAllBytes(docx));
        Assert.AreEqual(Texts(CliRunner.Run("segment", md, "--format", "jsonl")), Texts(CliRunner.Run("segment", renamed, "--format", "jsonl")));
        Assert.AreEqual(Texts(CliRunner.Run("segment", md, "--format", "jsonl")),
            Texts(CliRunner.Run(new Dictionary<string, string?>(), File.ReadAllBytes(docx), "segment", "-", "--format", "jsonl")), "stdin");
    }

    [TestMethod]
    public void AlignAndIngest_TakeDocx()
    {
        using var dir = new TempDir();
        var en = Docx("pair-en.pandoc.docx");
        var zh = Docx("pair-zh.libreoffice.docx");
        var md = CliRunner.Run("align", Path.Combine(TestData.RepoRoot, "tests", "fixtures", "pair-en.md"), Path.Combine(TestData.RepoRoot, "tests", "fixtures", "pair-zh.md"));
        var word = CliRunner.Run("align", en, zh);
        Assert.AreEqual(0, word.ExitCode, word.Err);
        Assert.AreEqual(md.OutLines.Length, word.OutLines.Length);

        var tm = dir.File("tm.db");
        var r = CliRunner.Run("ingest", "--pair", en, zh, "--tm", tm, "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        Assert.AreEqual("added", JsonDocument.Parse(r.OutLines.Single()).RootElement.GetProperty("status").GetString());

        var i = CliRunner.Run("ingest", Docx("seed-001.pandoc.docx"), "--tm", tm, "--format", "jsonl");
        Assert.AreEqual(0, i.ExitCode, i.Err);
        var summary = JsonDocument.Parse(i.OutLines.Single()).RootElement;
        Assert.AreEqual(1, summary.GetProperty("added").GetInt32());
        Assert.IsTrue(summary.GetProperty("unitsAdded").GetInt32() > 10);
        var again = CliRunner.Run("ingest", Docx("seed-001.pandoc.docx"), "--tm", tm, "--format", "jsonl");
        Assert.AreEqual(1, JsonDocument.Parse(again.OutLines.Single()).RootElement.GetProperty("alreadyPresent").GetInt32());
    }

    private static byte[] WithEntry(string fixture, string name, byte[] content)
    {
        using var buffer = new MemoryStream();
        buffer.Write(File.ReadAllBytes(Docx(fixture)));
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            s.Write(content);
        }
        return buffer.ToArray();
    }

    [TestMethod]
    public void BadDocx_OneLineExit3_NothingStored()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var before = CliRunner.Run("stats", "--tm", tm, "--format", "jsonl").Out;
        var cfb = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(cfb, 0);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(cfb, 1200);
        var bad = new (string Name, byte[] Content, string Says)[]
        {
            ("text.docx", Encoding.UTF8.GetBytes("United Nations\n\nA/HRC/50/1\n"), "not a zip file"),
            ("bomb.docx", WithEntry("A-HRC-50-G-3.pandoc.docx", "word/media/zeros.bin", new byte[64 * 1024 * 1024]), "zip bomb"),
            ("locked.docx", cfb, "password-protected"),
            ("sheet.xlsx", ZipOf(("xl/workbook.xml", "<workbook/>"u8.ToArray())), "no word/document.xml"),
        };
        foreach (var (name, content, says) in bad)
        {
            var path = dir.Write(name, content);
            foreach (var args in new[] { new[] { "ingest", path, "--tm", tm }, ["prefill", path, "--to", "zh", "--tm", tm, "--out", dir.File("d.docx")], ["segment", path] })
            {
                var r = CliRunner.Run(args);
                Assert.AreEqual(3, r.ExitCode, $"{name} {args[0]}: {r.Err}");
                var line = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith("aligntool: error:", StringComparison.Ordinal));
                StringAssert.Contains(line, says, name);
                StringAssert.StartsWith(line, $"aligntool: error: {path}: ");
            }
        }
        Assert.IsFalse(File.Exists(dir.File("d.docx")), "no draft written");
        Assert.AreEqual(before, CliRunner.Run("stats", "--tm", tm, "--format", "jsonl").Out, "nothing stored");
    }

    private static byte[] ZipOf(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries) { using var s = zip.CreateEntry(name).Open(); s.Write(content); }
        return buffer.ToArray();
    }

    [TestMethod]
    public void Docm_IsReadAndItsDraftCarriesNoMacros()
    {
        using var dir = new TempDir();
        var docm = dir.File("note.docm");
        File.Copy(Docx("A-HRC-50-G-3.pandoc.docx"), docm);
        using (var doc = WordprocessingDocument.Open(docm, true))
        {
            doc.ChangeDocumentType(DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument);
            var vba = doc.MainDocumentPart!.AddNewPart<VbaProjectPart>();
            using var s = new MemoryStream(Encoding.ASCII.GetBytes("Attribute VB_Name = \"AutoOpen\"\nSub AutoOpen(): Shell \"calc\": End Sub"));
            vba.FeedData(s);
        }
        using (var zip = ZipFile.OpenRead(docm)) Assert.IsTrue(zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.Ordinal)));

        var draft = dir.File("draft.docx");
        var r = CliRunner.Run("prefill", docm, "--to", "zh", "--tm", TmxCommandsTests.BuiltMemory(dir), "--out", draft);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "macro-enabled");
        using (var zip = ZipFile.OpenRead(draft))
        {
            Assert.IsFalse(zip.Entries.Any(e => e.FullName.Contains("vba", StringComparison.OrdinalIgnoreCase)), string.Join(", ", zip.Entries.Select(e => e.FullName)));
            using var types = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open());
            var t = types.ReadToEnd();
            Assert.IsFalse(t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase), t);
        }
        using var d = WordprocessingDocument.Open(draft, false);
        Assert.AreEqual(DocumentFormat.OpenXml.WordprocessingDocumentType.Document, d.DocumentType);
        StringAssert.Contains(d.MainDocumentPart!.Document!.Body!.InnerText, "第五十届会议");
    }

    [TestMethod]
    public void BenchPrefill_TimesTheSameDocumentAsADocx()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("bench", "prefill", "--pages", "3", "--tm", TmxCommandsTests.BuiltMemory(dir));
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var markdown = System.Text.RegularExpressions.Regex.Match(r.Out, @"total [\d.]+ s for ([\d,]+) segments \(");
        var word = System.Text.RegularExpressions.Regex.Match(r.Out, @"Word: the same 3 pages as a \.docx .* write the draft [\d.]+ s, total [\d.]+ s for ([\d,]+) segments");
        Assert.IsTrue(markdown.Success && word.Success, r.Out);
        Assert.AreEqual(markdown.Groups[1].Value, word.Groups[1].Value, "the .docx gives the segments of the Markdown");
    }
}
