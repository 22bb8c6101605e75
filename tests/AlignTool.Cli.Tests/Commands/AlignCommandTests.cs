using System.Text.Json;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Commands;

[TestClass]
public sealed class AlignCommandTests
{
    private static string Fixture(string name) => Path.Combine(TestData.RepoRoot, "tests", "fixtures", name);

    [TestMethod]
    public void Align_MarkdownPair_PrintsTsvBeads()
    {
        var r = CliRunner.Run("align", Fixture("pair-en.md"), Fixture("pair-zh.md"));
        Assert.AreEqual(0, r.ExitCode, r.Err);
        Assert.HasCount(5, r.OutLines);
        var split = r.OutLines[2].Split('\t');
        StringAssert.StartsWith(split[0], "Since the signing of the Trilateral Statement");
        Assert.AreEqual("自2020年11月10日签署三方声明以来，已有20名阿塞拜疆公民因地雷爆炸丧生。其中包括14名平民。", split[1]);
        Assert.IsTrue(double.TryParse(split[2], System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [TestMethod]
    public void Align_PresegmentedJsonl_WithLanguages()
    {
        using var dir = new TempDir();
        var en = dir.Write("en.txt", "Resolution 822 was adopted on 30 April 1993.\nResolution 853 followed on 29 July 1993.\n");
        var zh = dir.Write("zh.txt", "1993年4月30日通过了第822号决议。\n1993年7月29日随后通过了第853号决议。\n");
        var r = CliRunner.Run("align", en, zh, "--presegmented", "--src-lang", "en", "--tgt-lang", "zh", "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var first = JsonDocument.Parse(r.OutLines[0]).RootElement;
        Assert.AreEqual(0, first.GetProperty("src")[0].GetInt32());
        Assert.AreEqual(0, first.GetProperty("tgt")[0].GetInt32());
        Assert.IsTrue(first.TryGetProperty("confidence", out _));
    }

    [TestMethod]
    public void Align_LanguageContradictingTheOption_IsExit3()
    {
        var r = CliRunner.Run("align", Fixture("pair-en.md"), Fixture("pair-zh.md"), "--tgt-lang", "ar");
        Assert.AreEqual(3, r.ExitCode);
        StringAssert.Contains(r.Err, "the text is in Chinese, not Arabic as --tgt-lang says");
    }

    [TestMethod]
    public void Align_EmptyAgainstAThousand_WarnsAndGivesDeletions()
    {
        using var dir = new TempDir();
        var en = dir.Write("en.txt", string.Concat(Enumerable.Range(0, 1000).Select(i => $"Sentence number {i} of the report.\n")));
        var zh = dir.Write("zh.txt", "\n");
        var r = CliRunner.Run("align", en, zh, "--presegmented", "--src-lang", "en", "--tgt-lang", "zh", "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "differ wildly in length");
        Assert.HasCount(1000, r.OutLines);
    }

    [TestMethod]
    public void IngestPair_StoresBeadsAndCoverFields()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        var r = CliRunner.Run("ingest", "--pair", Fixture("pair-en.md"), Fixture("pair-zh.md"), "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var lookup = CliRunner.Run("lookup", "85 citizens, including 16 civilians, have been seriously injured.", "--to", "zh", "--tm", tm);
        StringAssert.Contains(lookup.Out, "85名公民受重伤，其中包括16名平民。");
        Assert.AreEqual(1, CliRunner.Run("ingest", "--pair", Fixture("pair-en.md"), Fixture("pair-zh.md"), "--tm", tm).Err.Split("already").Length - 1);
    }
}
