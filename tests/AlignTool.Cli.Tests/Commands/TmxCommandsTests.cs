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
}
