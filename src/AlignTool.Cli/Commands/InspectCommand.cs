using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Documents;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool inspect FILE</c>: the document model (zones, fields, languages, repairs), readable.</summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A UN document in Markdown or Word .docx ('-': stdin)" };
        var format = CommonOptions.Format();
        var width = new Option<int>("--width") { HelpName = "N", Description = "Cut block text to this many characters in text output (0: never)", DefaultValueFactory = _ => 100 }.AtLeast(0);
        var command = new CliCommand("inspect", "Show how a document was read: blocks, zones, cover fields, languages and PDF repairs",
            "aligntool inspect tm-data/corpus/004_1665edaf04d15ccd.txt") { file, format, width };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var doc = InputFiles.ReadDocument(path, ParseOptions.Default, context);
            if (parse.GetValue(format) == OutputFormat.Jsonl) WriteJsonl(doc, context);
            else WriteText(doc, parse.GetValue(width), context);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(Document doc, int width, CliContext context)
    {
        var o = context.Out;
        o.WriteLine($"document: {doc.Name}");
        o.WriteLine($"cover page: {(doc.HasCover ? "yes" : "no")}; version language: {doc.CoverLanguage}; languages: {string.Join(", ", doc.Languages)}");
        o.WriteLine($"blocks: {doc.Blocks.Count}");
        o.WriteLine();
        o.WriteLine($"{"#",3}  {"line",4}  {"zone",-13}  {"field",-17}  {"lang",-4}  {"repairs",-28}  text");
        foreach (var b in doc.Blocks)
        {
            var text = b.Text;
            if (width > 0 && text.Length > width) text = text[..(width - 1)] + "…";
            var repairs = string.Join(",", b.Repairs.Names());
            o.WriteLine($"{b.Index,3}  {b.Line,4}  {b.Zone.Name(),-13}  {b.Field.Name(),-17}  {b.Lang,-4}  {repairs,-28}  {text}");
        }
    }

    private static void WriteJsonl(Document doc, CliContext context)
    {
        var jsonl = new Jsonl(context.Out);
        foreach (var b in doc.Blocks)
        {
            jsonl.Write(w =>
            {
                w.WriteNumber("block", b.Index);
                w.WriteString("doc", doc.Name);
                w.WriteNumber("line", b.Line);
                w.WriteString("kind", b.Kind.ToString().ToLowerInvariant());
                w.WriteString("zone", b.Zone.Name());
                w.WriteString("field", b.Field.Name());
                w.WriteString("lang", b.Lang);
                w.WriteNumber("start", b.Source.Start);
                w.WriteNumber("length", b.Source.Length);
                w.WriteStartArray("repairs");
                foreach (var r in b.Repairs.Names()) w.WriteStringValue(r);
                w.WriteEndArray();
                w.WriteString("text", b.Text);
            });
        }
    }
}
