using System.Text.RegularExpressions;
using System.Text;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Commands;

[TestClass]
public sealed class TmxCommandsTests
{
    private static readonly Dictionary<string, string?> Fixed = new() { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    internal static string BuiltMemory(TempDir dir)
    {
        var tm = dir.File("seed.db");
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", tm).ExitCode);
        return tm;
    }

    [TestMethod]
    public void ExportImportExport_IntoEmptyMemories_GivesTheSameFile()
    {
        using var dir = new TempDir();
        var first = dir.File("first.tmx");
        Assert.AreEqual(0, CliRunner.Run(Fixed, "export", "--tm", BuiltMemory(dir), "--out", first).ExitCode);
        string Cycle(string input, string name)
        {
            var tm = dir.File(name + ".db");
            var imp = CliRunner.Run(Fixed, "import", input, "--tm", tm);
            Assert.AreEqual(0, imp.ExitCode, imp.Err);
            var output = dir.File(name + ".tmx");
            Assert.AreEqual(0, CliRunner.Run(Fixed, "export", "--tm", tm, "--out", output).ExitCode);
            return output;
        }
        var y = Cycle(first, "y");
        var z = Cycle(y, "z");
        CollectionAssert.AreEqual(File.ReadAllBytes(y), File.ReadAllBytes(z));
        CollectionAssert.AreEqual(File.ReadAllBytes(first), File.ReadAllBytes(y), "the first export survives the round trip too");
        StringAssert.Contains(File.ReadAllText(first), "<ph x=\"1\" type=\"fnote\">*</ph>");
        StringAssert.Contains(File.ReadAllText(first), "creationdate=\"20231114T221320Z\"");
    }

    [TestMethod]
    public void Export_LangsAndSince_Filter()
    {
        using var dir = new TempDir();
        var tm = BuiltMemory(dir);
        var zh = dir.File("zh.tmx");
        Assert.AreEqual(0, CliRunner.Run("export", "--tm", tm, "--out", zh, "--langs", "zh-CN").ExitCode);
        var text = File.ReadAllText(zh);
        StringAssert.Contains(text, "xml:lang=\"zh\"");
        Assert.IsFalse(text.Contains("xml:lang=\"ar\"", StringComparison.Ordinal));
        // A language named twice (zh and zh-CN are one) is one language: the same bilingual file, each unit once.
        var twice = dir.File("twice.tmx");
        Assert.AreEqual(0, CliRunner.Run("export", "--tm", tm, "--out", twice, "--langs", "zh,zh-CN").ExitCode);
        Assert.AreEqual(Regex.Replace(text, "creationdate=\"[^\"]*\"", ""), Regex.Replace(File.ReadAllText(twice), "creationdate=\"[^\"]*\"", ""));
        var future = dir.File("future.tmx");
        Assert.AreEqual(0, CliRunner.Run("export", "--tm", tm, "--out", future, "--since", "2999-01-01").ExitCode);
        Assert.IsFalse(File.ReadAllText(future).Contains("<tu ", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Import_MapsOtherToolsContextAndMergesDuplicates()
    {
        using var dir = new TempDir();
        var tmx = dir.Write("other.tmx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext"/>
            <body>
              <tu usagecount="2"><prop type="x-context-pre">Human Rights Council</prop><prop type="x-context-post">Agenda item 4</prop><note>checked</note>
                <tuv xml:lang="en-US"><seg>Forty-third session</seg></tuv><tuv xml:lang="zh-CN"><seg>第四十三届会议</seg></tuv><tuv xml:lang="fr-FR"><seg>Quarante-troisième session</seg></tuv></tu>
              <tu usagecount="3"><tuv xml:lang="en-US"><seg>Forty-third session</seg></tuv><tuv xml:lang="zh-CN"><seg>第四十三届会议</seg></tuv></tu>
              <tu><tuv xml:lang="de-DE"><seg>Ohne Englisch</seg></tuv><tuv xml:lang="zh-CN"><seg>无英文</seg></tuv></tu>
            </body></tmx>
            """);
        var tm = dir.File("m.db");
        var r = CliRunner.Run("import", tmx, "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "3 unit(s) read, 1 new unit(s)");
        StringAssert.Contains(r.Err, "1 without an English segment skipped");
        var export = dir.File("out.tmx");
        Assert.AreEqual(0, CliRunner.Run("export", "--tm", tm, "--out", export).ExitCode);
        var text = File.ReadAllText(export);
        StringAssert.Contains(text, "Quarante-troisième session", "other languages are kept");
        StringAssert.Contains(text, "<note>checked</note>");
        StringAssert.Contains(text, "<prop type=\"x-context-pre\">Human Rights Council</prop>");
        StringAssert.Contains(text, "usagecount=\"5\"", "duplicates merge, usage counts add");
        var lookup = CliRunner.Run("lookup", "Forty-third session", "--to", "zh", "--tm", tm, "--format", "jsonl");
        StringAssert.Contains(lookup.Out, "第四十三届会议");
        var docs = CliRunner.Run("docs", "--tm", tm, "--format", "jsonl");
        StringAssert.Contains(docs.Out, "\"languages\":\"en,zh,fr-fr\"", "the languages the file holds, as read");
    }

    [TestMethod]
    public void Import_EntityBomb_IsRefusedWithPositionAndNothingChanges()
    {
        using var dir = new TempDir();
        var tm = BuiltMemory(dir);
        var before = CliRunner.Run("stats", "--tm", tm).Out;
        var bomb = dir.Write("bomb.tmx", "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>&b;</seg></tuv><tuv xml:lang=\"zh\"><seg>x</seg></tuv></tu></body></tmx>");
        var r = CliRunner.Run("import", bomb, "--tm", tm);
        Assert.AreEqual(3, r.ExitCode);
        StringAssert.StartsWith(r.Err, $"aligntool: error: {bomb}:2:");
        Assert.AreEqual(before, CliRunner.Run("stats", "--tm", tm).Out);
    }

    [TestMethod]
    public void Import_MalformedAfterGoodUnits_LeavesTheMemoryExactlyAsItWas()
    {
        using var dir = new TempDir();
        var tm = BuiltMemory(dir);
        var before = CliRunner.Run("stats", "--tm", tm).Out;
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n");
        for (int i = 0; i < 50; i++) sb.Append($"<tu><tuv xml:lang=\"en\"><seg>Unit {i}</seg></tuv><tuv xml:lang=\"zh\"><seg>单元{i}</seg></tuv></tu>\n");
        sb.Append("<tu><tuv xml:lang=\"en\"><seg>broken</tu>\n</body></tmx>");
        var bad = dir.Write("bad.tmx", sb.ToString());
        var r = CliRunner.Run("import", bad, "--tm", tm);
        Assert.AreEqual(3, r.ExitCode);
        StringAssert.StartsWith(r.Err, $"aligntool: error: {bad}:53:");
        StringAssert.Contains(r.Err, "nothing was imported");
        Assert.AreEqual(before, CliRunner.Run("stats", "--tm", tm).Out);
    }

    /// <summary>A memory in which some units have only Arabic, some only Chinese, one both and one two Chinese
    /// translations: what an export per target language must keep apart.</summary>
    internal static string MixedMemory(TempDir dir)
    {
        var tmx = dir.Write("mixed.tmx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>
              <tu><tuv xml:lang="en"><seg>The Council adopted the resolution.</seg></tuv><tuv xml:lang="ar"><seg>واعتمد المجلس القرار.</seg></tuv><tuv xml:lang="zh"><seg>理事会通过了该决议。</seg></tuv></tu>
              <tu><tuv xml:lang="en"><seg>The meeting rose at noon.</seg></tuv><tuv xml:lang="ar"><seg>ورُفعت الجلسة ظهراً.</seg></tuv></tu>
              <tu><tuv xml:lang="en"><seg>The report was noted.</seg></tuv><tuv xml:lang="zh"><seg>报告已获注意。</seg></tuv></tu>
              <tu><tuv xml:lang="en"><seg>The draft was withdrawn.</seg></tuv><tuv xml:lang="ar"><seg>وسُحب المشروع.</seg></tuv></tu>
              <tu><tuv xml:lang="en"><seg>The vote was deferred.</seg></tuv><tuv xml:lang="zh"><seg>表决推迟。</seg></tuv></tu>
              <tu><tuv xml:lang="en"><seg>The vote was deferred.</seg></tuv><tuv xml:lang="zh"><seg>表决被推迟。</seg></tuv></tu>
            </body></tmx>
            """);
        var tm = dir.File("mixed.db");
        var r = CliRunner.Run("import", tmx, "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        return tm;
    }

    /// <summary>Each unit's (language, text) pairs, in file order.</summary>
    private static List<List<(string Lang, string Text)>> Units(string tmx) =>
        System.Xml.Linq.XDocument.Load(tmx).Descendants("tu")
            .Select(tu => tu.Elements("tuv").Select(v => ((string)v.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")!, v.Element("seg")!.Value)).ToList()).ToList();

    [TestMethod]
    [DataRow("zh", new[] { "The Council adopted the resolution.", "The report was noted.", "The vote was deferred.", "The vote was deferred." })]
    [DataRow("ar", new[] { "The Council adopted the resolution.", "The meeting rose at noon.", "The draft was withdrawn." })]
    public void Export_ToOneLanguage_WritesABilingualFileOfTheUnitsThatHaveIt(string lang, string[] english)
    {
        using var dir = new TempDir();
        var tm = MixedMemory(dir);
        var tmx = dir.File(lang + ".tmx");
        var r = CliRunner.Run("export", "--tm", tm, "--to", lang, "--out", tmx);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var units = Units(tmx);
        Assert.IsTrue(units.All(u => u.Count == 2 && u[0].Lang == "en" && u[1].Lang == lang), File.ReadAllText(tmx));
        CollectionAssert.AreEqual(english, units.Select(u => u[0].Text).ToArray());
        Assert.AreEqual("en", System.Xml.Linq.XDocument.Load(tmx).Descendants("header").Single().Attribute("srclang")!.Value);
        if (lang == "zh") CollectionAssert.AreEquivalent(new[] { "表决推迟。", "表决被推迟。" }, units.Where(u => u[0].Text == "The vote was deferred.").Select(u => u[1].Text).ToArray(), "each translation its own unit");
    }

    [TestMethod]
    [DataRow("ar,zh")]
    [DataRow(null)]
    public void Export_ToBothLanguagesOrNone_WritesTheMultilingualFile(string? langs)
    {
        using var dir = new TempDir();
        var tm = MixedMemory(dir);
        var tmx = dir.File("all.tmx");
        var r = langs is null ? CliRunner.Run("export", "--tm", tm, "--out", tmx) : CliRunner.Run("export", "--tm", tm, "--to", langs, "--out", tmx);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var units = Units(tmx);
        Assert.HasCount(5, units, "one unit per English sentence");
        CollectionAssert.AreEqual(new[] { "en", "ar", "zh" }, units[0].Select(v => v.Lang).ToArray());
        CollectionAssert.AreEqual(new[] { "en", "zh", "zh" }, units[4].Select(v => v.Lang).ToArray());
    }

    [TestMethod]
    public void Export_SlotFreeCatalogueRows_AreExported_TemplatesWithSlotsAreNot()
    {
        using var dir = new TempDir();
        var tm = BuiltMemory(dir);
        var zh = dir.File("zh.tmx");
        Assert.AreEqual(0, CliRunner.Run("export", "--tm", tm, "--to", "zh", "--out", zh).ExitCode);
        var units = Units(zh);
        CollectionAssert.Contains(units.Select(u => u[0].Text + "|" + u[1].Text).ToList(), "Please recycle|请回收");
        CollectionAssert.Contains(units.Select(u => u[0].Text + "|" + u[1].Text).ToList(), "(see annex)|(见附件)");
        Assert.IsFalse(File.ReadAllText(zh).Contains('{'), "no template with {slot}s");
        var ar = dir.File("ar.tmx");
        Assert.AreEqual(0, CliRunner.Run("export", "--tm", tm, "--to", "ar", "--out", ar).ExitCode);
        CollectionAssert.Contains(Units(ar).Select(u => u[0].Text + "|" + u[1].Text).ToList(), "Please recycle|الرجاء إعادة الاستعمال");
    }

    [TestMethod]
    public void ExportHelp_SaysWhichToolsNeedOneFilePerLanguage()
    {
        var help = CliRunner.Run("export", "--help");
        Assert.AreEqual(0, help.ExitCode, help.Err);
        StringAssert.Contains(help.Out, "bilingual");
        var flat = string.Join(' ', help.Out.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        StringAssert.Contains(flat, "OmegaT and translate-toolkit need one such file per target language");
        StringAssert.Contains(flat, "the file is multilingual (one tu per unit, all its languages), which aligntool import reads");
        StringAssert.Contains(help.Out, "aligntool export --tm my.db --to zh --out my.en-zh.tmx");
    }
}
