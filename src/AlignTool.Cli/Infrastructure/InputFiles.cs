using AlignTool.Core.Documents;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Infrastructure;

/// <summary>Reads input documents: strict UTF-8 (BOM or not), clear errors for missing, empty, binary and mis-encoded files.</summary>
internal static class InputFiles
{
    public static string ReadText(string path, bool allowEmpty = false)
    {
        byte[] bytes;
        if (Directory.Exists(path)) throw CliException.BadInput(path, "is a directory; give a file");
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException) { throw CliException.BadInput(path, "no such file"); }
        catch (DirectoryNotFoundException) { throw CliException.BadInput(path, "no such file"); }
        catch (UnauthorizedAccessException) { throw CliException.BadInput(path, "permission denied"); }
        catch (IOException e) { throw CliException.BadInput(path, e.Message); }
        var decoded = Utf8Input.Decode(bytes);
        if (allowEmpty && decoded.Problem == DecodeProblem.Empty) return "";
        if (!decoded.Success)
        {
            throw CliException.BadInput(path, decoded.Message);
        }
        return decoded.Text!;
    }

    public static Document ReadDocument(string path, ParseOptions options, CliContext context)
    {
        var text = ReadText(path);
        var doc = Parsing(path, () => new DocumentParser().Parse(Path.GetFileName(path), text, options));
        WarnUnsupported(doc, path, context);
        return doc;
    }

    /// <summary>The text of a Markdown file, its nesting checked (for a reader that parses two files at once).</summary>
    public static string ReadMarkdown(string path)
    {
        var text = ReadText(path);
        return Parsing(path, () => { MarkdownNesting.Check(text); return text; });
    }

    /// <summary>Runs what reads a document of <paramref name="path"/>, turning input it refuses into one line, exit 3.</summary>
    public static T Parsing<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (MarkdownTooDeepException e)
        {
            throw CliException.BadInput(path, e.Message, e.Line > 0 ? e.Line : null, e.Column > 0 ? e.Column : null);
        }
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
