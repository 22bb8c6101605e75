using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Interchange.Xliff;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool merge DRAFT.xlf --out DOC.zh.md</c>: a finished XLIFF file (from <c>prefill --format xliff</c>)
/// made the target document, its finished segments stored in the memory in the same step.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "An XLIFF file (1.2 or 2.0) that 'aligntool prefill --format xliff|xliff2' wrote and a translator finished ('-': stdin)" };
        var output = new Option<string>("--out") { HelpName = "FILE", Description = "The target document (Markdown) to write ('-': stdout)", Required = true };
        var noStore = new Option<bool>("--no-store") { Description = "Only write the document: store nothing in the memory" };
        var tm = MemoryAccess.TmOption();
        var format = CommonOptions.SummaryFormat();
        var command = new CliCommand("merge", """
            Rebuild the target document from a finished XLIFF file that prefill wrote: each segment's translation in its
            place, headings, line breaks and masthead as in the draft; a translation still to review keeps the review
            mark, a segment without one stays in English marked [EN]. The translated, reviewed and final segments are
            stored in the memory in the same step (as 'aligntool import' does), unless --no-store.
            """,
            "aligntool merge A-HRC-50-G-3.zh.xlf --out A-HRC-50-G-3.zh.md",
            "aligntool merge A-HRC-50-G-3.zh.xlf --out A-HRC-50-G-3.zh.md --no-store") { file, output, noStore, tm, format };
        command.SetAction(parse => MemoryAccess.Guard(() =>
        {
            var given = parse.GetValue(file)!;
            var outPath = parse.GetValue(output)!;
            bool jsonl = parse.GetValue(format) == OutputFormat.Jsonl;
            if (outPath == OutputFiles.Stdout && jsonl) throw CliException.Usage("--format jsonl prints a summary on stdout: give --out a file, not '-'");
            OutputFiles.Check(outPath);
            var (xliff, hash) = XliffFiles.Read(given, context);
            string markdown;
            XliffMergeReport merged;
            try { (markdown, merged) = XliffMerge.Merge(xliff); }
            catch (XliffException e) { throw XliffFiles.Bad(given, e); }
            // Stored first: a document written from a file the memory refused would say the work was kept when it was not.
            if (!parse.GetValue(noStore)) XliffFiles.Store(given, xliff, hash, parse.GetValue(tm), context, jsonl);
            using (var o = OutputFiles.OpenText(outPath, context.Out))
            {
                OutputFiles.Guard(outPath, () =>
                {
                    o.Write(markdown);
                    if (!markdown.EndsWith('\n')) o.Write('\n');
                    o.Flush();
                    return 0;
                });
            }
            context.Note($"merged {given} → {(outPath == OutputFiles.Stdout ? "stdout" : outPath)}: {merged.Translated} translated, {merged.NeedsReview} still to review (marked), {merged.Untranslated} left in English");
            return ExitCodes.Success;
        }));
        return command;
    }
}
