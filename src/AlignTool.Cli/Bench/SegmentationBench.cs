using System.Diagnostics;
using System.Text;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Documents;
using AlignTool.Core.Segmentation;
using AlignTool.Core.Text;
using ICU4N.Text;

namespace AlignTool.Cli.Bench;

/// <summary>
/// Segmentation benchmark: pass count on the golden rules per language, throughput per language on generated
/// seed text (with the exception layer, and ICU alone for comparison), and time and peak memory on a large input.
/// </summary>
internal sealed class SegmentationBench(CliContext context)
{
    public sealed record Settings(string? GoldenPath, int MegabytesPerLanguage, int BigMegabytes, string? SeedDirectory, bool ShowFailures);

    public int Run(Settings settings)
    {
        var o = context.Out;
        var golden = settings.GoldenPath ?? BenchPaths.Find("segmentation/golden-rules.json");
        if (golden is null || !File.Exists(golden))
        {
            throw CliException.BadInput(golden ?? "../shared/bench/segmentation/golden-rules.json", "golden rules not found (pass --golden FILE)");
        }
        o.WriteLine("## Golden rules (pass count; a case passes when every trimmed segment equals the expected list)");
        foreach (var r in GoldenRules.Score(File.ReadAllText(golden)))
        {
            o.WriteLine($"{r.Lang}: {r.Passed} / {r.Total}");
            if (settings.ShowFailures) foreach (var (id, actual) in r.Failures) o.WriteLine($"  #{id}: got [{string.Join(" | ", actual)}]");
        }

        var seeds = settings.SeedDirectory ?? Path.Combine(BenchPaths.TmData() ?? "tm-data", "corpus");
        if (!Directory.Exists(seeds)) throw CliException.BadInput(seeds, "no such folder (--seeds takes a folder of documents)");
        var samples = SeedText(seeds, context);
        if (samples.Count == 0) throw CliException.BadInput(seeds, "no text in English, Arabic or Chinese in this folder's documents");
        if (settings.BigMegabytes > 0 && samples.TryGetValue(LanguageTag.English, out var english))
        {
            o.WriteLine();
            o.WriteLine($"## Large input ({settings.BigMegabytes} MB English, streamed from a file, as segment --plain reads it)");
            var path = Path.Combine(Path.GetTempPath(), $"aligntool-bench-{Environment.ProcessId}.txt");
            try
            {
                WriteRepeated(path, english, settings.BigMegabytes * 1_000_000L);
                long bytes = new FileInfo(path).Length;
                GC.Collect();
                var before = Process.GetCurrentProcess();
                before.Refresh();
                long baseline = before.WorkingSet64;
                var sw = Stopwatch.StartNew();
                var segmenter = new Segmenter();
                var spans = new List<TextSpan>();
                long segments = 0;
                using (var reader = new StreamReader(path, Encoding.UTF8))
                {
                    foreach (var (para, _) in PlainTextReader.Read(reader, LineBreakMode.Auto))
                    {
                        spans.Clear();
                        segmenter.Segment(para.Text, LanguageTag.English, spans);
                        segments += spans.Count;
                    }
                }
                sw.Stop();
                var p = Process.GetCurrentProcess();
                p.Refresh();
                o.WriteLine($"input: {bytes / 1e6:F1} MB; segments: {segments}; time: {sw.Elapsed.TotalSeconds:F2} s ({bytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s)");
                o.WriteLine($"peak working set of the process: {p.PeakWorkingSet64 / 1e6:F0} MB (before the run: {baseline / 1e6:F0} MB; input {bytes / 1e6:F0} MB); the file is streamed, never held whole");
            }
            finally
            {
                File.Delete(path);
            }
        }
        o.WriteLine();
        o.WriteLine($"## Throughput ({settings.MegabytesPerLanguage} MB of seed text per language, plain paragraphs; MB = 10^6 UTF-8 bytes)");
        o.WriteLine($"{"lang",-4}  {"with exceptions",16}  {"ICU alone",12}  {"segments",10}");
        foreach (var lang in LanguageTag.Supported)
        {
            if (!samples.TryGetValue(lang, out var paragraphs) || paragraphs.Count == 0) continue;
            var text = Repeat(paragraphs, settings.MegabytesPerLanguage * 1_000_000);
            var (icuOnly, _) = Throughput(text, lang, icuOnly: true);
            var (withLayer, count) = Throughput(text, lang, icuOnly: false);
            o.WriteLine($"{lang,-4}  {withLayer,11:F1} MB/s  {icuOnly,7:F1} MB/s  {count,10}");
        }

        return ExitCodes.Success;
    }

    /// <summary>Paragraphs of the seeds by language, as the document parser reads them.</summary>
    internal static Dictionary<string, List<string>> SeedText(string directory, CliContext context)
    {
        var result = new Dictionary<string, List<string>>();
        var parser = new DocumentParser();
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var text = InputFiles.ReadText(file, context);
            foreach (var b in parser.Parse(Path.GetFileName(file), text).Blocks)
            {
                if (!LanguageTag.IsSupported(b.Lang)) continue;
                if (!result.TryGetValue(b.Lang, out var list)) result[b.Lang] = list = [];
                list.Add(b.Text);
            }
        }
        return result;
    }

    private static void WriteRepeated(string path, List<string> paragraphs, long utf8Bytes)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        long bytes = 0;
        for (int i = 0; bytes < utf8Bytes; i = (i + 1) % paragraphs.Count)
        {
            writer.Write(paragraphs[i]);
            writer.Write("\n\n");
            bytes += Encoding.UTF8.GetByteCount(paragraphs[i]) + 2;
        }
    }

    private static string Repeat(List<string> paragraphs, int utf8Bytes)
    {
        var sb = new StringBuilder();
        long bytes = 0;
        for (int i = 0; bytes < utf8Bytes; i = (i + 1) % paragraphs.Count)
        {
            sb.Append(paragraphs[i]).Append("\n\n");
            bytes += Encoding.UTF8.GetByteCount(paragraphs[i]) + 2;
        }
        return sb.ToString();
    }

    private static (double MBps, long Segments) Throughput(string text, string lang, bool icuOnly)
    {
        var paragraphs = PlainTextReader.Read(new StringReader(text), LineBreakMode.Auto).Select(p => p.Text.Text).ToList();
        long bytes = Encoding.UTF8.GetByteCount(text);
        var segmenter = new Segmenter();
        var icu = BreakIterator.GetSentenceInstance(new System.Globalization.CultureInfo(lang));
        var spans = new List<TextSpan>();
        long count = 0;
        // Warm up (the JIT tiers ICU4N up over the first runs), then take the best of five runs.
        double best = double.MaxValue;
        for (int run = 0; run < 7; run++)
        {
            count = 0;
            var sw = Stopwatch.StartNew();
            foreach (var p in paragraphs)
            {
                if (icuOnly)
                {
                    icu.SetText(p);
                    icu.First();
                    while (icu.Next() != BreakIterator.Done) count++;
                }
                else
                {
                    spans.Clear();
                    segmenter.Segment(p, lang, spans);
                    count += spans.Count;
                }
            }
            sw.Stop();
            if (run > 1) best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return (bytes / 1e6 / best, count);
    }
}
