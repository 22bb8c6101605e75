using System.Text.RegularExpressions;

namespace AlignTool.Cli.Tests.Commands;

[TestClass]
public sealed class BenchCommandTests
{
    [TestMethod]
    public void BenchMemory_PrintsEachFigure_AndKeepsASoundMemory()
    {
        using var dir = new TempDir();
        var kept = dir.File("bench.db");
        var r = CliRunner.Run("bench", "memory", "--units", "3000", "--queries", "30", "--scan-queries", "1", "--keep", kept);
        Assert.AreEqual(0, r.ExitCode, r.Err);
        string Line(string pattern) =>
            r.OutLines.SingleOrDefault(l => Regex.IsMatch(l, pattern)) ?? throw new AssertFailedException($"no line matching {pattern} in:\n{r.Out}");
        Line(@"^ingest: [\d,]+ units/s \([\d.]+ s wall");
        var cpu = Regex.Match(Line(@"^ingest cpu: "), @"^ingest cpu: ([\d.]+) s on (\d+) core\(s\) \(([\d.]+) busy on average\), (\d+) µs a unit$");
        Assert.IsTrue(cpu.Success, "the CPU line: seconds, cores, how busy, per unit");
        Assert.AreEqual(Environment.ProcessorCount, int.Parse(cpu.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsGreaterThan(0.0, double.Parse(cpu.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Line(@"^database: \d+ MB, \d+ bytes per unit");
        Line(@"^fuzzy lookup, top 5, min 70: p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms");
        Line(@"^linear scan of [\d,]+ units: p50 \d+ ms per lookup \(1 lookups\)");
        // The generated units repeat boilerplate: fewer units are stored than were generated, but thousands.
        var stats = CliRunner.Run("stats", "--tm", kept);
        Assert.AreEqual(0, stats.ExitCode, stats.Err);
        int units = int.Parse(Regex.Match(stats.Out, @"^units\s+([\d,]+)", RegexOptions.Multiline).Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(units is > 1000 and <= 3000, $"{units} units stored");
        Assert.IsFalse(File.Exists(kept + ".units"), "the generated units are not left beside the memory");
    }

    /// <summary>The memory a run that keeps nothing writes (in the temporary folder, named after the process).</summary>
    private static string Scratch => Path.Combine(Path.GetTempPath(), $"aligntool-bench-{Environment.ProcessId}.db");

    [TestMethod]
    public void BenchMemory_WithoutLookups_LeavesNoFileBehind()
    {
        var r = CliRunner.Run("bench", "memory", "--units", "500", "--queries", "0");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.Contains(r.Out, "units/s");
        foreach (var f in new[] { Scratch, Scratch + "-wal", Scratch + "-shm", Scratch + ".units" })
            Assert.IsFalse(File.Exists(f), $"{f} was left behind");
    }

    [TestMethod]
    public void BenchMemory_RemovesWhatKilledRunsLeft_AndNothingOfRunningOnes()
    {
        int dead;
        using (var finished = System.Diagnostics.Process.Start("true"))
        {
            finished.WaitForExit();
            dead = finished.Id;
        }
        var temp = Path.GetTempPath();
        var left = new[] { $"aligntool-bench-{dead}.db", $"aligntool-bench-{dead}.db-wal", $"aligntool-bench-{dead}.db.units" }
            .Select(f => Path.Combine(temp, f)).ToList();
        var leftDir = Path.Combine(temp, $"aligntool-tmxbench-{dead}");
        var running = Path.Combine(temp, "aligntool-bench-1.db"); // process 1 always runs
        var foreign = Path.Combine(temp, $"aligntool-bench-{dead}.db.notes"); // not a name a benchmark writes
        Directory.CreateDirectory(leftDir);
        File.WriteAllText(Path.Combine(leftDir, "export.tmx"), "<tmx version=\"1.4\"/>");
        foreach (var f in left.Append(running).Append(foreign)) File.WriteAllText(f, "left");
        try
        {
            var r = CliRunner.Run("bench", "memory", "--units", "300", "--queries", "0");
            Assert.AreEqual(0, r.ExitCode, r.Err);
            foreach (var f in left) Assert.IsFalse(File.Exists(f), $"{f} of a finished process is left");
            Assert.IsFalse(Directory.Exists(leftDir));
            Assert.IsTrue(File.Exists(running), "a running process's file is kept");
            Assert.IsTrue(File.Exists(foreign), "only the names a benchmark writes are removed");
            StringAssert.Contains(r.Err, " file(s) left by killed benchmark runs in ");
        }
        finally
        {
            foreach (var f in left.Append(running).Append(foreign)) File.Delete(f);
            if (Directory.Exists(leftDir)) Directory.Delete(leftDir, recursive: true);
        }
    }

    [TestMethod]
    public void BenchMemory_PrepareOnly_TimesThePreparationAndStoresNothing()
    {
        var r = CliRunner.Run("bench", "memory", "--units", "500", "--prepare-only");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        Assert.IsTrue(r.OutLines.Any(l => Regex.IsMatch(l, @"^preparation alone: [\d,]+ units/s \([\d.]+ s wall, cpu [\d.]+ s; .*nothing stored\)$")), r.Out);
        Assert.IsFalse(r.OutLines.Any(l => l.StartsWith("ingest", StringComparison.Ordinal)), "no ingest");
        Assert.IsFalse(File.Exists(Scratch), "no memory was opened");
        Assert.IsFalse(File.Exists(Scratch + ".units"));
    }

    [TestMethod]
    public void BenchServe_PrintsTheOfferedRateAndTheThroughput_ForSqlite_AndLeavesNoFile()
    {
        var r = CliRunner.Run("bench", "serve", "--units", "2000", "--seconds", "1", "--clients", "4", "--rate", "40");
        Assert.AreEqual(0, r.ExitCode, r.Err);
        StringAssert.StartsWith(r.OutLines[0], "## Serve benchmark: ");
        Assert.AreEqual("| measure | SQLite |", r.OutLines.Single(l => l.StartsWith("| measure", StringComparison.Ordinal)));
        var offered = Regex.Match(r.Out, @"^\| offered rate: requests \(errors\) \| ([\d,]+) \(0\) \|$", RegexOptions.Multiline);
        Assert.IsTrue(offered.Success, r.Out);
        Assert.AreEqual(40, int.Parse(offered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), "one second at 40 requests/s");
        Assert.IsTrue(Regex.IsMatch(r.Out, @"^\| back to back: throughput \(errors\) \| [\d,]+ requests/s \(0\) \|$", RegexOptions.Multiline), r.Out);
        Assert.IsTrue(Regex.IsMatch(r.Out, @"^\| offered rate: p50 / p95 / p99 \| [\d.]+ / [\d.]+ / [\d.]+ ms \|$", RegexOptions.Multiline), r.Out);
        Assert.IsFalse(File.Exists(Path.Combine(Path.GetTempPath(), $"aligntool-bench-serve-{Environment.ProcessId}.db")));
    }
}
