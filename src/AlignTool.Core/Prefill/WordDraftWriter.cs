using AlignTool.Core.Documents.Word;
using AlignTool.Core.Placeables;
using AlignTool.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace AlignTool.Core.Prefill;

/// <summary>
/// Writes the draft of a Word document: the same package with each segment's text replaced in place. A segment
/// inside one run keeps that run's formatting; one across runs gives each run whose text the translation carries
/// unchanged (a symbol, a number, a name in bold or italics) that text, and the rest to the first other run. The
/// runs filled get the target language (<c>w:lang</c> eastAsia <c>zh-CN</c>, bidi <c>ar-SA</c>; Arabic runs
/// <c>w:rtl</c> and their paragraphs <c>w:bidi</c>); segments left in English and fuzzy fills are highlighted
/// (<see cref="WordDraftOptions"/>) instead of marked in the text. The version's language line goes before
/// <c>Original:</c>, as in a Markdown draft. Macros are not carried: a .docm's draft is a .docx.
/// </summary>
public static class WordDraftWriter
{
    private sealed record Job(PrefillSegment Segment, List<(int Piece, int From, int To)> Ranges, string? Text, string? Highlight);

    public static void Write(WordSource source, PrefillResult result, string targetLang, Stream output, WordDraftOptions? options = null)
    {
        options ??= WordDraftOptions.Default;
        using (var doc = WordReader.Open(source.Package, editable: true, null, out var stream))
        using (stream)
        {
            if (source.HasMacros) RemoveMacros(doc);
            var pieces = new WordWalker(doc).Paragraphs().SelectMany(p => p.Pieces.Select(x => (Piece: x, Paragraph: p))).ToList();
            if (pieces.Count != source.PieceCount) throw new InvalidOperationException("the Word document read twice gave different pieces");

            var jobs = new List<Job>();
            Job? original = null;
            bool hasVersionLine = result.Segments.Any(s => s.Field == "version-language");
            foreach (var seg in result.Segments)
            {
                var ranges = Ranges(source, pieces, seg.SourceSpan);
                if (ranges.Count == 0) continue;
                if (seg.Field == "original-language" && !hasVersionLine) original = new Job(seg, ranges, null, null);
                var (text, highlight) = seg.Action switch
                {
                    PrefillAction.Filled => (seg.Target, null),
                    PrefillAction.FilledForReview => (seg.Suggestion?.Target ?? seg.Target, options.FuzzyHighlight),
                    PrefillAction.LeftInEnglish => ((string?)null, options.UnmatchedHighlight),
                    _ => (null, null),
                };
                if (text is null && highlight is null) continue;
                // A note numbered by Word was read with the marker '*' in front, which is not in the document.
                if (text is not null && seg.Source.StartsWith('*') && source.PieceOf[seg.SourceSpan.Start] < 0)
                    text = text.TrimStart('*').TrimStart();
                jobs.Add(new Job(seg, ranges, text, highlight));
            }

            var cuts = new Dictionary<int, SortedSet<int>>();
            foreach (var job in original is null ? jobs : jobs.Append(original))
                foreach (var (piece, from, to) in job.Ranges)
                {
                    if (!cuts.TryGetValue(piece, out var set)) cuts[piece] = set = [];
                    set.Add(from);
                    set.Add(to);
                }
            var parts = new Dictionary<int, List<(int Start, WordText Element)>>();
            foreach (var (piece, set) in cuts) parts[piece] = Split((WordText)pieces[piece].Piece.Element, set);

            var emptied = new List<Run>();
            foreach (var job in jobs)
            {
                var covered = job.Ranges.SelectMany(r => parts[r.Piece].Where(p => p.Start >= r.From && p.Start < r.To).Select(p => p.Element)).ToList();
                if (job.Text is null)
                {
                    foreach (var t in covered) Highlight(t, job.Highlight);
                    continue;
                }
                var texts = Distribute(covered, job.Text);
                for (int i = 0; i < covered.Count; i++)
                {
                    covered[i].Text = texts[i];
                    covered[i].Space = SpaceProcessingModeValues.Preserve;
                    if (texts[i].Length == 0) { if (covered[i].Parent is Run r) emptied.Add(r); continue; }
                    Language(covered[i], targetLang);
                    Highlight(covered[i], job.Highlight);
                }
                if (targetLang == LanguageTag.Arabic)
                    foreach (var p in covered.Select(t => t.Ancestors<Paragraph>().FirstOrDefault()).Distinct())
                        if (p is not null) (p.ParagraphProperties ??= new ParagraphProperties()).BiDi = new BiDi();
            }
            foreach (var r in emptied.Distinct()) if (!r.Elements<WordText>().Any(t => t.Text.Length > 0) && r.ChildElements.All(c => c is RunProperties or WordText)) r.Remove();

            if (original is not null) AddVersionLine(original, pieces, parts, Codes.Default.NameOf(targetLang));
            doc.Save();
            doc.Dispose();
            stream.Position = 0;
            stream.CopyTo(output);
        }
    }

