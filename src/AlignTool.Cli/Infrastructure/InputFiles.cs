using AlignTool.Core.Documents;
using AlignTool.Core.Documents.Word;
using AlignTool.Core.Interchange;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Infrastructure;

/// <summary>Reads input documents: strict UTF-8 (BOM or not), clear errors for missing, empty, binary and mis-encoded files.</summary>
internal static class InputFiles
{
    /// <summary>The name that stands for stdin as an input file.</summary>
    public const string Stdin = "-";

    public static string ReadText(string path, CliContext context, bool allowEmpty = false) => Decode(path, ReadBytes(path, context), allowEmpty);

    private static string Decode(string path, byte[] bytes, bool allowEmpty)
    {
        var decoded = Utf8Input.Decode(bytes);
        if (allowEmpty && decoded.Problem == DecodeProblem.Empty) return "";
        if (!decoded.Success)
        {
            throw CliException.BadInput(path, decoded.Message);
        }
        return decoded.Text!;
    }

    private static byte[] ReadBytes(string path, CliContext context)
    {
        if (Directory.Exists(path)) throw CliException.BadInput(path, "is a directory; give a file");
        try
        {
            if (path == Stdin)
            {
                using var input = context.OpenStdin();
                using var buffer = new MemoryStream();
                input.CopyTo(buffer);
                return buffer.ToArray();
            }
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException) { throw CliException.BadInput(path, "no such file"); }
        catch (DirectoryNotFoundException) { throw CliException.BadInput(path, "no such file"); }
        catch (UnauthorizedAccessException) { throw CliException.BadInput(path, "permission denied"); }
        catch (IOException e) { throw CliException.BadInput(path, e.Message); }
    }

    /// <summary>A document as read: Markdown or plain text, or a Word document (recognized by its content: a zip or an
    /// OLE compound file; a <c>.docx</c> name that is neither is refused) read as its text in Markdown.</summary>
    public static DocumentInput ReadSource(string path, CliContext context, bool allowEmpty = false)
    {
        var bytes = ReadBytes(path, context);
        if (WordRecognizer.Recognize(bytes) != WordFileKind.None || WordRecognizer.HasWordExtension(path) && bytes.Length > 0)
        {
            WordSource word;
            try
            {
                word = WordReader.Read(bytes);
            }
            catch (WordDocumentException e)
            {
                throw CliException.BadInput(path, e.Message);
            }
            if (word.HasMacros) context.Warn(path, "a macro-enabled document: its macros are never run, and a draft does not carry them");
            return new DocumentInput(word.Markdown, word);
        }
        return new DocumentInput(Decode(path, bytes, allowEmpty), null);
    }

    /// <summary>The source text of a document (<see cref="ReadSource"/>): a Word document's text as Markdown.</summary>
    public static string ReadDocumentText(string path, CliContext context, bool allowEmpty = false) => ReadSource(path, context, allowEmpty).Text;

    /// <summary>The name a document read from <paramref name="path"/> is known by: its file name, or <c>stdin</c>.</summary>
    public static string NameOf(string path) => path == Stdin ? "stdin" : Path.GetFileName(path);

    /// <summary>Stdin copied into a temporary file, deleted when disposed: for a reader that needs a file (read twice).</summary>
    public static SpooledInput Spool(CliContext context)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"aligntool-stdin-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using (var input = context.OpenStdin())
        using (var file = File.Create(path))
            input.CopyTo(file);
        return new SpooledInput(path);
    }

    public static Document ReadDocument(string path, ParseOptions options, CliContext context) => ReadDocument(path, options, context, out _);

    /// <summary>The document, and the Word document it was read from, if it was one (<c>null</c> for Markdown).</summary>
    public static Document ReadDocument(string path, ParseOptions options, CliContext context, out WordSource? word)
    {
        var input = ReadSource(path, context);
        word = input.Word;
        if (word is not null) options = options with { Format = InputFormat.Markdown }; // a Word document's text is Markdown
        var doc = Parsing(path, () => new DocumentParser().Parse(NameOf(path), input.Text, options));
        WarnUnsupported(doc, path, context);
        return doc;
    }

    /// <summary>The text of a Markdown file, its nesting checked (for a reader that parses two files at once).</summary>
    public static string ReadMarkdown(string path, CliContext context)
    {
        var text = ReadDocumentText(path, context);
        return Parsing(path, () => { MarkdownLimits.Check(text); return text; });
    }

    /// <summary>Runs what reads a document of <paramref name="path"/>, turning input it refuses into one line, exit 3.</summary>
    public static T Parsing<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (MarkdownLimitException e)
        {
            throw CliException.BadInput(path, e.Message, e.Line > 0 ? e.Line : null, e.Column > 0 ? e.Column : null);
        }
    }

    /// <summary>Refuses a TMX, XLIFF or PO file given where a document is expected (exit 2, with what to do instead).
    /// A file that cannot be read is left to the reader that follows, which says why.</summary>
    public static void RefuseInterchange(string path)
    {
        if (path == Stdin || !File.Exists(path)) return;
        string head;
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[InterchangeRecognizer.HeadLength];
            head = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        RefuseInterchange(path, head);
    }

    /// <summary>The same, for a text already read (stdin).</summary>
    public static void RefuseInterchange(string path, string head)
    {
        var format = InterchangeRecognizer.Recognize(path == Stdin ? null : path, head);
        if (format != InterchangeFormat.None) throw new CliException(ExitCodes.Usage, path, InterchangeRecognizer.Advice(format));
    }

    public static void WarnUnsupported(Document doc, string path, CliContext context)
    {
        var und = doc.Blocks.Where(b => b.Lang == LanguageTag.Undetermined).ToList();
        if (und.Count > 0)
        {
            context.Warn(path, $"{und.Count} block(s) in a language AlignTool does not support (first at line {und[0].Line}) are kept with lang 'und'");
        }
    }
}
