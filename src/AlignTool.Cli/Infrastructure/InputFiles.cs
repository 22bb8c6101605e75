using AlignTool.Core.Documents;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Infrastructure;

/// <summary>Reads input documents: strict UTF-8 (BOM or not), clear errors for missing, empty, binary and mis-encoded files.</summary>
internal static class InputFiles
{
    public static string ReadText(string path, bool allowEmpty = false)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException) { throw CliException.BadInput(path, "no such file"); }
        catch (DirectoryNotFoundException) { throw CliException.BadInput(path, "no such file"); }
        catch (UnauthorizedAccessException) { throw CliException.BadInput(path, "permission denied, or a directory"); }
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
        var doc = new DocumentParser().Parse(Path.GetFileName(path), text, options);
        WarnUnsupported(doc, path, context);
        return doc;
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
