using System.Text.Json;
using System.Xml.Linq;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Commands;

/// <summary><c>prefill --format xliff|xliff2</c>, <c>import</c> of XLIFF and <c>merge</c>: the round trip through a CAT
/// tool, with the file edited as a translator would.</summary>
[TestClass]
public sealed class XliffCommandsTests
{
    private static string Sample => Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md");

    private static readonly XNamespace X12 = "urn:oasis:names:tc:xliff:document:1.2";
    private static readonly XNamespace X20 = "urn:oasis:names:tc:xliff:document:2.0";

    private const string Transmittal = "The Permanent Mission of the Republic of Azerbaijan to the United Nations Office and other International Organizations in Geneva presents its compliments to the Office of the United Nations High Commissioner for Human Rights and has the honour to transmit herewith the statement of the Ministry of Foreign Affairs of the Republic of Azerbaijan on the clearance of landmines in the liberated territories (see annex).";
    private const string TransmittalZh = "阿塞拜疆共和国常驻联合国日内瓦办事处和其他国际组织代表团向联合国人权事务高级专员办事处致意，并谨转递阿塞拜疆共和国外交部关于在解放领土清除地雷的声明（见附件）。";

    internal static string Prefill(TempDir dir, string tm, string format, string lang = "zh")
    {
        var xlf = dir.File($"draft-{format}-{lang}.xlf");
        var r = CliRunner.Run("prefill", Sample, "--to", lang, "--tm", tm, "--format", format, "--out", xlf);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        return xlf;
    }

    private static string Draft(TempDir dir, string tm, string lang = "zh")
    {
        var md = dir.File($"draft-{lang}.md");
        Assert.AreEqual(0, CliRunner.Run("prefill", Sample, "--to", lang, "--tm", tm, "--out", md).ExitCode);
        return File.ReadAllText(md);
    }

    private static List<JsonElement> Lookup(string tm, string text, string lang = "zh")
    {
        var r = CliRunner.Run("lookup", text, "--to", lang, "--tm", tm, "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        return r.OutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    /// <summary>A translator's edit of an XLIFF 1.2 file: the unit whose source is <paramref name="source"/> gets this
    /// target with this state.</summary>
    internal static void Edit12(string xlf, string source, string target, string state)
    {
        var doc = XDocument.Load(xlf, LoadOptions.PreserveWhitespace);
        var tu = doc.Descendants(X12 + "trans-unit").Single(t => t.Element(X12 + "source")!.Value == source);
        var t = tu.Element(X12 + "target");
        if (t is null) { t = new XElement(X12 + "target", new XAttribute(XNamespace.Xml + "lang", "zh")); tu.Element(X12 + "source")!.AddAfterSelf(t); }
        t.Value = target;
        t.SetAttributeValue("state", state);
        t.SetAttributeValue("state-qualifier", null);
        doc.Save(xlf);
    }

    internal static void Edit20(string xlf, string source, string target, string state)
    {
        var doc = XDocument.Load(xlf, LoadOptions.PreserveWhitespace);
        var seg = doc.Descendants(X20 + "segment").Single(s => s.Element(X20 + "source")!.Value == source);
        var t = seg.Element(X20 + "target");
        if (t is null) { t = new XElement(X20 + "target"); seg.Add(t); }
        t.Value = target;
        seg.SetAttributeValue("state", state);
        seg.SetAttributeValue("subState", null);
        doc.Save(xlf);
    }

    [TestMethod]
    public void Prefill_Xliff12_HasOneUnitPerSegmentWithStatesTargetsAndContext()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var doc = XDocument.Load(Prefill(dir, tm, "xliff"));
        var jsonl = CliRunner.Run("prefill", Sample, "--to", "zh", "--tm", tm, "--format", "jsonl").OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var units = doc.Descendants(X12 + "trans-unit").ToList();
        Assert.HasCount(jsonl.Count, units);
        var file = doc.Root!.Element(X12 + "file")!;
        Assert.AreEqual("zh", (string?)file.Attribute("target-language"));
        Assert.AreEqual("A-HRC-50-G-3.md", (string?)file.Attribute("original"));
        for (int i = 0; i < units.Count; i++)
        {
            var u = units[i];
            var s = jsonl[i];
            Assert.AreEqual(s.GetProperty("source").GetString(), u.Element(X12 + "source")!.Value);
            var target = u.Element(X12 + "target");
            var contexts = u.Descendants(X12 + "context").ToDictionary(c => (string)c.Attribute("context-type")!, c => c.Value);
            switch (s.GetProperty("action").GetString())
            {
                case "filled":
                    Assert.AreEqual(s.GetProperty("target").GetString(), target!.Value);
                    Assert.AreEqual("translated", (string?)target.Attribute("state"));
                    Assert.AreEqual(s.GetProperty("kind").GetString(), contexts["x-match"]);
                    Assert.AreEqual(s.GetProperty("score").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), contexts["x-score"]);
                    StringAssert.Contains(u.Element(X12 + "note")!.Value, s.GetProperty("via").GetString()!);
                    break;
                case "leftinenglish":
                    Assert.IsNull(target, "no match: no target");
                    StringAssert.Contains(u.Element(X12 + "note")!.Value, "no match");
                    break;
                case "kept":
                    Assert.AreEqual("no", (string?)u.Attribute("translate"));
                    Assert.AreEqual(s.GetProperty("source").GetString(), target!.Value);
                    break;
            }
            Assert.AreEqual(s.GetProperty("zone").GetString(), contexts["x-zone"]);
            if (s.TryGetProperty("field", out var f)) Assert.AreEqual(f.GetString(), contexts["x-field"]);
        }
        // The memory's candidates with their score and origin.
        var organ = units.First(u => u.Element(X12 + "source")!.Value == "General Assembly");
        var alt = organ.Elements(X12 + "alt-trans").First();
        Assert.AreEqual("大会", alt.Element(X12 + "target")!.Value);
        Assert.AreEqual("001_773fb7f93ddba32c.txt", (string?)alt.Attribute("origin"));
        Assert.AreEqual("99", (string?)alt.Attribute("match-quality"));
        Assert.IsNotNull(file.Element(X12 + "header")!.Element(X12 + "skl")!.Element(X12 + "internal-file"), "the skeleton that rebuilds the document");
    }

