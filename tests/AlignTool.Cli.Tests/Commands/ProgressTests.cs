using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Tests;
using Spectre.Console;

namespace AlignTool.Cli.Tests.Commands;

/// <summary>Progress on stderr when it is a terminal (Spectre.Console), nothing when it is not; NO_COLOR honoured.</summary>
[TestClass]
public sealed class ProgressTests
{
    private static (int Code, string Out, string Err) Run(bool terminal, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = App.Run(args, new CliContext(output, error, environment, errorIsTerminal: terminal));
        return (code, output.ToString(), error.ToString());
    }

    private static readonly Dictionary<string, string?> Terminal = new() { ["TERM"] = "xterm-256color" };

    [TestMethod]
    public void Commands_OnATerminal_ShowTheirProgress_AndNothingOtherwise()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        var tmx = dir.File("m.tmx");
        var build = Run(true, Terminal, "build", "--tm", tm);
        Assert.AreEqual(0, build.Code, build.Err);
        StringAssert.Contains(build.Err, "building the memory from tm-data/");
        StringAssert.Contains(build.Err, "100%");
        var export = Run(true, Terminal, "export", "--tm", tm, "--out", tmx);
        StringAssert.Contains(export.Err, "exporting");
        StringAssert.Contains(export.Err, "100%");
        var import = Run(true, Terminal, "import", tmx, "--tm", dir.File("n.db"));
        StringAssert.Contains(import.Err, "importing m.tmx");
        var ingest = Run(true, Terminal, "ingest", TestData.SeedPath(TestData.Seed001), "--tm", dir.File("n.db"));
        StringAssert.Contains(ingest.Err, "ingesting 001_773fb7f93ddba32c.txt (1 of 1)");
        var prefill = Run(true, Terminal, "prefill", Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md"), "--to", "zh", "--tm", tm);
        StringAssert.Contains(prefill.Err, "prefilling A-HRC-50-G-3.md");

        var quiet = Run(false, Terminal, "import", tmx, "--tm", dir.File("o.db"));
        Assert.AreEqual(0, quiet.Code, quiet.Err);
        Assert.IsFalse(quiet.Err.Contains('%'), quiet.Err);
        Assert.IsFalse(quiet.Err.Contains('\u001b'), quiet.Err);
        Assert.IsFalse(quiet.Err.Contains("importing", StringComparison.Ordinal), quiet.Err);
    }

    [TestMethod]
    public void NoColor_TurnsColourOff()
    {
        var context = new CliContext(TextWriter.Null, new StringWriter(), new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["TERM"] = "xterm-256color" }, errorIsTerminal: true);
        Assert.IsTrue(ProgressDisplay.NoColor(context));
        Assert.AreEqual(Spectre.Console.ColorSystem.NoColors, ProgressDisplay.Console(context).Profile.Capabilities.ColorSystem);
        var colour = new CliContext(TextWriter.Null, new StringWriter(), new Dictionary<string, string?> { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor" }, errorIsTerminal: true);
        Assert.IsFalse(ProgressDisplay.NoColor(colour));
    }

    [TestMethod]
    public void Docs_AlignsItsColumns_ForChineseAndArabicNames()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        var text = File.ReadAllText(TestData.SeedPath(TestData.Seed001));
        Assert.AreEqual(0, CliRunner.Run("ingest", dir.Write("人权理事会报告.md", text), dir.Write("تقرير.md", text + "\n\nA further paragraph.\n"), "--tm", tm).ExitCode);
        var lines = CliRunner.Run("docs", "--tm", tm).OutLines;
        Assert.HasCount(3, lines);
        foreach (var (line, name) in lines.Zip(new[] { "document", "人权理事会报告.md", "تقرير.md" }))
        {
            // The symbol column starts 35 terminal cells in, after a name of 14 cells (7 Chinese characters and ".md") as after one of 8.
            int p = line.IndexOf(name, StringComparison.Ordinal) + name.Length;
            while (line[p] == ' ') p++;
            Assert.AreEqual(35, line[..p].GetCellWidth(), line);
        }
    }

    [TestMethod]
    public void Ingest_WaitingForAnotherProcessesLock_SaysSoOnATerminal()
    {
        using var dir = new TempDir();
        var tm = dir.File("m.db");
        Assert.AreEqual(0, CliRunner.Run("ingest", TestData.SeedPath(TestData.Seed001), "--tm", tm).ExitCode);
        using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tm};Pooling=False");
        other.Open();
        var tx = other.BeginTransaction(deferred: false);
        // Held past SQLite's own 2 s wait, so that the whole transaction is retried.
        var release = Task.Run(async () => { await Task.Delay(3000); tx.Commit(); });
        var r = Run(true, Terminal, "ingest", TestData.SeedPath(TestData.Seed002), "--tm", tm);
        release.Wait();
        Assert.AreEqual(0, r.Code, r.Err);
        StringAssert.Contains(r.Err, "another process is writing to the memory; waiting for it");
    }
}