    /// <summary>The parts of text pieces a span of the Markdown covers, in order.</summary>
    private static List<(int Piece, int From, int To)> Ranges(WordSource source, List<(WordPiece Piece, WordParagraph Paragraph)> pieces, TextSpan span)
    {
        var ranges = new List<(int Piece, int From, int To)>();
        for (int i = span.Start; i < span.End && i < source.PieceOf.Length; i++)
        {
            int piece = source.PieceOf[i];
            if (piece < 0 || pieces[piece].Piece.Kind != WordPieceKind.Text) continue;
            int off = source.OffsetInPiece[i];
            if (ranges.Count > 0 && ranges[^1].Piece == piece) ranges[^1] = (piece, ranges[^1].From, off + 1);
            else ranges.Add((piece, off, off + 1));
        }
        return ranges;
    }

    /// <summary>Gives a text element a run of its own, then cuts it at the offsets given into runs of the same formatting.</summary>
    private static List<(int Start, WordText Element)> Split(WordText text, SortedSet<int> cuts)
    {
        Isolate(text);
        var value = text.Text;
        var points = cuts.Where(c => c > 0 && c < value.Length).ToList();
        var result = new List<(int, WordText)> { (0, text) };
        if (points.Count == 0) return result;
        var run = (Run)text.Parent!;
        text.Text = value[..points[0]];
        text.Space = SpaceProcessingModeValues.Preserve;
        var last = run;
        for (int i = 0; i < points.Count; i++)
        {
            int end = i + 1 < points.Count ? points[i + 1] : value.Length;
            var t = new WordText(value[points[i]..end]) { Space = SpaceProcessingModeValues.Preserve };
            var next = new Run();
            if (run.RunProperties is { } rp) next.AppendChild(rp.CloneNode(true));
            next.AppendChild(t);
            last.InsertAfterSelf(next);
            last = next;
            result.Add((points[i], t));
        }
        return result;
    }

    /// <summary>Moves each element of a run that holds more than one (text, tab, break…) into a run of its own.</summary>
    private static void Isolate(WordText text)
    {
        if (text.Parent is not Run run) return;
        var content = run.ChildElements.Where(c => c is not RunProperties).ToList();
        if (content.Count <= 1) return;
        foreach (var c in content)
        {
            var single = new Run();
            if (run.RunProperties is { } rp) single.AppendChild(rp.CloneNode(true));
            c.Remove();
            single.AppendChild(c);
            run.InsertBeforeSelf(single);
        }
        run.Remove();
    }

