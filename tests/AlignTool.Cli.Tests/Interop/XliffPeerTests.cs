using System.Text.Json;
using System.Xml.Linq;
using AlignTool.Cli.Tests.Commands;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Interop;

/// <summary>
/// Our XLIFF against the real peers from Debian: xmllint with the OASIS XLIFF 1.2 (strict) and 2.0 schemas, and
/// translate-toolkit's XLIFF reader and po2xliff. A peer that is not installed makes its test report itself skipped
/// (.ci/run installs them).
/// </summary>
[TestClass]
public sealed class XliffPeerTests
{
    private static readonly XNamespace X12 = "urn:oasis:names:tc:xliff:document:1.2";

    private static string Xmllint() => PeerTests.Which("xmllint") ?? throw new AssertInconclusiveException("xmllint is not installed (apt-get install libxml2-utils)");

    private static string Schema(string name) => TestData.SharedBench("../interop/" + name) ?? throw new AssertInconclusiveException($"shared/interop/{name} is not beside the repository");

    private static void TranslateToolkit()
    {
        if (!File.Exists("/usr/bin/python3") || PeerTests.Run("/usr/bin/python3", "/", "-c", "import translate.storage.xliff").Code != 0)
            throw new AssertInconclusiveException("translate-toolkit is not installed for /usr/bin/python3 (apt-get install translate-toolkit)");
    }

    [TestMethod]
    [DataRow("xliff", "zh", "xliff-core-1.2-strict.xsd")]
    [DataRow("xliff", "ar", "xliff-core-1.2-strict.xsd")]
    [DataRow("xliff2", "zh", "xliff_core_2.0.xsd")]
    [DataRow("xliff2", "ar", "xliff_core_2.0.xsd")]
    public void Prefill_Xliff_ValidatesAgainstTheOasisSchema(string format, string lang, string schema)
    {
        var xmllint = Xmllint();
        var xsd = Schema(schema);
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var xlf = XliffCommandsTests.Prefill(dir, tm, format, lang);
        var (code, _, err) = PeerTests.Run(xmllint, dir.Path, "--noout", "--schema", xsd, xlf);
        Assert.AreEqual(0, code, err);
        StringAssert.Contains(err, "validates");
    }

    [TestMethod]
    [DataRow("zh")]
    [DataRow("ar")]
    public void TranslateToolkit_ReadsOurXliff12WithTheSameSourcesAndTargets(string lang)
    {
        TranslateToolkit();
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var xlf = XliffCommandsTests.Prefill(dir, tm, "xliff", lang);
        var script = "import json,sys\nfrom translate.storage import xliff\nf=xliff.xlifffile.parsefile(sys.argv[1])\nprint(json.dumps([[u.xmlelement.get('id'),u.source,u.target or ''] for u in f.units],ensure_ascii=False))";
        var (code, stdout, err) = PeerTests.Run("/usr/bin/python3", dir.Path, "-c", script, xlf);
        Assert.AreEqual(0, code, err);
        var theirs = JsonSerializer.Deserialize<List<List<string>>>(stdout)!;
        var ours = XDocument.Load(xlf).Descendants(X12 + "trans-unit")
            .Select(u => new List<string> { (string)u.Attribute("id")!, u.Element(X12 + "source")!.Value, u.Element(X12 + "target")?.Value ?? "" }).ToList();
        Assert.HasCount(ours.Count, theirs);
        Assert.IsGreaterThan(10, ours.Count(u => u[2].Length > 0 && u[2] != u[1]), "translated units");
        for (int i = 0; i < ours.Count; i++) CollectionAssert.AreEqual(ours[i], theirs[i], $"unit {ours[i][0]}");
    }

