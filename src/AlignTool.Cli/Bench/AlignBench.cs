using System.Diagnostics;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Alignment;

namespace AlignTool.Cli.Bench;

/// <summary>Sentence alignment on the Bible en–zh gold set: strict and lax precision, recall, F1, time and memory.</summary>
internal sealed class AlignBench(CliContext context)
{
    public int Run(string? folder)
    {
        var dir = folder ?? BenchPaths.Find("align/bible-en-zh/001") ?? throw CliException.BadInput("../shared/bench/align/bible-en-zh/001", "the gold set is not there (pass --set DIR)");
        string F(string n) => Path.Combine(dir, n);
        foreach (var n in new[] { "src.txt", "tgt.txt", "gold.txt", "src.verse", "tgt.verse" })
            if (!File.Exists(F(n))) throw CliException.BadInput(F(n), "no such file (a gold set folder holds src.txt, tgt.txt, gold.txt, src.verse and tgt.verse)");
        var src = File.ReadAllLines(F("src.txt"));
        var tgt = File.ReadAllLines(F("tgt.txt"));
        var gold = AlignmentScorer.ParseGold(File.ReadAllText(F("gold.txt")));
        var sv = File.ReadAllLines(F("src.verse"));
        var tv = File.ReadAllLines(F("tgt.verse"));
        var o = context.Out;
        o.WriteLine($"## Sentence alignment: {dir} ({src.Length} English, {tgt.Length} Chinese sentences, {gold.Count} gold beads)");
        foreach (var (name, options) in new[] { ("length + anchors (one pass)", AlignOptions.Default with { Realign = false }), ("+ induced word list (realign, default)", AlignOptions.Default) })
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var beads = new SentenceAligner(options).Align(src, "en", tgt, "zh");
            var time = sw.Elapsed;
            var s = AlignmentScorer.Score(beads, gold, sv, tv);
            o.WriteLine($"{name}: strict P {s.StrictPrecision:F3} R {s.StrictRecall:F3} F1 {s.StrictF1:F3}; lax P {s.LaxPrecision:F3} R {s.LaxRecall:F3} F1 {s.LaxF1:F3}; {time.TotalSeconds:F2} s");
        }
        o.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB");
        return ExitCodes.Success;
    }
}
