using AlignTool.Core.Text;

namespace AlignTool.Core.Documents;

/// <summary>Options for <see cref="DocumentParser"/>.</summary>
public sealed record ParseOptions
{
    public static readonly ParseOptions Default = new();

    /// <summary>How the input is read: Markdown (the default, whatever the file's extension) or plain text.</summary>
    public InputFormat Format { get; init; } = InputFormat.Markdown;

    /// <summary>Plain text only: what a line break inside a paragraph means.</summary>
    public LineBreakMode LineBreaks { get; init; } = LineBreakMode.Auto;

    /// <summary>Force every block to this language instead of detecting it (<c>null</c>: detect, run by run).</summary>
    public string? Language { get; init; }
}

public enum InputFormat
{
    Markdown,
    Plain,
}

/// <summary>What a single line break inside a plain-text paragraph means.</summary>
public enum LineBreakMode
{
    /// <summary>A line that ends in white space was wrapped (the break is a space); any other break ends a segment.</summary>
    Auto,
    /// <summary>Every line break is a space: text whose lines were broken by a PDF.</summary>
    Space,
    /// <summary>Every line break ends a segment.</summary>
    Segment,
}

/// <summary>
/// Turns a UN document (Markdown extracted from a PDF, or plain text) into a <see cref="Document"/>: blocks with
/// source offsets, zones, cover fields and languages, after repairing the PDF damage.
/// </summary>
public sealed class DocumentParser
{
    private readonly CoverLineClassifier _classifier;

    public DocumentParser(CoverLineClassifier? classifier = null)
    {
        _classifier = classifier ?? CoverLineClassifier.Default;
    }

    public Document Parse(string name, string source, ParseOptions? options = null)
    {
        options ??= ParseOptions.Default;
        var blocks = options.Format == InputFormat.Plain ? PlainBlocks(source, options) : MarkdownBlocks(source);
        foreach (var b in blocks)
        {
            b.Lang = options.Language ?? LanguageDetector.Detect(b.Text);
        }
        var (hasCover, coverLang) = options.Format == InputFormat.Plain
            ? (false, MainLanguage(blocks))
            : ZoneAssigner.Assign(blocks, _classifier);
        if (options.Format == InputFormat.Markdown) blocks = PageBreaks.Rejoin(blocks);
        for (int i = 0; i < blocks.Count; i++) blocks[i].Index = i;
        return new Document(name, source, blocks, coverLang, hasCover);
    }

    internal static string MainLanguage(IEnumerable<Block> blocks) =>
        blocks.Where(b => b.Lang != LanguageTag.NoLinguisticContent)
              .GroupBy(b => b.Lang)
              .OrderByDescending(g => g.Sum(b => b.Text.Length))
              .Select(g => g.Key)
              .FirstOrDefault() ?? LanguageTag.Undetermined;

    private List<Block> MarkdownBlocks(string source)
    {
        var result = new List<Block>();
        foreach (var raw in MarkdownReader.Read(source))
        {
            var lines = raw.Lines.Select(l => l.Trim()).ToList();
            var ends = raw.Ends;
            // Drop empty lines a hard break left at either end.
            while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
            if (lines.Count == 0) continue;
            var repairs = Repair.None;
            if (raw.Bullet == '*' && raw.ListCount == 1)
            {
                // A one-item '*' list in a PDF extraction is a footnote: "* 附件不译，原文照发。"
                var b = new MappedText.Builder();
                b.Append('*', raw.BulletOffset);
                b.Append(' ', raw.BulletOffset);
                b.Append(lines[0]);
                lines[0] = b.Build();
                repairs |= Repair.FootnoteMarker;
            }
            if (raw.HadFootnoteMarker) repairs |= Repair.FootnoteMarker;
            var kind = raw.Bullet == '*' && raw.ListCount == 1 ? BlockKind.Paragraph : raw.Kind;

            foreach (var (text, field, extra) in SplitOrJoin(lines))
            {
                var repaired = HanSpacing.Repair(text, out bool han);
                var block = new Block(kind, repaired, raw.Line, Marks(repaired, raw.Marks), raw.WholeBold, raw.HeadingLevel)
                {
                    Field = field,
                    Repairs = repairs | extra | (han ? Repair.HanSpacing : Repair.None),
                };
                result.Add(block);
            }
        }
        return result;
    }

