using System.Text.RegularExpressions;
using AlignTool.Core.Tests;

namespace AlignTool.Cli.Tests.Commands;

/// <summary>
/// Every command, walked with the mistakes a user makes: missing files, directories where a file is expected,
/// output folders that do not exist, files that are not what the command reads, option values out of range.
/// Each must end with an exit code of the contract (1 to 4) and an <c>aligntool: error:</c> line; 70 is a bug.
/// </summary>
[TestClass]
public sealed partial class UserMistakesTests
{
    private static TempDir? _dir;
    private static string _tm = "";

    [ClassInitialize]
    public static void BuildMemory(TestContext _)
    {
        _dir = new TempDir();
        _tm = _dir.File("memory.db");
        Assert.AreEqual(0, CliRunner.Run("build", "--tm", _tm).ExitCode);
        _dir.Write("notes.txt", "Just some notes, not a memory.\n");
        _dir.Write("empty.md", "");
        _dir.Write("deep.md", string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + "- a\n")));
        _dir.Write("bad.jsonl", "{not json\n");
        _dir.Write("bad.tmx", "<tmx version=\"1.4\"><body><tu>\n");
        Directory.CreateDirectory(_dir.File("folder"));
    }

    [ClassCleanup]
    public static void Cleanup() => _dir?.Dispose();

    // {tm} the built memory, {d} the temporary folder, {sample} the sample to prefill.
    public static IEnumerable<object[]> Mistakes =>
    [
        ["segment {d}/missing.md"], ["segment {d}/folder"], ["segment {d}/empty.md"], ["segment {d}/deep.md"], ["segment {d}/memory.db"],
        ["segment {sample} --line-breaks sideways"], ["segment {sample} --format xml"], ["segment {sample} --lang xx"],
        ["inspect {d}/folder"], ["inspect {sample} --width -1"], ["inspect {d}/deep.md"],
        ["cover {d}/missing.md"], ["cover {d}/folder"], ["cover {d}/deep.md"],
        ["align {d}/folder {sample}"], ["align {sample} {d}/missing.md"], ["align {sample} {sample} --dictionary {d}/folder"],
        ["align {sample} {sample} --dictionary {d}/notes.txt"], ["align {sample} {d}/deep.md"], ["align {sample} {sample} --format xml"],
        ["build --tm {d}/folder"], ["build --tm {d}/notes.txt"],
        ["ingest {d}/missing.md --tm {tm}"], ["ingest {d}/deep.md --tm {tm}"], ["ingest {sample} --tm {d}/notes.txt"],
        ["ingest --pair {sample} --tm {tm}"], ["ingest --pair {sample} {d}/deep.md --tm {tm}"], ["ingest --pair {sample} {d}/folder --tm {tm}"],
        ["lookup session --to zh --tm {tm} --limit 0"], ["lookup session --to zh --tm {tm} --limit -1"], ["lookup session --to zh --tm {tm} --min 101"],
        ["lookup session --to fr --tm {tm}"], ["lookup session --tm {tm}"], ["lookup \"\" --to zh --tm {tm}"], ["lookup session --to zh --tm {d}/missing.db"],
        ["lookup session --to zh --tm {d}/folder"], ["lookup session --to zh --tm {d}/notes.txt"], ["lookup session --to zh --tm {d}/no/such/folder/m.db"],
        ["concordance session --tm {tm} --limit 0"], ["concordance session --tm {tm} --limit -1"], ["concordance session --tm {d}/notes.txt"],
        ["stats --tm {d}/missing.db"], ["stats --tm {d}/notes.txt"], ["stats --tm {d}/folder"], ["stats --format xml --tm {tm}"],
        ["docs --tm {d}/missing.db"], ["docs --tm {d}/notes.txt"],
        ["remove nothing.md --tm {tm}"], ["remove x --tm {d}/missing.db"],
        ["prefill {d}/missing.md --to zh --tm {tm}"], ["prefill {d}/folder --to zh --tm {tm}"], ["prefill {d}/deep.md --to zh --tm {tm}"],
        ["prefill {sample} --to zh --tm {tm} --out {d}/no/such/folder/draft.md"], ["prefill {sample} --to zh --tm {tm} --out {d}/folder"],
        ["prefill {sample} --to zh --tm {tm} --report {d}/no/such/folder/report.txt"], ["prefill {sample} --to zh --tm {tm} --fill 101"],
        ["prefill {sample} --to zh --tm {tm} --suggest -1"], ["prefill {sample} --to en --tm {tm}"], ["prefill {sample} --to zh --tm {d}/missing.db"],
        ["prefill {sample} --to zh --tm {tm} --format xml"],
        ["export --tm {tm} --out {d}/no/such/folder/x.tmx"], ["export --tm {tm} --out {d}/folder"], ["export --tm {d}/missing.db --out {d}/x.tmx"],
        ["export --tm {tm} --out {d}/x.tmx --since yesterday"], ["export --tm {tm} --out {d}/x.tmx --src zh"],
        ["import {d}/missing.tmx --tm {tm}"], ["import {d}/folder --tm {tm}"], ["import {d}/bad.tmx --tm {tm}"], ["import {d}/empty.md --tm {tm}"],
        ["import {d}/bad.tmx --tm {d}/notes.txt"],
        ["qa --tm {d}/missing.db"], ["qa --draft {d}/missing.jsonl"], ["qa --draft {d}/folder"], ["qa --draft {d}/bad.jsonl"],
        ["qa --tm {tm} --glossary {d}/folder"], ["qa --tm {tm} --glossary {d}/bad.tmx"], ["qa --tm {tm} --fail-on info"], ["qa --tm {tm} --draft {d}/bad.jsonl"],
        ["bench memory --units 0"], ["bench memory --queries -1"], ["bench memory --scan-queries -1"], ["bench tmx --units -5"],
        ["bench prefill --pages 0"], ["bench segmentation --mb 0"], ["bench segmentation --big-mb -1"], ["bench align --set {d}/missing"],
        ["bench segmentation --golden {d}/missing.json --mb 1 --big-mb 0"], ["bench prefill --pages 1 --tm {d}/notes.txt"],
        ["bench segmentation --seeds {d}/missing --mb 1 --big-mb 0"], ["bench segmentation --seeds {d}/folder --mb 1 --big-mb 0"],
        ["bench memory --units 10 --queries 1 --scan-queries 0 --keep {d}/folder"], ["bench memory --units 10 --queries 1 --scan-queries 0 --keep {d}/no/such/m.db"],
        ["bench tmx --tm {d}/missing.db"], ["bench tmx --tm {d}/notes.txt"],
        ["frobnicate"], ["lookup"], ["segment"], ["--no-such-option"], ["bench memroy"], ["lookup x --to zh --limt 3"],
    ];

    [TestMethod]
    [DynamicData(nameof(Mistakes))]
    public void Command_WithAMistake_EndsWithAContractExitCodeAndOneErrorLine(string line)
    {
        var args = Split(line.Replace("{tm}", _tm).Replace("{d}", _dir!.Path).Replace("{sample}", Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md")));
        var r = CliRunner.Run(args);
        Assert.AreNotEqual(70, r.ExitCode, $"{line}\n{r.Err}");
        Assert.IsTrue(r.ExitCode is >= 1 and <= 4, $"{line}: exit {r.ExitCode}\n{r.Err}");
        Assert.AreEqual(1, r.Err.Split('\n').Count(l => l.StartsWith("aligntool: error: ", StringComparison.Ordinal)), $"{line}: not one error line\n{r.Err}");
        if (r.ExitCode == 2) Assert.AreEqual(1, r.Err.TrimEnd('\n').Split('\n').Length, $"{line}: a usage error is one line and nothing else\n{r.Err}");
        Assert.IsFalse(r.Err.Contains("internal error", StringComparison.Ordinal), $"{line}\n{r.Err}");
        Assert.IsFalse(r.Err.Contains("   at ", StringComparison.Ordinal), $"{line}: a stack trace\n{r.Err}");
    }

    [TestMethod]
    public void Mistakes_CoverEveryCommand()
    {
        var commands = Mistakes.Select(m => ((string)m[0]).Split(' ')[0]).ToHashSet();
        foreach (var c in new[] { "segment", "inspect", "cover", "align", "build", "ingest", "lookup", "concordance", "stats", "docs", "remove", "prefill", "export", "import", "qa", "bench" })
            Assert.Contains(c, commands);
    }

    [TestMethod]
    [DataRow("prefill {sample} --to zh --tm {tm} --out {out}")]
    [DataRow("prefill {sample} --to zh --tm {tm} --report {out}")]
    [DataRow("export --tm {tm} --out {out}")]
    public void Output_IntoAFolderThatIsNotWritable_IsRefusedBeforeAnyWork(string line)
    {
        using var dir = new TempDir();
        var folder = dir.File("locked");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "out.txt");
        using (new ReadOnlyPath(folder))
        {
            var r = CliRunner.Run(Split(line.Replace("{tm}", _tm).Replace("{out}", output).Replace("{sample}", Path.Combine(TestData.RepoRoot, "tm-data", "samples", "A-HRC-50-G-3.md"))));
            Assert.AreEqual(3, r.ExitCode, r.Err);
            StringAssert.StartsWith(r.Err, $"aligntool: error: {output}: cannot write in the folder {folder}");
            Assert.AreEqual("", r.Out, "nothing was done");
        }
    }

    private static string[] Split(string line) =>
        Words().Matches(line).Select(m => m.Value.Length >= 2 && m.Value[0] == '"' ? m.Value[1..^1] : m.Value).ToArray();

    [GeneratedRegex("\"[^\"]*\"|\\S+")]
    private static partial Regex Words();
}
