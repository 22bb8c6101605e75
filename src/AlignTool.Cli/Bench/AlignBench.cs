using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Alignment;

namespace AlignTool.Cli.Bench;

/// <summary>
/// Sentence alignment on every gold set side by side, one line each: strict and lax precision, recall and F1 (the
/// reference metric of <c>shared/bench/align/score.py</c>), time, time per 1,000 sentence pairs and the peak working
/// set. Each set runs in a child process of its own, so that its peak memory is its own.
/// </summary>
internal sealed partial class AlignBench(CliContext context)
{
    public int Run(string? custom, string? only)
    {
        var sets = AlignSet.All(custom);
        if (only is not null)
        {
            var found = sets.FirstOrDefault(s => s.Name == only);
            if (found.Load is null) throw CliException.Usage($"no benchmark set '{only}' (sets: {string.Join(", ", sets.Select(s => s.Name))})");
            return RunOne(found.Load());
        }
        // A folder given by the user is read before any child runs: a mistake costs one line, not a benchmark.
        if (custom is not null) sets.Single(s => s.Name == "custom").Load();
        var o = context.Out;
        o.WriteLine("| set | kind | pairs | strict P | strict R | strict F1 | lax P | lax R | lax F1 | time | s / 1,000 pairs | peak |");
        o.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, _) in sets)
        {
            var (line, peak) = Child(name, custom);
            o.WriteLine(line.Replace("PEAK", peak, StringComparison.Ordinal));
            o.Flush();
        }
        return ExitCodes.Success;
    }

    private int RunOne(AlignSet set)
    {
        var options = AlignOptions.Default;
        var sw = Stopwatch.StartNew();
        if (set.Memory is not null) options = options with { Lexicon = MemoryLexicon.Induce(set.Memory, set.TargetLang == "en" ? set.SourceLang : set.TargetLang, set.SourceLang, set.TargetLang) };
        var beads = set.DocumentSize is { } size ? AlignByDocument(set, options, size) : new SentenceAligner(options).Align(set.Source, set.SourceLang, set.Target, set.TargetLang);
        var time = sw.Elapsed.TotalSeconds;
        var s = AlignmentScorer.Score(beads, set.Gold, set.SourceVerses, set.TargetVerses);
        int pairs = Math.Max(set.Source.Length, set.Target.Length);
        string F(double x) => x.ToString("F3", CultureInfo.InvariantCulture);
        context.Out.WriteLine($"| {set.Name} | {set.Kind} | {set.Source.Length}–{set.Target.Length} | {F(s.StrictPrecision)} | {F(s.StrictRecall)} | **{F(s.StrictF1)}** | {F(s.LaxPrecision)} | {F(s.LaxRecall)} | {F(s.LaxF1)} | {time.ToString("F2", CultureInfo.InvariantCulture)} s | {(time * 1000 / pairs).ToString("F2", CultureInfo.InvariantCulture)} | PEAK |");
        return ExitCodes.Success;
    }

    /// <summary>A 1-1 set cut into short documents of <paramref name="size"/> lines, each aligned on its own (a short
    /// document induces no word list of its own: what it knows comes from the memory).</summary>
    private static List<Bead> AlignByDocument(AlignSet set, AlignOptions options, int size)
    {
        var beads = new List<Bead>();
        for (int start = 0; start < set.Source.Length; start += size)
        {
            int n = Math.Min(size, set.Source.Length - start);
            foreach (var b in new SentenceAligner(options).Align(set.Source[start..(start + n)], set.SourceLang, set.Target[start..(start + n)], set.TargetLang))
                beads.Add(b with { Source = [.. b.Source.Select(i => i + start)], Target = [.. b.Target.Select(j => j + start)] });
        }
        return beads;
    }

    private static (string Line, string Peak) Child(string name, string? custom)
    {
        var host = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(host) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(typeof(AlignBench).Assembly.Location);
        foreach (var a in new[] { "bench", "align", "--only", name }) psi.ArgumentList.Add(a);
        if (custom is not null) { psi.ArgumentList.Add("--set"); psi.ArgumentList.Add(custom); }
        psi.Environment["ALIGNTOOL_REPORT_PEAK"] = "1";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var line = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new CliException(p.ExitCode, null, $"bench align {name} failed: {err.Result.Trim()}");
        return (line, Peak().Match(err.Result).Groups[1].Value);
    }

    [GeneratedRegex(@"peak working set: (\d+ MB)")]
    private static partial Regex Peak();
}
