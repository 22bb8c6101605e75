using System.Text.RegularExpressions;
using AlignTool.Cli.Tests;
using AlignTool.Core.Tests;

namespace AlignTool.Memory.Postgres.Tests;

/// <summary>
/// Every command that reads or writes a memory, run with <c>--tm postgresql://…</c> and with a SQLite file side by
/// side: the same exit codes and the same output (less the schema version and the times of writing).
/// </summary>
[TestClass]
public sealed partial class PostgresCommandsTests
{
    private static string Fixture(string name) => Path.Combine(TestData.RepoRoot, "tests", "fixtures", name);

    private static string Sample => Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md");

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|(creation|change)date=""[^""]*""|schema\s+\d+|export-(pg|sqlite)")]
    private static partial Regex Varying();

    private static string Same(string output) => Regex.Replace(Varying().Replace(output, "…"), " {2,}", " ");

    [TestMethod]
    public void EveryCommand_AgainstPostgres_GivesWhatItGivesAgainstSqlite()
    {
        var pg = PostgresServer.NewMemoryUrl(out var schema);
        using var dir = new TempDir();
        try
        {
            var lite = dir.File("memory.db");
            CliRunner.Result Both(Func<string, string, string[]> args, string? compare = "out")
            {
                var a = CliRunner.Run(args(lite, "sqlite"));
                var b = CliRunner.Run(args(pg, "pg"));
                var what = string.Join(' ', args("TM", "x"));
                Assert.AreEqual(a.ExitCode, b.ExitCode, $"{what}: {a.Err} / {b.Err}");
                if (compare == "out") Assert.AreEqual(Same(a.Out), Same(b.Out), what);
                return b;
            }
            Assert.AreEqual(0, Both((tm, _) => ["build", "--tm", tm, "--format", "jsonl"]).ExitCode);
            Both((tm, _) => ["stats", "--tm", tm]);
            Both((tm, _) => ["docs", "--tm", tm]);
            Both((tm, _) => ["lookup", "Human Rights Council", "--to", "zh", "--tm", tm, "--format", "jsonl"]);
            Both((tm, _) => ["lookup", "Human rights situations requiring the Council’s attention", "--to", "ar", "--tm", tm, "--format", "jsonl", "--min-score", "50"]);
            Both((tm, _) => ["concordance", "人权理事会", "--tm", tm, "--format", "jsonl"]);
            Assert.AreEqual(0, Both((tm, name) => ["ingest", "--pair", Fixture("pair-en.md"), Fixture("pair-zh.md"), "--tm", tm, "--format", "jsonl"]).ExitCode);
            Both((tm, name) => ["prefill", Sample, "--to", "zh", "--tm", tm, "--out", dir.File($"draft-{name}.md")]);
            Assert.AreEqual(File.ReadAllText(dir.File("draft-sqlite.md")), File.ReadAllText(dir.File("draft-pg.md")));
            Both((tm, name) => ["export", "--tm", tm, "--out", dir.File($"export-{name}.tmx")], compare: null);
            Assert.AreEqual(Same(File.ReadAllText(dir.File("export-sqlite.tmx"))), Same(File.ReadAllText(dir.File("export-pg.tmx"))));
            Both((tm, _) => ["qa", "--tm", tm, "--format", "jsonl"]);
            Both((tm, _) => ["remove", "000_dc598133e6e0d6df.txt", "--tm", tm]);
            // The export of one imported into the other's kind, and the counts after.
            Both((tm, name) => ["import", dir.File(name == "pg" ? "export-sqlite.tmx" : "export-pg.tmx"), "--tm", tm, "--format", "jsonl"]);
            Both((tm, _) => ["stats", "--tm", tm]);
            Both((tm, _) => ["docs", "--tm", tm]);
        }
        finally
        {
            PostgresServer.Drop(schema);
        }
    }

    [TestMethod]
    public void TheMemoryFromAlignToolTm_AndItsSchemaVersion()
    {
        var pg = PostgresServer.NewMemoryUrl(out var schema);
        try
        {
            var env = new Dictionary<string, string?> { ["ALIGNTOOL_TM"] = pg };
            Assert.AreEqual(0, CliRunner.Run(env, "build").ExitCode);
            var stats = CliRunner.Run(env, "stats");
            Assert.AreEqual(0, stats.ExitCode, stats.Err);
            StringAssert.Contains(stats.Out, "documents    6\n");
            StringAssert.Contains(stats.Out, $"schema       {Schema.Latest}\n");
        }
        finally
        {
            PostgresServer.Drop(schema);
        }
    }
}