    [TestMethod]
    public void Prefill_Xliff20_HasSegmentStatesMatchesAndMetadata()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var doc = XDocument.Load(Prefill(dir, tm, "xliff2"));
        Assert.AreEqual("2.0", (string?)doc.Root!.Attribute("version"));
        Assert.AreEqual("zh", (string?)doc.Root!.Attribute("trgLang"));
        var segments = doc.Descendants(X20 + "segment").ToList();
        Assert.HasCount(20, segments);
        var organ = segments.Single(s => s.Element(X20 + "source")!.Value == "General Assembly");
        Assert.AreEqual("translated", (string?)organ.Attribute("state"));
        Assert.AreEqual("aligntool:context", (string?)organ.Attribute("subState"));
        Assert.AreEqual("大会", organ.Element(X20 + "target")!.Value);
        XNamespace mtc = "urn:oasis:names:tc:xliff:matches:2.0", mda = "urn:oasis:names:tc:xliff:metadata:2.0";
        var match = organ.Parent!.Element(mtc + "matches")!.Element(mtc + "match")!;
        Assert.AreEqual("99.0", (string?)match.Attribute("matchQuality"));
        Assert.AreEqual("#" + (string)organ.Attribute("id")!, (string?)match.Attribute("ref"));
        var meta = organ.Parent!.Descendants(mda + "meta").ToDictionary(m => (string)m.Attribute("type")!, m => m.Value);
        Assert.AreEqual("masthead", meta["zone"]);
        Assert.AreEqual("organ", meta["field"]);
        var none = segments.Single(s => s.Element(X20 + "source")!.Value == Transmittal);
        Assert.AreEqual("initial", (string?)none.Attribute("state"));
        Assert.IsNull(none.Element(X20 + "target"));
    }

    [TestMethod]
    [DataRow("xliff")]
    [DataRow("xliff2")]
    public void Merge_UntouchedXliff_GivesTheDraftPrefillWrites(string format)
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var xlf = Prefill(dir, tm, format);
        var md = dir.File("merged.md");
        var r = CliRunner.Run("merge", xlf, "--out", md, "--no-store");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        Assert.AreEqual(Draft(dir, tm), File.ReadAllText(md));
        StringAssert.Contains(r.Err, "12 translated, 0 still to review (marked), 1 left in English");
    }

    /// <summary>The issue's end-to-end test: prefill the sample to XLIFF, edit targets as a translator would (translate
    /// the segment that had no match, correct a prefilled one, set their states), import or merge it, and the memory
    /// returns the edited translations exactly.</summary>
    [TestMethod]
    [DataRow("xliff", "import")]
    [DataRow("xliff", "merge")]
    [DataRow("xliff2", "import")]
    [DataRow("xliff2", "merge")]
    public void EditedXliff_ImportedOrMerged_LookupReturnsTheEditedTranslation(string format, string command)
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var xlf = Prefill(dir, tm, format);
        Assert.IsEmpty(Lookup(tm, Transmittal), "the memory has no translation of the transmittal before");
        const string Recycle = "请回收利用";
        if (format == "xliff")
        {
            Edit12(xlf, Transmittal, TransmittalZh, "final");
            Edit12(xlf, "Please recycle", Recycle, "signed-off");
        }
        else
        {
            Edit20(xlf, Transmittal, TransmittalZh, "final");
            Edit20(xlf, "Please recycle", Recycle, "reviewed");
        }
        var md = dir.File("doc.zh.md");
        var r = command == "import" ? CliRunner.Run("import", xlf, "--tm", tm) : CliRunner.Run("merge", xlf, "--out", md, "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);

        var found = Lookup(tm, Transmittal);
        Assert.AreEqual(TransmittalZh, found[0].GetProperty("target").GetString());
        Assert.AreEqual("exact", found[0].GetProperty("kind").GetString());
        Assert.AreEqual(100, found[0].GetProperty("score").GetInt32());
        Assert.Contains(Recycle, Lookup(tm, "Please recycle").Select(m => m.GetProperty("target").GetString()).ToList(), "a corrected target is a translation of its unit");
        if (command == "merge")
        {
            var text = File.ReadAllText(md);
            StringAssert.Contains(text, TransmittalZh);
            StringAssert.Contains(text, Recycle);
            Assert.DoesNotContain("[EN]", text);
            StringAssert.StartsWith(text, "联合国  \nA/HRC/50/G/3\n\n大会\n", "the masthead's lines and breaks as in the draft");
        }
    }

    [TestMethod]
    public void Import_Xliff_CountsWhatItSkipsAndTheSameFileTwiceAddsNothing()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var xlf = Prefill(dir, tm, "xliff");
        Edit12(xlf, Transmittal, TransmittalZh, "needs-review-translation");
        var first = CliRunner.Run("import", xlf, "--tm", tm, "--format", "jsonl");
        Assert.AreEqual(0, first.ExitCode, first.Err);
        var o = JsonDocument.Parse(first.Out).RootElement;
        Assert.AreEqual(20, o.GetProperty("units").GetInt32());
        Assert.AreEqual(12, o.GetProperty("stored").GetInt32());
        Assert.AreEqual(0, o.GetProperty("untranslated").GetInt32());
        Assert.AreEqual(1, o.GetProperty("needsReview").GetInt32(), "a translation still to review is not stored");
        Assert.AreEqual(7, o.GetProperty("notForTranslation").GetInt32());
        Assert.IsEmpty(Lookup(tm, Transmittal));
        var stats = CliRunner.Run("stats", "--tm", tm, "--format", "jsonl").Out;
        var second = CliRunner.Run("import", xlf, "--tm", tm, "--format", "jsonl");
        Assert.AreEqual(0, second.ExitCode, second.Err);
        Assert.IsTrue(JsonDocument.Parse(second.Out).RootElement.GetProperty("alreadyImported").GetBoolean());
        StringAssert.Contains(second.Err, "already imported; nothing added");
        Assert.AreEqual(stats, CliRunner.Run("stats", "--tm", tm, "--format", "jsonl").Out);
    }

    [TestMethod]
    public void Import_UntranslatedSegments_AreSkippedAndCounted()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var xlf = Prefill(dir, tm, "xliff2");
        var r = CliRunner.Run("import", xlf, "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "20 segment(s) read, 12 stored");
        StringAssert.Contains(r.Err, "1 untranslated, 0 still to review, 7 not for translation skipped");
    }

    [TestMethod]
    [DataRow("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"a\" source-language=\"en\" target-language=\"zh\" datatype=\"plaintext\">\n<body><trans-unit id=\"1\"><source>The report was noted.</source><target state=\"final\">报告已获注意。</target></trans-unit>\n<trans-unit id=\"2\"><source>x</source>\n", 4, 1)]
    [DataRow("<?xml version=\"1.0\"?>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" trgLang=\"zh\"><file id=\"f\">\n  <unit id=\"1\"><segment state=\"done\"><source>The report was noted.</source><target>报告已获注意。</target></segment></unit></file></xliff>", 3, 17)]
    [DataRow("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"a\" source-language=\"en\" target-language=\"zh\" datatype=\"plaintext\"><body>\n<trans-unit id=\"1\"><target>报告已获注意。</target></trans-unit></body></file></xliff>", 3, 2)]
    public void Import_MalformedXliff_Exit3WithLineAndColumnAndTheMemoryAsItWas(string content, int line, int column)
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var before = File.ReadAllBytes(tm);
        var bad = dir.Write("bad.xlf", content);
        foreach (var r in new[] { CliRunner.Run("import", bad, "--tm", tm), CliRunner.Run("merge", bad, "--tm", tm, "--out", dir.File("x.md")) })
        {
            Assert.AreEqual(3, r.ExitCode, r.Err);
            StringAssert.StartsWith(r.Err, $"aligntool: error: {bad}:{line}:{column}: ");
            Assert.AreEqual(1, r.Err.TrimEnd('\n').Split('\n').Length, "one line: " + r.Err);
        }
        CollectionAssert.AreEqual(before, File.ReadAllBytes(tm), "the memory as it was");
        Assert.IsFalse(File.Exists(dir.File("x.md")));
    }

    [TestMethod]
    public void Merge_FromStdinWithAJsonlSummary_StoresAndSaysWhat()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var xlf = Prefill(dir, tm, "xliff2");
        Edit20(xlf, Transmittal, TransmittalZh, "translated");
        var md = dir.File("doc.zh.md");
        var r = CliRunner.Run(new Dictionary<string, string?>(), File.ReadAllBytes(xlf), "merge", "-", "--out", md, "--tm", tm, "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var o = JsonDocument.Parse(r.Out).RootElement;
        Assert.AreEqual(13, o.GetProperty("stored").GetInt32());
        Assert.AreEqual(0, o.GetProperty("untranslated").GetInt32());
        StringAssert.Contains(r.Err, "imported stdin: 20 segment(s) read, 13 stored");
        StringAssert.Contains(File.ReadAllText(md), TransmittalZh);
        Assert.IsTrue(CliRunner.Run("docs", "--tm", tm).Out.Contains("stdin.xlf", StringComparison.Ordinal), "the document is named for stdin");
    }

    [TestMethod]
    public void Merge_NoStore_LeavesTheMemoryAsItWas()
    {
        using var dir = new TempDir();
        var tm = TmxCommandsTests.BuiltMemory(dir);
        var xlf = Prefill(dir, tm, "xliff");
        Edit12(xlf, Transmittal, TransmittalZh, "final");
        var before = File.ReadAllBytes(tm);
        var r = CliRunner.Run("merge", xlf, "--out", dir.File("doc.zh.md"), "--tm", tm, "--no-store");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        Assert.DoesNotContain("imported", r.Err);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(tm));
        Assert.IsEmpty(Lookup(tm, Transmittal));
    }

    [TestMethod]
    public void Merge_AnotherToolsXliff_Exit3SaysToUseImport()
    {
        using var dir = new TempDir();
        var xlf = dir.Write("theirs.xlf", """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="report.docx" source-language="en-US" target-language="zh-CN" datatype="x-docx">
                <body><trans-unit id="1"><source>The report was noted.</source><target state="translated">报告已获注意。</target></trans-unit></body>
              </file>
            </xliff>
            """);
        var r = CliRunner.Run("merge", xlf, "--out", dir.File("x.md"), "--no-store");
        Assert.AreEqual(3, r.ExitCode);
        StringAssert.Contains(r.Err, "has no AlignTool skeleton");
        StringAssert.Contains(r.Err, "aligntool import");
    }

    /// <summary>Hand-written files as memoQ, Trados or Okapi write them: groups, inline codes, approved, 2.0 multi-segment
    /// units, zh-CN.</summary>
    [TestMethod]
    public void Import_OtherToolsXliff12And20_StoresTheFinishedSegments()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        var v12 = dir.Write("memoq.mqxliff.xlf", """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff">
              <file original="C:\jobs\report.docx" source-language="en-US" target-language="zh-CN" datatype="x-docx">
                <body>
                  <group id="p1">
                    <trans-unit id="1" approved="yes"><source>The <g id="1">report</g> was noted.</source><target>报告<g id="1"></g>已获注意。</target></trans-unit>
                    <trans-unit id="2"><source>The vote was deferred.</source><target state="needs-review-translation">表决推迟。</target></trans-unit>
                    <trans-unit id="3"><source>The draft was withdrawn.<ph id="2">&lt;br/&gt;</ph></source><target state="translated">草案已撤回。<ph id="2">&lt;br/&gt;</ph></target></trans-unit>
                    <trans-unit id="4"><source>A sentence nobody translated.</source><target state="new"></target></trans-unit>
                  </group>
                </body>
              </file>
            </xliff>
            """);
        var r = CliRunner.Run("import", v12, "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "4 segment(s) read, 2 stored (2 new unit(s), 2 new variant(s)); 1 untranslated, 1 still to review skipped");
        Assert.AreEqual("报告已获注意。", Lookup(tm, "The report was noted.")[0].GetProperty("target").GetString());
        Assert.AreEqual("草案已撤回。", Lookup(tm, "The draft was withdrawn.")[0].GetProperty("target").GetString());
        Assert.IsEmpty(Lookup(tm, "The vote was deferred."));

        var v20 = dir.Write("okapi.xlf", """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-Hans">
              <file id="f1" original="note.html">
                <group id="g1">
                  <unit id="u1">
                    <segment id="s1" state="final"><source>The meeting rose at noon.</source><target>会议于中午散会。</target></segment>
                    <ignorable><source> </source></ignorable>
                    <segment id="s2" state="initial"><source>The vote was deferred.</source><target>表决推迟。</target></segment>
                  </unit>
                  <unit id="u2"><segment state="reviewed"><source>The <pc id="1">Council</pc> adopted the resolution.</source><target>理事会通过了该决议<cp hex="3002"/></target></segment></unit>
                </group>
              </file>
            </xliff>
            """);
        r = CliRunner.Run("import", v20, "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "3 segment(s) read, 2 stored");
        Assert.AreEqual("会议于中午散会。", Lookup(tm, "The meeting rose at noon.")[0].GetProperty("target").GetString());
        Assert.AreEqual("理事会通过了该决议。", Lookup(tm, "The Council adopted the resolution.")[0].GetProperty("target").GetString());
    }

    [TestMethod]
    public void Import_XliffFromAnotherSourceLanguage_Exit3AndNothingStored()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        var xlf = dir.Write("fr.xlf", """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="fr" target-language="zh" datatype="plaintext"><body>
            <trans-unit id="1"><source>Le rapport</source><target state="final">报告</target></trans-unit></body></file></xliff>
            """);
        var r = CliRunner.Run("import", xlf, "--tm", tm);
        Assert.AreEqual(3, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "source language is 'fr'");
        Assert.IsFalse(File.Exists(tm) && new FileInfo(tm).Length > 0, "no memory was made");
    }
}
