using System.Text.Json;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Commands;

[TestClass]
public sealed class PrefillCommandTests
{
    private static string Sample => Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md");

    [TestMethod]
    public void Prefill_SampleAgainstTheDefaultMemory_PrintsTheChineseDraft()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(new Dictionary<string, string?> { ["XDG_DATA_HOME"] = dir.Path }, "prefill", Sample, "--to", "zh");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, "第五十届会议");
        StringAssert.Contains(r.Out, "2022年6月13日至7月8日");
        StringAssert.Contains(r.Out, "阿塞拜疆常驻联合国日内瓦办事处代表团2022年6月3日致联合国人权事务高级专员办事处的普通照会");
        StringAssert.Contains(r.Out, "GE.22-09126(C)");
        StringAssert.Contains(r.Err, "template");
        StringAssert.Contains(r.Err, "prefilled:");
    }

    [TestMethod]
    public void Prefill_Jsonl_WithReportFile()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", tm).ExitCode);
        var report = dir.File("report.txt");
        var r = CliRunner.Run("prefill", Sample, "--to", "ar", "--tm", tm, "--format", "jsonl", "--report", report);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var records = r.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var o in records) foreach (var f in new[] { "id", "source", "target", "lang", "kind", "score", "via" }) Assert.IsTrue(o.TryGetProperty(f, out _), f);
        var session = records.Single(o => o.GetProperty("source").GetString() == "Fiftieth session");
        Assert.AreEqual("الدورة الخمسون", session.GetProperty("target").GetString());
        Assert.AreEqual("template", session.GetProperty("kind").GetString());
        StringAssert.Contains(File.ReadAllText(report), "prefilled:");
        Assert.AreEqual("", r.Err);
    }

    [TestMethod]
    public void Prefill_Report_CountsWhatStayedInEnglishByFieldAndNamesUnknownStates()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", tm).ExitCode);
        var page = Path.Combine(TestData.RepoRoot, "tests", "fixtures", "beyond-seeds", "unknown-forms.md");
        var r = CliRunner.Run("prefill", page, "--to", "ar", "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "left in English, by field: agenda-title 1, signature 1, title 1, transmittal 1");
        StringAssert.Contains(r.Err, "States whose Arabic name is not known (left in English): Myanmar");
        StringAssert.Contains(r.Out, "السنة الثمانون");
    }

    [TestMethod]
    public void Prefill_DocumentAlreadyInTheTargetLanguage_IsExit3()
    {
        var r = CliRunner.Run("prefill", TestData.SeedPath(TestData.Seed002), "--to", "en");
        Assert.AreEqual(2, r.ExitCode, "en is not a prefill target");
        var zh = CliRunner.Run("prefill", TestData.SeedPath(TestData.Seed002), "--to", "zh", "--tm", "unused.db");
        Assert.AreEqual(3, zh.ExitCode);
        StringAssert.Contains(zh.Err, "the document is in Chinese already");
    }

    [TestMethod]
    public void Prefill_MissingOrDamagedMemory_IsExit4NamingTheFile()
    {
        using var dir = new TempDir();
        var missing = dir.File("none.db");
        var r = CliRunner.Run("prefill", Sample, "--to", "zh", "--tm", missing);
        Assert.AreEqual(4, r.ExitCode);
        StringAssert.Contains(r.Err, missing);
        var damaged = dir.Write("damaged.db", new byte[4096]);
        File.WriteAllText(damaged, "SQLite format 3\0garbage garbage garbage");
        var d = CliRunner.Run("prefill", Sample, "--to", "zh", "--tm", damaged);
        Assert.AreEqual(4, d.ExitCode, d.Err);
        StringAssert.Contains(d.Err, damaged);
    }
}
