using AlignTool.Core.Tests;
using Microsoft.Data.Sqlite;

namespace AlignTool.Cli.Tests.Commands;

/// <summary>A memory that cannot be written is read by every reading command and refused by every writing one.</summary>
[TestClass]
public sealed class ReadOnlyMemoryTests
{
    private static string Sample => Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md");

    public static IEnumerable<object[]> Reading =>
    [
        ["lookup", "Fiftieth session", "--to", "ar"], ["prefill", "{sample}", "--to", "zh"], ["concordance", "session"],
        ["stats"], ["docs"], ["export", "--out", "{out}"], ["qa"],
    ];

    public static IEnumerable<object[]> Writing =>
    [
        ["build"], ["ingest", "{sample}"], ["remove", "000_dc598133e6e0d6df.txt"], ["import", "{tmx}"],
    ];

    private static string[] Args(object[] row, TempDir dir, string tm) =>
        row.Cast<string>().Select(a => a.Replace("{sample}", Sample).Replace("{out}", dir.File("out.tmx")).Replace("{tmx}", dir.File("in.tmx")))
           .Concat(["--tm", tm]).ToArray();

    private static (TempDir Dir, string Folder, string Tm) Memory()
    {
        var dir = new TempDir();
        var folder = dir.File("memories");
        Directory.CreateDirectory(folder);
        var tm = Path.Combine(folder, "memory.db");
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", tm).ExitCode);
        Assert.AreEqual(0, CliRunner.Run("export", "--tm", tm, "--out", dir.File("in.tmx")).ExitCode);
        return (dir, folder, tm);
    }

    [TestMethod]
    [DynamicData(nameof(Reading))]
    public void ReadingCommand_OnAMemoryInAReadOnlyFolder_Works(object[] row)
    {
        var (dir, folder, tm) = Memory();
        using var _ = dir;
        var before = File.ReadAllBytes(tm);
        using (new ReadOnlyPath(folder))
        {
            var r = CliRunner.Run(Args(row, dir, tm));
            Assert.AreEqual(0, r.ExitCode, r.Err);
        }
        CollectionAssert.AreEqual(before, File.ReadAllBytes(tm));
    }

    [TestMethod]
    [DynamicData(nameof(Writing))]
    public void WritingCommand_OnAReadOnlyMemory_SaysSo(object[] row)
    {
        var (dir, _, tm) = Memory();
        using var __ = dir;
        var before = File.ReadAllBytes(tm);
        using (new ReadOnlyPath(tm))
        {
            var r = CliRunner.Run(Args(row, dir, tm));
            Assert.AreEqual(4, r.ExitCode, r.Err);
            StringAssert.Contains(r.Err, "read-only");
        }
        CollectionAssert.AreEqual(before, File.ReadAllBytes(tm));
    }

    [TestMethod]
    [DataRow("stats")]
    [DataRow("build")]
    public void Command_OnAnotherProgramsSqliteFile_RefusesItUntouched(string command)
    {
        using var dir = new TempDir();
        var path = dir.File("contacts.db");
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE contacts(name TEXT)";
            cmd.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(path);
        var r = CliRunner.Run(command, "--tm", path);
        Assert.AreEqual(4, r.ExitCode, r.Err);
        StringAssert.StartsWith(r.Err, $"aligntool: error: {path}: not an AlignTool memory");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(path));
        Assert.IsFalse(File.Exists(path + "-wal"));
    }

    [TestMethod]
    public void Stats_And_Docs_CountTheSameDocuments()
    {
        var (dir, _, tm) = Memory();
        using var _ = dir;
        var listed = CliRunner.Run("docs", "--tm", tm, "--format", "jsonl").OutLines.Length;
        var stats = System.Text.Json.JsonDocument.Parse(CliRunner.Run("stats", "--tm", tm, "--format", "jsonl").Out).RootElement;
        Assert.AreEqual(listed, stats.GetProperty("documents").GetInt32());
    }
}
