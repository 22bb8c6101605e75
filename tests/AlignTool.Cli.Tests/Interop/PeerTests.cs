using System.Diagnostics;
using System.Text.Json;
using AlignTool.Cli.Tests.Commands;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Interop;

/// <summary>
/// Our TMX against the real peers from Debian: xmllint with the TMX 1.4 DTD, translate-toolkit's TMX reader, and
/// OmegaT 3.6 in console mode. A peer that is not installed makes its test report itself skipped (.ci/run installs
/// them).
/// </summary>
[TestClass]
public sealed class PeerTests
{
    internal static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    internal static (int Code, string Out, string Err) Run(string program, string workingDir, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDir };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000)) { p.Kill(true); Assert.Fail($"{program} did not finish in 3 minutes"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Export(TempDir dir, string langs) => Export(dir, TmxCommandsTests.BuiltMemory(dir), langs);

    private static string Export(TempDir dir, string tm, string langs)
    {
        var tmx = dir.File($"export-{Path.GetFileNameWithoutExtension(tm)}-{langs}.tmx");
        var r = CliRunner.Run("export", "--tm", tm, "--out", tmx, "--to", langs);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        return tmx;
    }

    [TestMethod]
    [DataRow("ar,zh")]
    [DataRow("zh")]
    [DataRow("ar")]
    public void Export_ValidatesAgainstTheTmx14Dtd(string langs)
    {
        var xmllint = Which("xmllint") ?? throw new AssertInconclusiveException("xmllint is not installed (apt-get install libxml2-utils)");
        var dtd = TestData.SharedBench("../interop/tmx14.dtd") ?? throw new AssertInconclusiveException("shared/interop/tmx14.dtd is not beside the repository");
        using var dir = new TempDir();
        foreach (var tmx in new[] { Export(dir, langs), Export(dir, TmxCommandsTests.MixedMemory(dir), langs) })
        {
            var (code, _, err) = Run(xmllint, dir.Path, "--noout", "--dtdvalid", dtd, tmx);
            Assert.AreEqual(0, code, err);
        }
    }

    /// <summary>Each unit's source and target as translate-toolkit's TMX reader (Debian's Python) reads them.</summary>
    private static List<List<string>> TranslateToolkitUnits(TempDir dir, string tmx)
    {
        if (!File.Exists("/usr/bin/python3") || Run("/usr/bin/python3", "/", "-c", "import translate.storage.tmx").Code != 0)
            throw new AssertInconclusiveException("translate-toolkit is not installed for /usr/bin/python3 (apt-get install translate-toolkit)");
        var script = "import json,sys\nfrom translate.storage import tmx\nf=tmx.tmxfile.parsefile(sys.argv[1])\nprint(json.dumps([[u.source,u.target] for u in f.units],ensure_ascii=False))";
        var (code, stdout, err) = Run("/usr/bin/python3", dir.Path, "-c", script, tmx);
        Assert.AreEqual(0, code, err);
        return JsonSerializer.Deserialize<List<List<string>>>(stdout)!;
    }

    [TestMethod]
    [DataRow("zh")]
    [DataRow("ar")]
    public void TranslateToolkit_ReadsTheSameUnitsAndTexts(string lang)
    {
        using var dir = new TempDir();
        var tmx = Export(dir, lang);
        var theirs = TranslateToolkitUnits(dir, tmx);
        var ours = System.Xml.Linq.XDocument.Load(tmx).Descendants("tu").Select(tu => tu.Elements("tuv").Select(v => string.Concat(v.Element("seg")!.Nodes().Select(n => n is System.Xml.Linq.XElement e ? e.Value : ((System.Xml.Linq.XText)n).Value))).ToList()).ToList();
        Assert.HasCount(ours.Count, theirs);
        Assert.IsGreaterThan(5, ours.Count);
        for (int i = 0; i < ours.Count; i++)
        {
            Assert.AreEqual(ours[i][0], theirs[i][0]);
            Assert.AreEqual(ours[i][1], theirs[i][1]);
        }
    }

    private static string OmegatProject(TempDir dir, string name) =>
        OmegatProject(dir, name, "ZH-CN", "LuceneSmartChineseTokenizer", sentences: false,
            "Human Rights Council\n\nForty-third session\n\nAgenda item 4\n\nA sentence the memory has never seen.\n");

    private static string OmegatProject(TempDir dir, string name, string targetLang, string targetTokenizer, bool sentences, string source)
    {
        var root = Directory.CreateDirectory(dir.File(name)).FullName;
        foreach (var d in new[] { "source", "target", "tm/auto", "glossary", "dictionary", "omegat" }) Directory.CreateDirectory(Path.Combine(root, d));
        File.WriteAllText(Path.Combine(root, "omegat.project"), $$"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <omegat>
                <project version="1.0">
                    <source_dir>__DEFAULT__</source_dir>
                    <source_dir_excludes/>
                    <target_dir>__DEFAULT__</target_dir>
                    <tm_dir>__DEFAULT__</tm_dir>
                    <glossary_dir>__DEFAULT__</glossary_dir>
                    <glossary_file>__DEFAULT__</glossary_file>
                    <dictionary_dir>__DEFAULT__</dictionary_dir>
                    <source_lang>EN-US</source_lang>
                    <target_lang>{{targetLang}}</target_lang>
                    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
                    <target_tok>org.omegat.tokenizer.{{targetTokenizer}}</target_tok>
                    <sentence_seg>{{(sentences ? "true" : "false")}}</sentence_seg>
                    <support_default_translations>true</support_default_translations>
                    <remove_tags>false</remove_tags>
                </project>
            </omegat>
            """);
        File.WriteAllText(Path.Combine(root, "source", "cover.txt"), source);
        return root;
    }

    [TestMethod]
    public void OmegaT_PretranslatesWithOurTmx()
    {
        var omegat = Which("omegat") ?? throw new AssertInconclusiveException("OmegaT is not installed (apt-get install omegat)");
        using var dir = new TempDir();
        var project = OmegatProject(dir, "project");
        File.Copy(Export(dir, "zh"), Path.Combine(project, "tm", "auto", "aligntool.tmx"));
        var (code, stdout, err) = Run(omegat, project, project, "--mode=console-translate");
        Assert.AreEqual(0, code, stdout + err);
        var target = File.ReadAllText(Path.Combine(project, "target", "cover.txt"));
        StringAssert.Contains(target, "人权理事会");
        StringAssert.Contains(target, "第四十三届会议");
        StringAssert.Contains(target, "议程项目4");
        StringAssert.Contains(target, "A sentence the memory has never seen.");
    }

    /// <summary>Two sentences a paragraph, each from a unit of the mixed memory: some have only Arabic, some only
    /// Chinese, one both, one two Chinese translations.</summary>
    private const string MixedSource = "The Council adopted the resolution. The meeting rose at noon.\n\nThe report was noted. The draft was withdrawn.\n\nThe vote was deferred. A sentence the memory has never seen.\n";

    [TestMethod]
    [DataRow("zh", "ZH-CN", "LuceneSmartChineseTokenizer",
        new[] { "理事会通过了该决议。", "报告已获注意。" }, new[] { "The meeting rose at noon.", "The draft was withdrawn.", "A sentence the memory has never seen." })]
    [DataRow("ar", "AR", "LuceneArabicTokenizer",
        new[] { "واعتمد المجلس القرار.", "ورُفعت الجلسة ظهراً.", "وسُحب المشروع." }, new[] { "The report was noted.", "The vote was deferred.", "A sentence the memory has never seen." })]
    public void OmegaT_SentenceSegmentedProject_GetsOnlyItsLanguageFromAnExportPerLanguage(string lang, string omegatLang, string tokenizer, string[] translated, string[] untranslated)
    {
        var omegat = Which("omegat") ?? throw new AssertInconclusiveException("OmegaT is not installed (apt-get install omegat)");
        using var dir = new TempDir();
        var project = OmegatProject(dir, "project-" + lang, omegatLang, tokenizer, sentences: true, MixedSource);
        File.Copy(Export(dir, TmxCommandsTests.MixedMemory(dir), lang), Path.Combine(project, "tm", "auto", "aligntool.tmx"));
        var (code, stdout, err) = Run(omegat, project, project, "--mode=console-translate");
        Assert.AreEqual(0, code, stdout + err);
        var target = File.ReadAllText(Path.Combine(project, "target", "cover.txt"));
        foreach (var t in translated) StringAssert.Contains(target, t);
        foreach (var u in untranslated) StringAssert.Contains(target, u, "a sentence without a translation in this language stays English");
        bool Arabic(char c) => c is >= '\u0600' and <= '\u06FF';
        bool Han(char c) => c is >= '\u4E00' and <= '\u9FFF';
        Assert.IsFalse(target.Any(lang == "zh" ? Arabic : Han), "a segment got the other language: " + target);
    }

    [TestMethod]
    [DataRow("zh")]
    [DataRow("ar")]
    public void TranslateToolkit_ReadsABilingualExportOfAMixedMemoryWithTheRightTargets(string lang)
    {
        using var dir = new TempDir();
        var tmx = Export(dir, TmxCommandsTests.MixedMemory(dir), lang);
        var theirs = TranslateToolkitUnits(dir, tmx).Select(p => p[0] + " => " + p[1]).ToList();
        string[] expected = lang == "zh"
            ? ["The Council adopted the resolution. => 理事会通过了该决议。", "The report was noted. => 报告已获注意。", "The vote was deferred. => 表决推迟。", "The vote was deferred. => 表决被推迟。"]
            : ["The Council adopted the resolution. => واعتمد المجلس القرار.", "The draft was withdrawn. => وسُحب المشروع.", "The meeting rose at noon. => ورُفعت الجلسة ظهراً."];
        CollectionAssert.AreEquivalent(expected, theirs);
    }

    [TestMethod]
    public void OmegaTWrittenTmx_IsImportedWithNothingLost()
    {
        var omegat = Which("omegat") ?? throw new AssertInconclusiveException("OmegaT is not installed (apt-get install omegat)");
        using var dir = new TempDir();
        var project = OmegatProject(dir, "pseudo");
        var written = dir.File("omegat.tmx");
        var (code, stdout, err) = Run(omegat, project, project, "--mode=console-createpseudotranslatetmx", $"--pseudotranslatetmx={written}", "--pseudotranslatetype=equal");
        Assert.AreEqual(0, code, stdout + err);
        StringAssert.Contains(File.ReadAllText(written), "<!DOCTYPE tmx SYSTEM", "OmegaT names an external DTD, never fetched");
        var tm = dir.File("m.db");
        var imp = CliRunner.Run("import", written, "--tm", tm);
        Assert.AreEqual(0, imp.ExitCode, imp.Err);
        var back = dir.File("back.tmx");
        Assert.AreEqual(0, CliRunner.Run("export", "--tm", tm, "--out", back).ExitCode);
        var theirs = System.Xml.Linq.XDocument.Load(written, System.Xml.Linq.LoadOptions.None).Descendants("seg").Select(s => s.Value).ToList();
        var ours = System.Xml.Linq.XDocument.Load(back).Descendants("seg").Select(s => s.Value).ToList();
        CollectionAssert.AreEquivalent(theirs, ours);
        StringAssert.Contains(imp.Err, "4 unit(s) read, 4 new unit(s)");
    }
}
