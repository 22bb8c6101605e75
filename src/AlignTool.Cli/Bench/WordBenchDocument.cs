using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AlignTool.Cli.Bench;

/// <summary>The prefill benchmark's document as a .docx: a paragraph per block of the parsed Markdown (headings with
/// a heading style, bold blocks in a bold run), each paragraph of running text in two runs, as a word processor
/// leaves them after an edit.</summary>
internal static class WordBenchDocument
{
    public static byte[] Build(AlignTool.Core.Documents.Document source)
    {
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in source.Blocks)
            {
                var p = new Paragraph();
                if (block.HeadingLevel > 0) p.AppendChild(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{block.HeadingLevel}" }));
                var text = block.Text;
                int cut = block.WholeBold || text.Length < 80 ? text.Length : text.IndexOf(' ', text.Length / 2) is var s and > 0 ? s : text.Length;
                p.AppendChild(Run(text[..cut], block.WholeBold));
                if (cut < text.Length) p.AppendChild(Run(text[cut..], false));
                body.AppendChild(p);
            }
            body.AppendChild(new SectionProperties());
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        }
        return buffer.ToArray();
    }

    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold) run.AppendChild(new RunProperties(new Bold()));
        run.AppendChild(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
