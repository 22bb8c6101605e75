using System.Text.Json;
using System.Text.RegularExpressions;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Commands;

/// <summary>One vocabulary across commands (docs/cli.md): --from/--to, '-' for stdin and stdout, help with named placeholders and examples.</summary>
[TestClass]
public sealed partial class VocabularyTests
{
    private static string Sample => Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md");

    private static string Seed(string name) => TestData.SeedPath(name);

    public static IEnumerable<object[]> Commands =>
        new[] { "segment", "inspect", "cover", "align", "build", "ingest", "lookup", "concordance", "stats", "docs", "remove", "prefill", "export", "import", "qa", "bench",
                "bench segmentation", "bench memory", "bench tmx", "bench align", "bench prefill" }.Select(c => new object[] { c });

    [TestMethod]
    public void BareAligntool_PrintsHelpAndSucceeds()
    {
        var r = CliRunner.Run();
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, "Usage:");
        StringAssert.Contains(r.Out, "prefill <FILE>");
    }

    [TestMethod]
    [DataRow("lokup", "lookup")]
    [DataRow("prefil", "prefill")]
    [DataRow("inspcet", "inspect")]
    [DataRow("stat", "stats")]
    public void MistypedCommand_SuggestsTheNearest(string typed, string meant)
    {
        var r = CliRunner.Run(typed, "x");
        Assert.AreEqual(2, r.ExitCode);
        StringAssert.StartsWith(r.Err, $"aligntool: error: '{typed}' is not an aligntool command (did you mean '{meant}'?)");
    }

    [TestMethod]
    public void MistypedBenchArea_SuggestsTheNearest()
    {
        var r = CliRunner.Run("bench", "memroy");
        Assert.AreEqual(2, r.ExitCode);
        Assert.AreEqual("aligntool: error: 'memroy' is not an 'aligntool bench' command (did you mean 'memory'?); see 'aligntool bench --help'\n", r.Err);
    }

    [TestMethod]
    [DynamicData(nameof(Commands))]
    public void Help_NamesItsPlaceholders_InLowercaseChoices_WithAnExample(string command)
    {
        var r = CliRunner.Run([.. command.Split(' '), "--help"]);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, "Example");
        foreach (Match m in Placeholder().Matches(r.Out))
        {
            var p = m.Groups[1].Value;
            Assert.IsTrue(p.Contains('|') ? p == p.ToLowerInvariant() : p == p.ToUpperInvariant(), $"{command}: <{p}>");
        }
        Assert.IsFalse(r.Out.Contains("[default: Text]", StringComparison.Ordinal), command);
        foreach (var old in new[] { "--lang ", "--src-lang", "--tgt-lang", "--src ", "--langs" })
            Assert.IsFalse(r.Out.Contains(old, StringComparison.Ordinal), $"{command} shows the old name {old}");
    }

    [GeneratedRegex("<([^>\\s]+)>")]
    private static partial Regex Placeholder();

    [TestMethod]
    public void Segment_OldLangOption_StillWorksAsFrom()
    {
        var text = "Mr. Smith arrived. He sat down.\n";
        var from = CliRunner.WithStdin(text, "segment", "-", "--plain", "--from", "en");
        var lang = CliRunner.WithStdin(text, "segment", "-", "--plain", "--lang", "en");
        Assert.AreEqual(0, from.ExitCode, from.Err);
        Assert.AreEqual("Mr. Smith arrived.\nHe sat down.\n", from.Out);
        Assert.AreEqual(from.Out, lang.Out);
    }

    [TestMethod]
    public void Align_FromAndTo_AndTheirOldNames_GiveTheSameBeads()
    {
        var en = Seed(TestData.Seed001);
        var contract = CliRunner.Run("align", en, en, "--from", "en", "--to", "en", "--format", "jsonl");
        var old = CliRunner.Run("align", en, en, "--src-lang", "en", "--tgt-lang", "en", "--format", "jsonl");
        Assert.AreEqual(0, contract.ExitCode, contract.Err);
        Assert.AreEqual(contract.Out, old.Out);
    }

    [TestMethod]
    public void Export_ToAList_AndOldNames_WriteTheSameTmx_AndDashIsStdout()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        var env = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000" };
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", tm).ExitCode);
        var contract = CliRunner.Run(env, "export", "--tm", tm, "--from", "en", "--to", "ar", "--out", dir.File("a.tmx"));
        var old = CliRunner.Run(env, "export", "--tm", tm, "--src", "en", "--langs", "ar", "--out", dir.File("b.tmx"));
        var stdout = CliRunner.Run(env, "export", "--tm", tm, "--to", "ar", "--out", "-");
        Assert.AreEqual(0, contract.ExitCode, contract.Err);
        Assert.AreEqual(0, old.ExitCode, old.Err);
        Assert.AreEqual(0, stdout.ExitCode, stdout.Err);
        var tmx = File.ReadAllText(dir.File("a.tmx"));
        Assert.AreEqual(tmx, File.ReadAllText(dir.File("b.tmx")));
        Assert.AreEqual(tmx, stdout.Out);
        Assert.IsFalse(tmx.Contains("xml:lang=\"zh\"", StringComparison.Ordinal), "--to ar leaves Chinese out");
        StringAssert.Contains(tmx, "xml:lang=\"ar\"");
    }

    [TestMethod]
    public void Import_And_Prefill_And_Qa_ReadStdin()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", tm).ExitCode);
        var tmx = CliRunner.Run("export", "--tm", tm, "--out", "-").Out;
        var other = dir.File("other.db");
        var import = CliRunner.WithStdin(tmx, "import", "-", "--tm", other, "--format", "jsonl");
        Assert.AreEqual(0, import.ExitCode, import.Err);
        Assert.IsGreaterThan(0, JsonDocument.Parse(import.Out).RootElement.GetProperty("added").GetInt32());

        var prefill = CliRunner.WithStdin(File.ReadAllText(Sample), "prefill", "-", "--to", "zh", "--tm", tm, "--format", "jsonl", "--out", "-");
        Assert.AreEqual(0, prefill.ExitCode, prefill.Err);
        StringAssert.Contains(prefill.Err, "prefill stdin");
        var report = CliRunner.Run("prefill", Sample, "--to", "zh", "--tm", tm, "--out", dir.File("draft.md"), "--report", "-");
        StringAssert.StartsWith(report.Out, "prefill A-HRC-50-G-3.md → zh:");
        Assert.IsFalse(File.Exists("-"), "'-' is stdout, not a file");
        var qa = CliRunner.WithStdin(prefill.Out, "qa", "--draft", "-");
        Assert.AreEqual(0, qa.ExitCode, qa.Err);
        StringAssert.Contains(qa.Err, "unit(s) checked");
    }

    [TestMethod]
    public void Build_Ingest_Remove_Export_Jsonl_PrintOneSummaryObject()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        JsonElement One(params string[] args)
        {
            var r = CliRunner.Run([.. args, "--tm", tm, "--format", "jsonl"]);
            Assert.AreEqual(0, r.ExitCode, r.Err);
            Assert.HasCount(1, r.OutLines, r.Out);
            return JsonDocument.Parse(r.OutLines[0]).RootElement;
        }
        Assert.AreEqual(1, One("ingest", Seed(TestData.Seed000)).GetProperty("added").GetInt32());
        var build = One("build");
        Assert.AreEqual(1, build.GetProperty("alreadyPresent").GetInt32());
        Assert.AreEqual(6, build.GetProperty("added").GetInt32() + build.GetProperty("alreadyPresent").GetInt32() + build.GetProperty("nothingToAlign").GetInt32(), "the catalogue and the five seeds");
        Assert.IsGreaterThan(0, One("export", "--out", dir.File("x.tmx")).GetProperty("units").GetInt32());
        Assert.AreEqual(TestData.Seed000, One("remove", TestData.Seed000).GetProperty("document").GetString());
    }
}