    /// <summary>
    /// The target's text for each run a segment covers. A run formatted unlike the segment's main run whose text the
    /// target carries unchanged keeps that text (a clear mapping); the text between goes to the first run of the main
    /// formatting around it, else to the first such run of the segment.
    /// </summary>
    private static string[] Distribute(List<WordText> covered, string target)
    {
        var texts = new string[covered.Count];
        Array.Fill(texts, "");
        if (covered.Count == 1) { texts[0] = target; return texts; }
        var keys = covered.Select(t => ((Run?)t.Parent)?.RunProperties?.OuterXml ?? "").ToList();
        var main = keys[Enumerable.Range(0, covered.Count).MaxBy(i => covered[i].Text.Length)];
        var anchors = new List<(int Index, int At, int Length)>();
        int pos = 0;
        for (int i = 0; i < covered.Count; i++)
        {
            var s = covered[i].Text.Trim();
            if (keys[i] == main || s.Length == 0) continue;
            int at = target.IndexOf(s, pos, StringComparison.Ordinal);
            if (at < 0) continue;
            anchors.Add((i, at, s.Length));
            pos = at + s.Length;
        }
        var anchored = anchors.Select(a => a.Index).ToHashSet();
        int fallback = Enumerable.Range(0, covered.Count).FirstOrDefault(i => !anchored.Contains(i));
        int Holder(int after, int before)
        {
            for (int i = after + 1; i < before; i++) if (!anchored.Contains(i)) return i;
            return fallback;
        }
        int cursor = 0, previous = -1;
        foreach (var (index, at, length) in anchors)
        {
            texts[Holder(previous, index)] += target[cursor..at];
            texts[index] = target.Substring(at, length);
            cursor = at + length;
            previous = index;
        }
        texts[Holder(previous, covered.Count)] += target[cursor..];
        return texts;
    }

    private static RunProperties Properties(WordText text)
    {
        var run = (Run)text.Parent!;
        return run.RunProperties ??= new RunProperties();
    }

    private static void Language(WordText text, string targetLang)
    {
        var rp = Properties(text);
        var lang = rp.Languages ??= new Languages();
        if (targetLang == LanguageTag.Chinese) lang.EastAsia = "zh-CN";
        else if (targetLang == LanguageTag.Arabic)
        {
            lang.Bidi = "ar-SA";
            rp.RightToLeftText = new RightToLeftText();
        }
        else lang.Val = targetLang;
    }

    private static void Highlight(WordText text, string? colour)
    {
        if (colour is null) return;
        Properties(text).Highlight = new Highlight { Val = new HighlightColorValues(colour) };
    }

    /// <summary>The version's language before <c>Original:</c>: a paragraph of its own, or a line of the same paragraph.</summary>
    private static void AddVersionLine(Job original, List<(WordPiece Piece, WordParagraph Paragraph)> pieces, Dictionary<int, List<(int Start, WordText Element)>> parts, string name)
    {
        var (piece, from, _) = original.Ranges[0];
        var text = parts[piece].First(p => p.Start >= from).Element;
        if (text.Parent is not Run run) return;
        var paragraph = pieces[piece].Paragraph;
        int first = pieces.FindIndex(p => p.Paragraph == paragraph && p.Piece.Kind == WordPieceKind.Text);
        var line = new Run();
        if (run.RunProperties is { } rp) line.AppendChild(rp.CloneNode(true));
        line.AppendChild(new WordText(name));
        if (first == piece && from == 0)
        {
            var copy = new Paragraph();
            if (paragraph.Element.ParagraphProperties is { } pp) copy.AppendChild(pp.CloneNode(true));
            copy.AppendChild(line);
            paragraph.Element.InsertBeforeSelf(copy);
        }
        else
        {
            line.AppendChild(new Break());
            run.InsertBeforeSelf(line);
        }
    }

    private static void RemoveMacros(WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart!;
        if (main.VbaProjectPart is { } vba) main.DeletePart(vba);
        foreach (var part in main.Parts.Where(p => p.OpenXmlPart.Uri.OriginalString.Contains("customizations", StringComparison.OrdinalIgnoreCase)).Select(p => p.OpenXmlPart).ToList())
            main.DeletePart(part);
        if (doc.DocumentType == WordprocessingDocumentType.MacroEnabledDocument) doc.ChangeDocumentType(WordprocessingDocumentType.Document);
        else if (doc.DocumentType == WordprocessingDocumentType.MacroEnabledTemplate) doc.ChangeDocumentType(WordprocessingDocumentType.Template);
    }
}
