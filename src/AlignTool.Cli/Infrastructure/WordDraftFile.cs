using AlignTool.Core.Documents.Word;
using AlignTool.Core.Prefill;

namespace AlignTool.Cli.Infrastructure;

/// <summary>The draft of a Word document, written as a Word document to the file <c>--out</c> names (never to stdout):
/// into a temporary file beside it, then moved into place, so that a failure leaves no half-written draft.</summary>
internal static class WordDraftFile
{
    /// <summary>Refuses, before any work, a Word draft without a file to go to.</summary>
    public static void Check(string? outPath)
    {
        if (outPath is null || outPath == OutputFiles.Stdout)
            throw CliException.Usage("the draft of a Word document is a Word document: give --out DRAFT.docx (or --format jsonl)");
        OutputFiles.Check(outPath);
    }

    public static void Write(WordSource word, PrefillResult result, string targetLang, string outPath, CliContext context)
    {
        var full = Path.GetFullPath(outPath);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.aligntool-{Environment.ProcessId}.tmp");
        try
        {
            OutputFiles.Guard(outPath, () =>
            {
                using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
                    WordDraftWriter.Write(word, result, targetLang, file);
                File.Move(temp, full, overwrite: true);
                return 0;
            });
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        if (word.HasMacros) context.Warn(outPath, "written without the macros of the document it was made from");
    }
}
