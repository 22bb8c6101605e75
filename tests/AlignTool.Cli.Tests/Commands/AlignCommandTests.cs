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

    private static string Corpus(string name) => Path.Combine(TestData.RepoRoot, "tm-data", "corpus", name);

    [TestMethod]
    public void IngestPair_EnglishArabic_StoresTheBeadsForLookup()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        var r = CliRunner.Run("ingest", "--pair", Fixture("pair-en.md"), Fixture("pair-ar.md"), "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var lookup = CliRunner.Run("lookup", "85 citizens, including 16 civilians, have been seriously injured.", "--to", "ar", "--tm", tm);
        StringAssert.Contains(lookup.Out, "وأصيب 85 مواطنا بجروح خطيرة، من بينهم 16 مدنيا.");
        var split = CliRunner.Run("lookup", "Since the signing of the Trilateral Statement on 10 November 2020, 20 citizens of Azerbaijan, including 14 civilians, have been killed as a result of mine explosions.", "--to", "ar", "--tm", tm);
        StringAssert.Contains(split.Out, "قُتل 20 مواطنا أذربيجانيا من جراء انفجارات الألغام. ومن بين هؤلاء 14 مدنيا.");
    }

    [TestMethod]
    public void IngestPair_TwoDifferentDocuments_IsRefusedAndStoresNothing()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        var en = Corpus("003_f2b05f08a456e9bf.txt");
        var zh = Corpus("002_cc8887349f612e49.txt");
        var r = CliRunner.Run("ingest", "--pair", en, zh, "--tm", tm);
        Assert.AreEqual(3, r.ExitCode, r.Err);
        var line = r.Err.Trim();
        Assert.AreEqual(1, line.Split('\n').Length, line);
        StringAssert.Contains(line, zh);
        StringAssert.Contains(line, en);
        StringAssert.Contains(line, "do not look like versions of one document");
        var stats = CliRunner.Run("stats", "--tm", tm).Out;
        StringAssert.Matches(stats, new System.Text.RegularExpressions.Regex(@"documents\s+0\b"));
        StringAssert.Matches(stats, new System.Text.RegularExpressions.Regex(@"units\s+0\b"));
    }

    [TestMethod]
    public void IngestPair_ADraftFullOfEnMarkers_IsRefused()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        // The memory knows none of these sentences: the draft keeps them in English, marked [EN].
        var sample = Fixture("pair-en.md");
        var draft = dir.File("draft.md");
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", dir.File("p.db")).ExitCode);
        var prefill = CliRunner.Run("prefill", sample, "--to", "zh", "--tm", dir.File("p.db"), "--out", draft);
        Assert.AreEqual(0, prefill.ExitCode, prefill.Err);
        var r = CliRunner.Run("ingest", "--pair", sample, draft, "--tm", tm);
        Assert.AreEqual(3, r.ExitCode, r.Err);
        StringAssert.Contains(r.Err, "not stored");
        StringAssert.Matches(CliRunner.Run("stats", "--tm", tm).Out, new System.Text.RegularExpressions.Regex(@"units\s+0\b"));
    }

    [TestMethod]
    public void IngestPair_BeadsBelowTheThreshold_GoToTheReviewFile()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        var review = dir.File("review.jsonl");
        var r = CliRunner.Run("ingest", "--pair", Fixture("pair-en.md"), Fixture("pair-zh.md"), "--tm", tm, "--min-confidence", "0.95", "--review", review);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var lines = File.ReadAllLines(review);
        Assert.IsNotEmpty(lines);
        foreach (var l in lines)
        {
            var o = JsonDocument.Parse(l).RootElement;
            Assert.IsLessThan(0.95, o.GetProperty("confidence").GetDouble());
            Assert.AreEqual("low-confidence", o.GetProperty("reason").GetString());
            Assert.IsFalse(string.IsNullOrEmpty(o.GetProperty("source").GetString()));
        }
        var units = int.Parse(System.Text.RegularExpressions.Regex.Match(CliRunner.Run("stats", "--tm", tm).Out, @"units\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(5 - lines.Length, units);
    }

    [TestMethod]
    public void IngestPair_MinConfidenceOutOfRange_IsUsageError()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("ingest", "--pair", Fixture("pair-en.md"), Fixture("pair-zh.md"), "--tm", dir.File("m.db"), "--min-confidence", "1.5");
        Assert.AreEqual(2, r.ExitCode, r.Err);
    }

    [TestMethod]
    public void Align_WithAMemoryThatIsNotThere_IsExit4()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("align", Fixture("pair-en.md"), Fixture("pair-ar.md"), "--tm", dir.File("none.db"));
        Assert.AreEqual(4, r.ExitCode, r.Err);
    }

    [TestMethod]
    public void Align_WithAMemory_ReadsItsPairs()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", tm).ExitCode);
        var with = CliRunner.Run("align", Fixture("pair-en.md"), Fixture("pair-ar.md"), "--tm", tm, "--format", "jsonl");
        var without = CliRunner.Run("align", Fixture("pair-en.md"), Fixture("pair-ar.md"), "--no-memory", "--format", "jsonl");
        Assert.AreEqual(0, with.ExitCode, with.Err);
        Assert.AreEqual(0, without.ExitCode, without.Err);
        Assert.HasCount(5, with.OutLines);
        Assert.HasCount(5, without.OutLines);
    }
}
