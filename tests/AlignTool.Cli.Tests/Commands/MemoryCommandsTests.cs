using System.Diagnostics;
using System.Text.Json;
using AlignTool.Core.Tests;
using Microsoft.Data.Sqlite;

namespace AlignTool.Cli.Tests.Commands;

[TestClass]
public sealed class MemoryCommandsTests
{
    private static string Built(TempDir dir)
    {
        var tm = dir.File("memory.db");
        var r = CliRunner.Run("build", "--tm", tm);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        return tm;
    }

    [TestMethod]
    public void Build_IsIdempotent()
    {
        using var dir = new TempDir();
        var tm = Built(dir);
        var stats = CliRunner.Run("stats", "--tm", tm).Out;
        var again = CliRunner.Run("build", "--tm", tm);
        Assert.AreEqual(0, again.ExitCode);
        StringAssert.Contains(again.Err, "0 document(s) added");
        Assert.AreEqual(stats, CliRunner.Run("stats", "--tm", tm).Out);
    }

    [TestMethod]
    public void Stats_PrintsCountsOnly()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("stats", "--tm", Built(dir));
        Assert.AreEqual(0, r.ExitCode);
        StringAssert.StartsWith(r.Out, "documents    6\n"); // the five seeds and the catalogue, as docs lists them
        StringAssert.Contains(r.Out, "variants zh");
        Assert.IsFalse(r.Out.Contains(dir.Path, StringComparison.Ordinal), "no paths");
    }

    [TestMethod]
    public void Lookup_Jsonl_HasTheContractFields()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("lookup", "Fifty-second session", "--to", "ar", "--tm", Built(dir), "--format", "jsonl");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        var first = JsonDocument.Parse(r.OutLines[0]).RootElement;
        Assert.AreEqual("الدورة الثانية والخمسون", first.GetProperty("target").GetString());
        Assert.AreEqual("template", first.GetProperty("kind").GetString());
        foreach (var f in new[] { "source", "target", "lang", "kind", "score", "via" }) Assert.IsTrue(first.TryGetProperty(f, out _), f);
    }

    [TestMethod]
    public void Concordance_And_Docs_And_Remove()
    {
        using var dir = new TempDir();
        var tm = Built(dir);
        var c = CliRunner.Run("concordance", "人权理事会", "--tm", tm, "--format", "jsonl");
        Assert.AreEqual(0, c.ExitCode, c.Err);
        Assert.IsNotEmpty(c.OutLines);
        Assert.IsTrue(c.OutLines.All(l => JsonDocument.Parse(l).RootElement.GetProperty("target").GetString()!.Contains("人权理事会", StringComparison.Ordinal)));
        var docs = CliRunner.Run("docs", "--tm", tm);
        StringAssert.Contains(docs.Out, "GE.20-06433(A)");
        var removed = CliRunner.Run("remove", TestData.Seed004, "--tm", tm);
        Assert.AreEqual(0, removed.ExitCode, removed.Err);
        Assert.IsFalse(CliRunner.Run("docs", "--tm", tm).Out.Contains(TestData.Seed004, StringComparison.Ordinal));
        Assert.AreEqual(1, CliRunner.Run("remove", TestData.Seed004, "--tm", tm).ExitCode);
    }

    [TestMethod]
    public void Remove_ANameTwoDocumentsCarry_IsAUsageErrorAndTheHashRemovesOne()
    {
        using var dir = new TempDir();
        var tm = dir.File("memory.db");
        // Two versions of one file, ingested from two folders: the same name, two contents.
        Directory.CreateDirectory(dir.File("v1"));
        Directory.CreateDirectory(dir.File("v2"));
        File.WriteAllText(Path.Combine(dir.File("v1"), "note.md"), TestData.SeedText(TestData.Seed000));
        File.WriteAllText(Path.Combine(dir.File("v2"), "note.md"), TestData.SeedText(TestData.Seed004));
        foreach (var v in new[] { "v1", "v2" })
            Assert.AreEqual(0, CliRunner.Run("ingest", Path.Combine(dir.File(v), "note.md"), "--tm", tm).ExitCode);
        var ambiguous = CliRunner.Run("remove", "note.md", "--tm", tm);
        Assert.AreEqual(2, ambiguous.ExitCode, ambiguous.Err);
        StringAssert.Contains(ambiguous.Err, "names 2 documents; give its content hash");
        Assert.AreEqual(1, ambiguous.Err.Trim().Split('\n').Length, ambiguous.Err);
        var hashes = CliRunner.Run("docs", "--tm", tm, "--format", "jsonl").OutLines
            .Select(l => JsonDocument.Parse(l).RootElement).Where(d => d.GetProperty("name").GetString() == "note.md")
            .Select(d => d.GetProperty("hash").GetString()!).ToList();
        Assert.HasCount(2, hashes);
        Assert.AreEqual(0, CliRunner.Run("remove", hashes[0], "--tm", tm).ExitCode);
        Assert.AreEqual(0, CliRunner.Run("remove", "note.md", "--tm", tm).ExitCode);
    }

    [TestMethod]
    public void Ingest_FolderTwice_AddsNothingTheSecondTime()
    {
        using var dir = new TempDir();
        var tm = dir.File("memory.db");
        var first = CliRunner.Run("ingest", Path.Combine(TestData.RepoRoot, "tm-data", "corpus"), "--tm", tm);
        Assert.AreEqual(0, first.ExitCode, first.Err);
        StringAssert.Contains(first.Err, "5 file(s)");
        var second = CliRunner.Run("ingest", Path.Combine(TestData.RepoRoot, "tm-data", "corpus"), "--tm", tm);
        StringAssert.Contains(second.Err, "0 added (0 new unit(s)), 5 already present");
    }

    [TestMethod]
    public void Ingest_BadFileAmongGoodOnes_ReportsItAndKeepsTheOthers()
    {
        using var dir = new TempDir();
        var tm = dir.File("memory.db");
        var bad = dir.Write("broken.md", [0x41, 0xFF, 0x42]);
        var r = CliRunner.Run("ingest", TestData.SeedPath(TestData.Seed002), bad, "--tm", tm);
        Assert.AreEqual(3, r.ExitCode);
        StringAssert.Contains(r.Err, $"aligntool: error: {bad}: invalid UTF-8 at byte 1");
        StringAssert.Contains(CliRunner.Run("stats", "--tm", tm).Out, "documents    1");
    }

    [TestMethod]
    public void MemoryThatIsNotADatabase_IsExit4NamingTheFile()
    {
        using var dir = new TempDir();
        var notes = dir.Write("notes.db", "just some text\n");
        var r = CliRunner.Run("lookup", "Forty-third session", "--to", "zh", "--tm", notes);
        Assert.AreEqual(4, r.ExitCode);
        StringAssert.StartsWith(r.Err, $"aligntool: error: {notes}: not an AlignTool memory");
        Assert.AreEqual("just some text\n", File.ReadAllText(notes));
        var missing = CliRunner.Run("stats", "--tm", dir.File("missing.db"));
        Assert.AreEqual(4, missing.ExitCode);
        Assert.IsFalse(File.Exists(dir.File("missing.db")));
    }

    [TestMethod]
    public void DefaultMemory_IsBuiltOnFirstUseUnderXdgDataHome()
    {
        using var dir = new TempDir();
        var env = new Dictionary<string, string?> { ["XDG_DATA_HOME"] = dir.Path };
        var r = CliRunner.Run(env, "lookup", "Human Rights Council", "--to", "zh");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        Assert.AreEqual("人权理事会", r.OutLines[0].Split("  ", StringSplitOptions.TrimEntries)[^1]);
        Assert.IsTrue(File.Exists(Path.Combine(dir.Path, "aligntool", "memory.db")));
        StringAssert.Contains(r.Err, "building the default memory");
        var again = CliRunner.Run(env, "stats");
        Assert.IsFalse(again.Err.Contains("building", StringComparison.Ordinal), "built once");
        var viaEnv = CliRunner.Run(new Dictionary<string, string?> { ["ALIGNTOOL_TM"] = Path.Combine(dir.Path, "aligntool", "memory.db") }, "stats");
        Assert.AreEqual(again.Out, viaEnv.Out);
    }

    /// <summary>A real child process killed in the middle of an ingest: the memory stays sound, every document
    /// committed before the kill is intact, and running the ingest again completes it.</summary>
    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public void Ingest_KilledMidway_LeavesASoundMemoryAndResumes()
    {
        using var dir = new TempDir();
        var tm = dir.File("memory.db");
        var docs = Directory.CreateDirectory(dir.File("docs")).FullName;
        var template = TestData.SeedText(TestData.Seed002);
        const int count = 1500;
        for (int i = 0; i < count; i++)
        {
            var day = 1 + i % 28;
            var text = template.Replace("2020年4月1日", $"2020年4月{day}日", StringComparison.Ordinal)
                               .Replace("dated 1 April 2020", $"dated {day} April 2020", StringComparison.Ordinal)
                               + $"\n\nReference {i:D5}.\n";
            File.WriteAllText(Path.Combine(docs, $"doc{i:D5}.md"), text);
        }
        var cli = Path.Combine(AppContext.BaseDirectory, "aligntool.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { cli, "ingest", docs, "--tm", tm }) psi.ArgumentList.Add(a);
        using (var child = Process.Start(psi)!)
        {
            child.ErrorDataReceived += (_, _) => { };
            child.BeginErrorReadLine();
            child.BeginOutputReadLine();
            var sw = Stopwatch.StartNew();
            while (CommittedDocuments(tm) < 20 && sw.Elapsed < TimeSpan.FromSeconds(120) && !child.HasExited) Thread.Sleep(20);
            Assert.IsFalse(child.HasExited, "the ingest finished before it could be killed");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        using (var db = new SqliteConnection($"Data Source={tm};Pooling=False"))
        {
            db.Open();
            using var check = db.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.AreEqual("ok", check.ExecuteScalar());
        }
        long committed = CommittedDocuments(tm);
        Assert.IsGreaterThanOrEqualTo(20L, committed);
        Assert.IsLessThan((long)count, committed, "killed before the end");
        // Every committed document has all its occurrences: 10 cover fields of seed 002's shape (a variant's first
        // occurrence is in the variant's row, later ones in occurrences).
        using (var db = new SqliteConnection($"Data Source={tm};Pooling=False"))
        {
            db.Open();
            using var per = db.CreateCommand();
            per.CommandText = "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM occurrences o WHERE o.document_id = d.id) + (SELECT count(*) FROM variants v WHERE v.doc_id = d.id) <> 10";
            Assert.AreEqual(0L, (long)per.ExecuteScalar()!);
        }
        var resumed = CliRunner.Run("ingest", docs, "--tm", tm);
        Assert.AreEqual(0, resumed.ExitCode, resumed.Err);
        StringAssert.Contains(resumed.Err, $"{committed} already present");
        Assert.AreEqual((long)count, CommittedDocuments(tm));
    }

    private static long CommittedDocuments(string tm)
    {
        if (!File.Exists(tm)) return 0;
        try
        {
            using var db = new SqliteConnection($"Data Source={tm};Mode=ReadOnly;Pooling=False");
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM documents";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }
}
