using AlignTool.Core.Text;

namespace AlignTool.Core.Documents;

/// <summary>
/// One block of a document after PDF repairs: its repaired <see cref="Text"/>, where it came from in the
/// source (<see cref="Source"/>, <see cref="Line"/>), and a map from every character of the text to the source
/// offset it was read from, so that a segment can be reported in the coordinates of the file as read.
/// </summary>
public sealed class Block
{
    internal Block(BlockKind kind, MappedText content, int line, IReadOnlyList<InlineMark> marks, bool wholeBold, int headingLevel)
    {
        Kind = kind;
        Content = content;
        Line = line;
        Marks = marks;
        WholeBold = wholeBold;
        HeadingLevel = headingLevel;
        Lang = LanguageTag.Undetermined;
    }

    public int Index { get; internal set; }

    public BlockKind Kind { get; }

    /// <summary>The repaired text with its source map.</summary>
    public MappedText Content { get; internal set; }

    public string Text => Content.Text;

    /// <summary>1-based line in the source where the block starts.</summary>
    public int Line { get; }

    public Zone Zone { get; internal set; }

    public CoverField Field { get; internal set; }

    public string Lang { get; internal set; }

    public Repair Repairs { get; internal set; }

    public IReadOnlyList<InlineMark> Marks { get; internal set; }

    /// <summary>The whole block is strong emphasis (<c>**…**</c>), as annex headings and letterheads are.</summary>
    public bool WholeBold { get; }

    /// <summary>1–6 for a Markdown heading, 0 otherwise.</summary>
    public int HeadingLevel { get; }

    /// <summary>The span of source text the block was read from.</summary>
    public TextSpan Source => Content.SourceSpanOf(new TextSpan(0, Text.Length));

    public override string ToString() => $"#{Index} {Zone.Name()} {Lang} {Text}";
}
