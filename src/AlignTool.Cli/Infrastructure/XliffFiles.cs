using System.Security.Cryptography;
using System.Text;
using AlignTool.Core.Interchange;
using AlignTool.Core.Interchange.Xliff;

namespace AlignTool.Cli.Infrastructure;

/// <summary>XLIFF files for <c>prefill --format xliff|xliff2</c>, <c>import</c> and <c>merge</c>: read whole and checked
/// before the memory is touched, errors as one line with the line and column (exit 3), and the summary of what was
/// stored.</summary>
internal static class XliffFiles
{
    public static string ToolVersion => typeof(XliffFiles).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";

    /// <summary>The XLIFF version a <c>--format</c> value asks for; null for another format.</summary>
    public static XliffVersion? VersionOf(string format) => format switch
    {
        "xliff" => XliffVersion.V12,
        "xliff2" => XliffVersion.V20,
        _ => null,
    };

    /// <summary>Whether the file is XLIFF by its content (its root element), else by its extension; false for a file that
    /// cannot be read (the caller's reading says why).</summary>
    public static bool IsXliff(string path, string? name = null)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[InterchangeRecognizer.HeadLength * 4];
            int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            string text = n >= 2 && head[0] == 0xFF && head[1] == 0xFE ? Encoding.Unicode.GetString(head, 2, n - 2)
                : n >= 2 && head[0] == 0xFE && head[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(head, 2, n - 2)
                : Encoding.UTF8.GetString(head, 0, n);
            return InterchangeRecognizer.Recognize(name ?? path, text) == InterchangeFormat.Xliff;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads an XLIFF file (or stdin) whole; its content hash names it in the memory.</summary>
    public static (XliffFile File, string Hash) Read(string path, CliContext context)
    {
        byte[] bytes;
        if (Directory.Exists(path)) throw CliException.BadInput(path, "is a directory; give an XLIFF file");
        try
        {
            if (path == InputFiles.Stdin)
            {
                using var input = context.OpenStdin();
                using var buffer = new MemoryStream();
                input.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            else bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException) { throw CliException.BadInput(path, "no such file"); }
        catch (DirectoryNotFoundException) { throw CliException.BadInput(path, "no such file"); }
        catch (UnauthorizedAccessException) { throw CliException.BadInput(path, "permission denied"); }
        catch (IOException e) { throw CliException.BadInput(path, e.Message); }
        if (bytes.Length == 0) throw CliException.BadInput(path, "the file is empty");
        try
        {
            var file = XliffReader.Read(new MemoryStream(bytes, writable: false));
            return (file, "xliff:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (XliffException e) { throw Bad(path, e); }
    }

    public static CliException Bad(string path, XliffException e, string? suffix = null) =>
        CliException.BadInput(path, e.Message.TrimEnd('.') + (suffix ?? ""), e.Line > 0 ? e.Line : null, e.Line > 0 ? e.Column : null);

    /// <summary>Stores the file's finished segments and says what was done (stderr; one jsonl object on stdout when asked).</summary>
    /// <param name="to">The target language given on the command line: for a file that names none (po2xliff's).</param>
    public static XliffImportReport Store(string given, XliffFile file, string hash, string? tm, CliContext context, bool jsonl, string? to = null)
    {
        if (to is not null)
        {
            if (file.TargetLang.Length == 0) file = file with { TargetLang = to };
            else if (file.TargetLang != to) throw CliException.Usage($"--to {to}: the file's target language is {file.TargetLang}");
        }
        try { XliffImport.Check(file); }
        catch (XliffException e) { throw Bad(given, e, file.TargetLang.Length == 0 ? "; give it with --to; nothing was imported" : "; nothing was imported"); }
        var name = given == InputFiles.Stdin ? "stdin.xlf" : Path.GetFileName(given);
        using var memory = MemoryAccess.Open(tm, context, MemoryUse.Create);
        var report = XliffImport.Import(memory, file, name, hash, MemoryAccess.Author(context), Commands.ExportCommand.Clock(context));
        var skipped = $"{report.Untranslated} untranslated, {report.NeedsReview} still to review{(report.NotForTranslation > 0 ? $", {report.NotForTranslation} not for translation" : "")} skipped";
        var shown = given == InputFiles.Stdin ? "stdin" : given;
        if (report.AlreadyPresent) context.Note($"{shown}: already imported; nothing added");
        else context.Note($"imported {shown}: {report.Segments} segment(s) read, {report.Stored} stored ({report.Added} new unit(s), {report.VariantsAdded} new variant(s)); {skipped}");
        if (jsonl)
        {
            new Jsonl(context.Out).Write(w =>
            {
                w.WriteString("file", given);
                w.WriteBoolean("alreadyImported", report.AlreadyPresent);
                w.WriteNumber("units", report.Segments);
                w.WriteNumber("added", report.Added);
                w.WriteNumber("variantsAdded", report.VariantsAdded);
                w.WriteNumber("skippedWithoutSource", 0);
                w.WriteNumber("stored", report.Stored);
                w.WriteNumber("untranslated", report.Untranslated);
                w.WriteNumber("needsReview", report.NeedsReview);
                w.WriteNumber("notForTranslation", report.NotForTranslation);
            });
        }
        return report;
    }
}