    /// <summary>The end-to-end round trip with a real tool doing the translator's edit: translate-toolkit loads our
    /// XLIFF 1.2, sets the target of the segment that had no match and approves it, and saves the file; merge rebuilds
    /// the document with it and stores it, and the memory then returns it exactly.</summary>
    [TestMethod]
    public void TranslateToolkit_EditsOurXliff_MergeWritesAndStoresTheEdit()
    {
        TranslateToolkit();
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var xlf = XliffCommandsTests.Prefill(dir, tm, "xliff");
        const string Edited = "阿塞拜疆共和国常驻联合国日内瓦办事处和其他国际组织代表团向联合国人权事务高级专员办事处致意。";
        var script = "import sys\nfrom translate.storage import xliff\nf=xliff.xlifffile.parsefile(sys.argv[1])\n"
            + "for u in f.units:\n  if u.source.startswith('The Permanent Mission of the Republic'):\n    u.target=sys.argv[2]\n    u.markapproved(True)\n"
            + "f.savefile(sys.argv[1])";
        var (code, _, err) = PeerTests.Run("/usr/bin/python3", dir.Path, "-c", script, xlf, Edited);
        Assert.AreEqual(0, code, err);
        var md = dir.File("doc.zh.md");
        var r = CliRunner.Run("merge", xlf, "--out", md, "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "13 translated, 0 still to review (marked), 0 left in English");
        StringAssert.Contains(File.ReadAllText(md), "\n\n" + Edited + "\n\n");
        var source = XDocument.Load(xlf).Descendants(X12 + "source").First(s => s.Value.StartsWith("The Permanent Mission of the Republic", StringComparison.Ordinal)).Value;
        var lookup = CliRunner.Run("lookup", source, "--to", "zh", "--tm", tm, "--format", "jsonl");
        var best = JsonDocument.Parse(lookup.OutLines[0]).RootElement;
        Assert.AreEqual(Edited, best.GetProperty("target").GetString());
        Assert.AreEqual("exact", best.GetProperty("kind").GetString());
    }

    /// <summary>A file another tool wrote: translate-toolkit's po2xliff (XLIFF 1.1 namespace, no target language, the PO
    /// header as a unit, fuzzy as needs-translation, approved="yes" for the others).</summary>
    [TestMethod]
    public void Import_Po2xliffOutput_StoresTheTranslatedEntriesOnly()
    {
        TranslateToolkit();
        var po2xliff = PeerTests.Which("po2xliff") ?? throw new AssertInconclusiveException("po2xliff is not installed (apt-get install translate-toolkit)");
        using var dir = new TempDir();
        var po = dir.Write("report.po", """
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=UTF-8\n"
            "Language: zh_CN\n"

            #: report.md:3
            msgid "The report was noted."
            msgstr "报告已获注意。"

            #, fuzzy
            msgid "The vote was deferred."
            msgstr "表决推迟。"

            msgid "The meeting rose at noon."
            msgstr "会议于中午散会。"

            msgid "A sentence nobody translated."
            msgstr ""

            """);
        var xlf = dir.File("report.xlf");
        var (code, stdout, err) = PeerTests.Run(po2xliff, dir.Path, po, xlf);
        Assert.AreEqual(0, code, stdout + err);
        var tm = dir.File("m.db");
        var r = CliRunner.Run("import", xlf, "--tm", tm);
        Assert.AreEqual(3, r.ExitCode, "po2xliff names no target language");
        StringAssert.Contains(r.Err, "--to");
        Assert.IsFalse(File.Exists(tm) && new FileInfo(tm).Length > 0, "nothing was made");
        r = CliRunner.Run("import", xlf, "--tm", tm, "--to", "zh-CN");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "5 segment(s) read, 2 stored (2 new unit(s), 2 new variant(s)); 1 untranslated, 1 still to review, 1 not for translation skipped");
        var lookup = CliRunner.Run("lookup", "The report was noted.", "--to", "zh", "--tm", tm, "--format", "jsonl");
        Assert.AreEqual("报告已获注意。", JsonDocument.Parse(lookup.OutLines[0]).RootElement.GetProperty("target").GetString());
        Assert.IsEmpty(CliRunner.Run("lookup", "The vote was deferred.", "--to", "zh", "--tm", tm, "--format", "jsonl").OutLines, "a fuzzy entry is not stored");
    }
}
