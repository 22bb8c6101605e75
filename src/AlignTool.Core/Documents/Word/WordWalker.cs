using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AlignTool.Core.Documents.Word;

/// <summary>
/// Walks a .docx in reading order: the headers (first page, default, even; each part once), the body with each
/// footnote and endnote after the paragraph that refers to it, then the footers. Tables are read cell by cell.
/// Fields (page numbers, dates, cross-references) are neither read nor changed: their codes and results are
/// skipped. The reader and the draft writer walk the same way, so a piece's index names the same element in both.
/// </summary>
internal sealed partial class WordWalker
{
    private readonly MainDocumentPart _main;
    private readonly Dictionary<string, int> _headingStyles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool Bold, bool Italic)> _characterStyles = new(StringComparer.Ordinal);
    private int _fieldDepth;

    public WordWalker(WordprocessingDocument doc)
    {
        _main = doc.MainDocumentPart ?? throw new WordDocumentException("not a Word document: no main document part (word/document.xml)");
        ReadStyles();
    }

    public IEnumerable<WordParagraph> Paragraphs()
    {
        var body = _main.Document?.Body ?? throw new WordDocumentException("word/document.xml has no body");
        var sections = body.Descendants<SectionProperties>().ToList();
        foreach (var part in Parts<HeaderReference, HeaderPart>(sections))
            foreach (var p in Read(part.Header, WordOrigin.Header)) yield return p;

        var seenNotes = new HashSet<(bool, long)>();
        foreach (var p in Read(body, WordOrigin.Body))
        {
            yield return p;
            foreach (var reference in p.Element.Descendants().Where(e => e is FootnoteReference or EndnoteReference))
            {
                bool foot = reference is FootnoteReference;
                long id = foot ? ((FootnoteReference)reference).Id?.Value ?? -1 : ((EndnoteReference)reference).Id?.Value ?? -1;
                if (!seenNotes.Add((foot, id))) continue;
                OpenXmlElement? note = foot
                    ? _main.FootnotesPart?.Footnotes?.Elements<Footnote>().FirstOrDefault(f => f.Id?.Value == id)
                    : _main.EndnotesPart?.Endnotes?.Elements<Endnote>().FirstOrDefault(f => f.Id?.Value == id);
                if (note is null) continue; // a reference to a note the package lacks: nothing to read
                bool custom = reference.GetAttributes().Any(a => a.LocalName == "customMarkFollows" && a.Value is "1" or "true" or "on");
                bool first = true;
                foreach (var np in Read(note, foot ? WordOrigin.Footnote : WordOrigin.Endnote))
                {
                    yield return first && !custom ? np with { NumberedNoteStart = true } : np;
                    first = false;
                }
            }
        }

        foreach (var part in Parts<FooterReference, FooterPart>(sections))
            foreach (var p in Read(part.Footer, WordOrigin.Footer)) yield return p;
    }

    /// <summary>The header or footer parts the sections name, first page, default and even pages, each once.</summary>
    private IEnumerable<TPart> Parts<TReference, TPart>(List<SectionProperties> sections)
        where TReference : HeaderFooterReferenceType
        where TPart : OpenXmlPart
    {
        var seen = new HashSet<OpenXmlPart>();
        foreach (var section in sections)
        {
            var references = section.Elements<TReference>()
                .OrderBy(r => r.Type?.Value == HeaderFooterValues.First ? 0 : r.Type?.Value == HeaderFooterValues.Even ? 2 : 1);
            foreach (var r in references)
            {
                if (r.Id?.Value is not { } rid) continue;
                OpenXmlPart? part;
                try { part = _main.GetPartById(rid); }
                catch (ArgumentOutOfRangeException) { continue; } // a header the package lacks
                if (part is TPart typed && seen.Add(part)) yield return typed;
            }
        }
    }

    private IEnumerable<WordParagraph> Read(OpenXmlElement? root, WordOrigin origin)
    {
        if (root is null) yield break;
        _fieldDepth = 0;
        foreach (var p in root.Descendants<Paragraph>())
        {
            // Text boxes come twice (mc:Choice and mc:Fallback): read the choice only.
            if (p.Ancestors().Any(a => a.LocalName == "Fallback")) continue;
            var pieces = new List<WordPiece>();
            Inline(p, pieces);
            yield return new WordParagraph(p, origin, HeadingLevel(p), pieces) { Bullet = IsBullet(p) };
        }
    }

    private void Inline(OpenXmlElement container, List<WordPiece> pieces)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Run r:
                    RunPieces(r, pieces);
                    break;
                case SimpleField:
                case DeletedRun:
                case ParagraphProperties:
                    break; // a field is left as it is; deleted text is not text
                case Hyperlink or SdtRun or SdtContentRun or InsertedRun or CustomXmlRun or MoveToRun
                    or BidirectionalEmbedding or BidirectionalOverride:
                    Inline(child, pieces);
                    break;
            }
        }
    }

    private void RunPieces(Run run, List<WordPiece> pieces)
    {
        var (bold, italic) = Formatting(run.RunProperties);
        bool sup = run.RunProperties?.VerticalTextAlignment?.Val?.Value == VerticalPositionValues.Superscript;
        foreach (var child in run.ChildElements)
        {
            if (child is FieldChar fc)
            {
                var type = fc.FieldCharType?.Value;
                if (type == FieldCharValues.Begin) _fieldDepth++;
                else if (type == FieldCharValues.End && _fieldDepth > 0) _fieldDepth--;
                continue;
            }
            if (_fieldDepth > 0) continue;
            switch (child)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    pieces.Add(new WordPiece(t, WordPieceKind.Text, t.Text, bold, italic, sup));
                    break;
                case TabChar or PositionalTab:
                    pieces.Add(new WordPiece(child, WordPieceKind.Tab, " ", bold, italic, sup));
                    break;
                case Break or CarriageReturn:
                    pieces.Add(new WordPiece(child, WordPieceKind.Break, "\n", bold, italic, sup));
                    break;
                case NoBreakHyphen:
                    pieces.Add(new WordPiece(child, WordPieceKind.Hyphen, "-", bold, italic, sup));
                    break;
            }
        }
    }

    private bool IsBullet(Paragraph p)
    {
        var num = p.ParagraphProperties?.NumberingProperties;
        if (num?.NumberingId?.Val?.Value is not { } id || id == 0) return false;
        int level = num.NumberingLevelReference?.Val?.Value ?? 0;
        var numbering = _main.NumberingDefinitionsPart?.Numbering;
        var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == id);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var abstractNum = numbering?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        var lvl = abstractNum?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
        return lvl?.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet;
    }

    private (bool Bold, bool Italic) Formatting(RunProperties? rp)
    {
        bool bold = false, italic = false;
        if (rp?.RunStyle?.Val?.Value is { } style && _characterStyles.TryGetValue(style, out var s)) (bold, italic) = s;
        if (rp?.Bold is { } b) bold = b.Val?.Value ?? true;
        if (rp?.Italic is { } i) italic = i.Val?.Value ?? true;
        return (bold, italic);
    }

    private int HeadingLevel(Paragraph p)
    {
        var pp = p.ParagraphProperties;
        if (pp?.OutlineLevel?.Val?.Value is { } outline && outline < 6) return outline + 1;
        if (pp?.ParagraphStyleId?.Val?.Value is { } id)
        {
            if (_headingStyles.TryGetValue(id, out int level)) return level;
            var m = HeadingId().Match(id);
            if (m.Success) return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return 0;
    }

    private void ReadStyles()
    {
        var styles = _main.StyleDefinitionsPart?.Styles;
        if (styles is null) return;
        var all = styles.Elements<Style>().Where(s => s.StyleId?.Value is not null).ToDictionary(s => s.StyleId!.Value!, StringComparer.Ordinal);
        foreach (var (id, style) in all)
        {
            if (style.Type?.Value == StyleValues.Paragraph)
            {
                var m = HeadingName().Match(style.StyleName?.Val?.Value ?? "");
                if (m.Success) _headingStyles[id] = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                else if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } o && o < 6) _headingStyles[id] = o + 1;
            }
            else if (style.Type?.Value == StyleValues.Character)
            {
                bool? bold = null, italic = null;
                // Follow basedOn a few steps: "Strong Emphasis" may take its bold from a parent.
                var s = style;
                for (int step = 0; step < 10 && s is not null && (bold is null || italic is null); step++)
                {
                    bold ??= s.StyleRunProperties?.Bold is { } b ? b.Val?.Value ?? true : null;
                    italic ??= s.StyleRunProperties?.Italic is { } i ? i.Val?.Value ?? true : null;
                    s = s.BasedOn?.Val?.Value is { } parent && all.TryGetValue(parent, out var ps) ? ps : null;
                }
                _characterStyles[id] = (bold ?? false, italic ?? false);
            }
        }
    }

    [GeneratedRegex(@"^[Hh]eading\s?([1-6])$")]
    private static partial Regex HeadingName();

    [GeneratedRegex(@"^[Hh]eading([1-6])$")]
    private static partial Regex HeadingId();
}
