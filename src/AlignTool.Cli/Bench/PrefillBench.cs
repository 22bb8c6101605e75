using System.Diagnostics;
using System.Text;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Documents;
using AlignTool.Core.Documents.Word;
using AlignTool.Core.Memory.Lookup;
using AlignTool.Core.Prefill;
using AlignTool.Memory.Sqlite;

namespace AlignTool.Cli.Bench;

/// <summary>Prefill of a long English document (the sample's cover page, then the seeds' English text repeated to
/// the requested number of pages of 500 words) against the memory built from tm-data/: time and peak memory; then the
/// same document as a .docx, read, prefilled and written back as a Word draft.</summary>
internal sealed class PrefillBench(CliContext context)
{
    public int Run(int pages, string? tmPath)
    {
        var o = context.Out;
        var dir = Path.Combine(Path.GetTempPath(), $"aligntool-prefillbench-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        try
        {
            var tm = tmPath ?? Path.Combine(dir, "memory.db");
            using var memory = SqliteTranslationMemory.Open(tm, new SqliteMemoryOptions { Mode = OpenMode.CreateIfMissing });
            if (tmPath is null) MemoryAccess.Sync(memory, TmData.ContentHash(), context);

            var tmData = BenchPaths.TmData() ?? throw CliException.BadInput("tm-data", "tm-data/ not found (run from the repository)");
            var cover = File.ReadAllText(Path.Combine(tmData, "samples", "A-HRC-50-G-3.md"));
            var parser = new DocumentParser();
            var english = TmData.Corpus().SelectMany(c => parser.Parse(c.Name, c.Source).Blocks)
                                .Where(b => b.Lang == "en" && b.Zone is Zone.AnnexBody or Zone.Body).Select(b => b.Text).ToList();
            var sb = new StringBuilder(cover).Append("\n\n");
            long words = 0;
            for (int i = 0; words < pages * 500L; i++)
            {
                var p = english[i % english.Count];
                sb.Append(p).Append("\n\n");
                words += p.Split(' ').Length;
            }
            var text = sb.ToString();
            o.WriteLine($"## Prefill benchmark: {pages} pages ({words:N0} words, {text.Length / 1e6:F1} M characters) against {(tmPath ?? "the memory built from tm-data/")}");

            GC.Collect();
            var sw = Stopwatch.StartNew();
            var doc = parser.Parse("bench.md", text);
            var parse = sw.Elapsed;
            // The annex is looked up too here, as in a document without one: every sentence goes to the memory.
            var policy = PrefillPolicy.Default with { KeepAnnexAsReceived = false };
            var result = new Prefiller(new MemoryLookup(memory)).Prefill(doc, "zh", policy);
            var total = sw.Elapsed;
            var r = result.Report;
            o.WriteLine($"parse {parse.TotalSeconds:F2} s, prefill {(total - parse).TotalSeconds:F2} s, total {total.TotalSeconds:F2} s for {r.Segments:N0} segments ({r.Segments / total.TotalSeconds:N0} segments/s); draft {result.Draft.Length / 1e6:F1} M characters");
            o.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB");

            // The same document as a .docx: read, parsed, prefilled and written back as a Word draft.
            var docx = WordBenchDocument.Build(doc);
            GC.Collect();
            sw.Restart();
            var word = WordReader.Read(docx);
            var read = sw.Elapsed;
            var wordDoc = parser.Parse("bench.docx", word.Markdown);
            var wordParse = sw.Elapsed;
            var wordResult = new Prefiller(new MemoryLookup(memory)).Prefill(wordDoc, "zh", policy);
            var wordPrefill = sw.Elapsed;
            using var draft = new MemoryStream();
            WordDraftWriter.Write(word, wordResult, "zh", draft);
            var wordTotal = sw.Elapsed;
            o.WriteLine($"Word: the same {pages} pages as a .docx ({docx.Length / 1e6:F1} MB): read {read.TotalSeconds:F2} s, parse {(wordParse - read).TotalSeconds:F2} s, prefill {(wordPrefill - wordParse).TotalSeconds:F2} s, write the draft {(wordTotal - wordPrefill).TotalSeconds:F2} s, total {wordTotal.TotalSeconds:F2} s for {wordResult.Report.Segments:N0} segments; draft {draft.Length / 1e6:F1} MB");
            o.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB");
            return ExitCodes.Success;
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