    /// <summary>
    /// A block of several lines is either several cover fields, one a line (seed 001's <c>大会  \n第七十二届会议</c>),
    /// or one field wrapped over lines (a title): split the first, join the second. A single line on which header
    /// fields run together (seed 004) is split into its fields.
    /// </summary>
    private IEnumerable<(MappedText Text, CoverField Field, Repair Repair)> SplitOrJoin(List<MappedText> lines)
    {
        if (lines.Count > 1)
        {
            var fields = lines.Select(l => _classifier.Classify(l.Text)?.Field ?? CoverField.None).ToList();
            int agenda = fields.IndexOf(CoverField.Agenda);
            int lastKnown = agenda >= 0 ? agenda : lines.Count - 1;
            bool allKnown = fields.Take(lastKnown + 1).All(f => f is not CoverField.None and not CoverField.Title and not CoverField.AnnexHeading and not CoverField.Footnote);
            bool restUnknown = fields.Skip(lastKnown + 1).All(f => f == CoverField.None);
            if (allKnown && restUnknown)
            {
                for (int i = 0; i <= lastKnown; i++) yield return (lines[i], fields[i], Repair.SplitLines);
                if (lastKnown + 1 < lines.Count)
                    yield return (JoinLines(lines.Skip(lastKnown + 1).ToList()), CoverField.AgendaTitle, Repair.SplitLines | (lines.Count - lastKnown > 2 ? Repair.JoinedLines : Repair.None));
                yield break;
            }
            var joined = JoinLines(lines);
            yield return (joined, _classifier.Classify(joined.Text)?.Field ?? CoverField.None, Repair.JoinedLines);
            yield break;
        }

        var line = lines[0];
        var split = _classifier.SplitRunTogether(line.Text);
        if (split is not null)
        {
            foreach (var (start, length, field) in split) yield return (line.Slice(start, length), field, Repair.SplitFields);
            yield break;
        }
        yield return (line, _classifier.Classify(line.Text)?.Field ?? CoverField.None, Repair.None);
    }

    /// <summary>Joins wrapped lines: with a space, except where Han meets Han (or CJK punctuation) across the break.</summary>
    internal static MappedText JoinLines(IReadOnlyList<MappedText> lines)
    {
        var b = new MappedText.Builder();
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            if (b.Length > 0)
            {
                char l = b[b.Length - 1], r = line.Text[0];
                bool cjk = (Scripts.IsHan(l) || Scripts.IsCjkPunctuation(l)) && (Scripts.IsHan(r) || Scripts.IsCjkPunctuation(r) || char.IsAsciiDigit(r))
                           || (char.IsAsciiDigit(l) && Scripts.IsHan(r));
                if (!cjk) b.AppendSynthetic(' ');
            }
            b.Append(line);
        }
        return b.Build();
    }

    private static IReadOnlyList<InlineMark> Marks(MappedText text, List<(InlineMarkKind Kind, int First, int Last)> marks)
    {
        if (marks.Count == 0 || text.Length == 0) return [];
        var result = new List<InlineMark>();
        var offsets = text.Offsets;
        foreach (var (kind, first, last) in marks)
        {
            int s = Array.FindIndex(offsets, o => o >= first);
            if (s < 0 || offsets[s] > last) continue;
            int e = Array.FindLastIndex(offsets, o => o <= last);
            if (e < s) continue;
            result.Add(new InlineMark(kind, new TextSpan(s, e - s + 1)));
        }
        return result;
    }

    private static List<Block> PlainBlocks(string source, ParseOptions options)
    {
        var result = new List<Block>();
        foreach (var (text, line) in PlainTextReader.Read(new StringReader(source), options.LineBreaks))
        {
            result.Add(new Block(BlockKind.Paragraph, text, line, [], false, 0) { Zone = Zone.Body });
        }
        return result;
    }
}
