using AlignTool.Core.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AlignTool.Core.Documents;

/// <summary>
/// Reads Markdown with Markdig into raw leaf blocks whose characters carry their source offsets. Emphasis
/// delimiters and HTML tags fall away (kept as marks); <c>\*</c> and <c>&lt;sup&gt;*&lt;/sup&gt;</c> become the one
/// footnote marker <c>*</c>.
/// </summary>
internal static class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .Build();

    public static List<RawBlock> Read(string source)
    {
        MarkdownLimits.Check(source);
        MarkdownDocument doc;
        try
        {
            doc = Markdown.Parse(source, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's own limit, met at once on nested brackets on one line, which the line check does not count.
            throw MarkdownLimitException.TooDeep(0, 0);
        }
        var result = new List<RawBlock>();
        Walk(doc, source, result, null);
        return result;
    }

    private static void Walk(ContainerBlock container, string source, List<RawBlock> result, ListItemBlock? item)
    {
        foreach (var child in container)
        {
            switch (child)
            {
                case ListItemBlock li:
                    Walk(li, source, result, li);
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                        foreach (var cell in row.OfType<TableCell>())
                            foreach (var leaf in cell.OfType<LeafBlock>())
                                Add(leaf, BlockKind.TableCell, source, result, null);
                    break;
                case ContainerBlock inner:
                    Walk(inner, source, result, item);
                    break;
                case HeadingBlock h:
                    Add(h, BlockKind.Heading, source, result, null);
                    break;
                case LeafBlock leaf:
                    Add(leaf, item is null ? BlockKind.Paragraph : BlockKind.ListItem, source, result, item);
                    item = null; // only the first paragraph of an item carries the bullet
                    break;
            }
        }
    }

    private static void Add(LeafBlock leaf, BlockKind kind, string source, List<RawBlock> result, ListItemBlock? item)
    {
        var state = new InlineState(source);
        if (leaf.Inline is not null)
        {
            Inlines(leaf.Inline, state, 0);
        }
        else if (leaf is ThematicBreakBlock)
        {
            return;
        }
        else
        {
            // Code and HTML blocks: take their lines as text (PDF extraction indents lines at random).
            foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count))
            {
                var slice = line.Slice;
                for (int i = slice.Start; i <= slice.End; i++) state.Append(source[i], i);
                state.EndLine(LineEnd.Soft);
            }
        }
        state.Finish();
        if (state.Lines.All(l => l.Trim().Length == 0)) return;

        var parentList = item?.Parent as ListBlock;
        result.Add(new RawBlock
        {
            Kind = kind,
            Line = leaf.Line + 1,
            Lines = state.Lines,
            Ends = state.Ends,
            Marks = state.Marks,
            WholeBold = IsWholeBold(leaf.Inline),
            HeadingLevel = leaf is HeadingBlock hb ? hb.Level : 0,
            Bullet = parentList is { IsOrdered: false } ? parentList.BulletType : '\0',
            BulletOffset = item?.Span.Start ?? 0,
            ListCount = parentList?.Count ?? 0,
            HadFootnoteMarker = state.FootnoteMarker,
        });
    }

    private static bool IsWholeBold(ContainerInline? root)
    {
        if (root is null) return false;
        var significant = root.Where(i => !(i is LiteralInline l && l.Content.IsEmptyOrWhitespace())).ToList();
        return significant.Count == 1 && significant[0] is EmphasisInline { DelimiterCount: 2 };
    }

    private static void Inlines(ContainerInline container, InlineState state, int depth)
    {
        // Emphasis nested thousands deep (a long run of asterisks around a word) would overflow the stack.
        if (depth > MarkdownLimits.MaxDepth) throw MarkdownLimitException.TooDeep(container.Line + 1, container.Column + 1);
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline lit:
                {
                    // Walk the source beside the content: an escaped character (\*) is one character further on.
                    var content = lit.Content.AsSpan();
                    var source = state.Source;
                    int p = lit.Span.Start;
                    for (int k = 0; k < content.Length; k++)
                    {
                        char c = content[k];
                        bool escaped = false;
                        if (p + 1 < source.Length && source[p] == '\\' && source[p + 1] == c)
                        {
                            p++;
                            escaped = true;
                        }
                        if (c == '*' && (escaped || state.InSup))
                        {
                            state.FootnoteMarker = true;
                            state.MarkFootnote(p);
                        }
                        state.Append(c, p);
                        if (p < source.Length && source[p] == c) p++;
                    }
                    break;
                }
                case LineBreakInline br:
                    state.EndLine(br.IsHard ? LineEnd.Hard : LineEnd.Soft);
                    break;
                case EmphasisInline em:
                {
                    var kind = em.DelimiterCount >= 2 ? InlineMarkKind.Strong : InlineMarkKind.Emphasis;
                    int before = state.Count;
                    Inlines(em, state, depth + 1);
                    state.Mark(kind, before);
                    break;
                }
                case HtmlInline html:
                    if (html.Tag.StartsWith("<sup", StringComparison.OrdinalIgnoreCase)) state.InSup = true;
                    else if (html.Tag.StartsWith("</sup", StringComparison.OrdinalIgnoreCase)) state.InSup = false;
                    break;
                case CodeInline code:
                    for (int k = 0; k < code.Content.Length; k++) state.Append(code.Content[k], code.Span.Start + code.DelimiterCount + k);
                    break;
                case AutolinkInline auto:
                    for (int k = 0; k < auto.Url.Length; k++) state.Append(auto.Url[k], auto.Span.Start + 1 + k);
                    break;
                case HtmlEntityInline entity:
                {
                    var t = entity.Transcoded.ToString();
                    foreach (var c in t) state.Append(c, entity.Span.Start);
                    break;
                }
                case ContainerInline inner:
                    Inlines(inner, state, depth + 1);
                    break;
            }
        }
    }

    private sealed class InlineState(string source)
    {
        public string Source => source;

        private MappedText.Builder _line = new();

        public List<MappedText> Lines { get; } = [];

        public List<LineEnd> Ends { get; } = [];

        /// <summary>Marks as inclusive ranges of source offsets, so that they survive any repair of the text.</summary>
        public List<(InlineMarkKind Kind, int SourceFirst, int SourceLast)> Marks { get; } = [];

        private readonly List<int> _all = [];

        /// <summary>Characters appended so far, over all lines.</summary>
        public int Count => _all.Count;

        public bool InSup { get; set; }

        public bool FootnoteMarker { get; set; }

        public void Append(char c, int offset)
        {
            offset = Math.Clamp(offset, 0, Math.Max(0, source.Length - 1));
            _line.Append(c, offset);
            _all.Add(offset);
        }

        public void EndLine(LineEnd end)
        {
            Lines.Add(_line.Build());
            Ends.Add(end);
            _line = new MappedText.Builder();
        }

        public void Finish()
        {
            if (_line.Length > 0 || Lines.Count == 0) EndLine(LineEnd.Soft);
        }

        public void Mark(InlineMarkKind kind, int fromCount)
        {
            if (_all.Count > fromCount) Marks.Add((kind, _all[fromCount], _all[^1]));
        }

        public void MarkFootnote(int sourceOffset) => Marks.Add((InlineMarkKind.FootnoteMarker, sourceOffset, sourceOffset));
    }
}
