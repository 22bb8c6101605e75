using AlignTool.Core.Interchange.Tbx;
using AlignTool.Core.Qa;

namespace AlignTool.Cli.Infrastructure;

/// <summary>Glossary files for <c>qa --glossary</c> and <c>glossary export --glossary</c>: TBX 2 or 3 (by a leading
/// <c>&lt;</c>) or TSV; a file in neither TBX form, or with no English term, is one line, exit 3.</summary>
internal static class GlossaryFiles
{
    public static Glossary Read(string path, CliContext context)
    {
        var text = InputFiles.ReadText(path, context);
        try
        {
            return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') ? Glossary.FromTbx(text) : Glossary.FromTsv(text);
        }
        catch (TbxException e)
        {
            throw CliException.BadInput(path, e.Message, e.Line > 0 ? e.Line : null, e.Line > 0 ? e.Column : null);
        }
    }
}
