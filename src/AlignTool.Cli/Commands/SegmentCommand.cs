using System.CommandLine;
using AlignTool.Cli.Infrastructure;
using AlignTool.Core.Documents;
using AlignTool.Core.Segmentation;
using AlignTool.Core.Text;

namespace AlignTool.Cli.Commands;

/// <summary><c>aligntool segment FILE</c>: the document's sentences, one a line or as jsonl records.</summary>
internal static class SegmentCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A UN document: Markdown whatever its extension, Word .docx (by its content), or plain text with --plain ('-': stdin)" };
        var lang = LanguageOption<string?>.Create(n => CommonOptions.Language(n), "--from", "--lang");
        var plain = new Option<bool>("--plain") { Description = "Plain text: paragraphs separated by blank lines" };
        var lineBreaks = new Option<LineBreakMode>("--line-breaks")
        {
            Description = "With --plain, what a line break inside a paragraph is: auto (a space after a line ending in white space, else a segment end), space (PDF text), segment",
            HelpName = "auto|space|segment",
            CustomParser = r =>
            {
                var v = r.Tokens.Count == 0 ? "auto" : r.Tokens[0].Value;
                if (Enum.TryParse<LineBreakMode>(v, ignoreCase: true, out var mode) && !int.TryParse(v, out _)) return mode;
                r.AddError($"--line-breaks must be auto, space or segment, not '{v}'");
                return LineBreakMode.Auto;
            },
        };
        var format = CommonOptions.Format();
        var command = new CliCommand("segment", "Cut a document into sentences (ICU rules plus UN exceptions)",
            "aligntool segment tm-data/corpus/000_dc598133e6e0d6df.txt --format jsonl",
            "aligntool segment notes.txt --plain --from en") { file };
        lang.AddTo(command);
        command.Add(plain);
        command.Add(lineBreaks);
        command.Add(format);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var options = new ParseOptions
            {
                Format = parse.GetValue(plain) ? InputFormat.Plain : InputFormat.Markdown,
                LineBreaks = parse.GetValue(lineBreaks),
                Language = lang.Get(parse),
            };
            var doc = InputFiles.ReadDocument(path, options, context);
            Write(doc, parse.GetValue(format), context);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void Write(Document doc, OutputFormat format, CliContext context)
    {
        var segmenter = new Segmenter();
        var spans = new List<TextSpan>();
        var jsonl = new Jsonl(context.Out);
        int id = 0;
        foreach (var block in doc.Blocks)
        {
            spans.Clear();
            segmenter.Segment(block.Text, block.Lang, spans);
            foreach (var span in spans)
            {
                var text = span.Of(block.Text);
                if (format == OutputFormat.Text)
                {
                    context.Out.Write(text);
                    context.Out.Write('\n');
                }
                else
                {
                    var source = block.Content.SourceSpanOf(span);
                    int segId = id;
                    jsonl.Write(w =>
                    {
                        w.WriteNumber("id", segId);
                        w.WriteString("doc", doc.Name);
                        w.WriteNumber("block", block.Index);
                        w.WriteString("zone", block.Zone.Name());
                        w.WriteString("lang", block.Lang);
                        w.WriteNumber("start", source.Start);
                        w.WriteNumber("length", source.Length);
                        w.WriteString("text", text);
                    });
                }
                id++;
            }
        }
        context.Err.WriteLine($"{id} segment(s) in {doc.Blocks.Count} block(s)");
    }
}
