using System.Text;

namespace AlignTool.Core.Documents.Word;

/// <summary>
/// Writes a Word paragraph as Markdown the <see cref="MarkdownReader"/> reads back to the same text: a heading
/// style as <c>#</c>, bold and italic runs as <c>**</c> and <c>*</c>, superscript as <c>&lt;sup&gt;</c>, line breaks
/// as hard breaks, every ASCII punctuation character escaped (so that nothing in the text is taken for markup), and
/// the first paragraph of a note numbered by Word opened with the footnote marker <c>*</c>. Each character written
/// is recorded with the piece and offset it came from (-1 for markup).
/// </summary>
internal static class MarkdownWriter
{
    private readonly record struct Token(char C, int Piece, int Offset, bool Bold, bool Italic, bool Sup)
    {
        public bool Space => char.IsWhiteSpace(C);

        public (bool, bool, bool) Flags => (Bold, Italic, Sup);
    }

    public static void Paragraph(WordParagraph p, int firstPiece, StringBuilder text, List<int> pieceOf, List<int> offsets)
    {
        var lines = new List<List<Token>> { new() };
        for (int i = 0; i < p.Pieces.Count; i++)
        {
            var piece = p.Pieces[i];
            if (piece.Kind == WordPieceKind.Break)
            {
                lines.Add([]);
                continue;
            }
            for (int k = 0; k < piece.Text.Length; k++)
            {
                char c = char.IsControl(piece.Text[k]) ? ' ' : piece.Text[k];
                lines[^1].Add(new Token(c, firstPiece + i, k, piece.Bold, piece.Italic, piece.Superscript));
            }
        }
        var trimmed = lines.Select(Trim).Where(l => l.Count > 0).ToList();
        if (trimmed.Count == 0) return;

        var w = new Writer(text, pieceOf, offsets);
        if (p.HeadingLevel is > 0 and <= 6) w.Markup(new string('#', p.HeadingLevel) + " ");
        else if (p.Bullet) w.Markup("* ");
        if (p.NumberedNoteStart) w.Markup("\\* ");
        for (int i = 0; i < trimmed.Count; i++)
        {
            if (i > 0) w.Markup(p.HeadingLevel > 0 ? " " : "  \n"); // an ATX heading is one line
            Line(trimmed[i], w);
        }
        w.Markup("\n\n");
    }

    private static List<Token> Trim(List<Token> line)
    {
        int s = 0, e = line.Count;
        while (s < e && line[s].Space) s++;
        while (e > s && line[e - 1].Space) e--;
        return line.GetRange(s, e - s);
    }

    private static void Line(List<Token> line, Writer w)
    {
        // Spaces take the formatting around them when it is the same on both sides, else none.
        var flags = new (bool, bool, bool)[line.Count];
        for (int i = 0; i < line.Count; i++)
        {
            if (!line[i].Space) { flags[i] = line[i].Flags; continue; }
            int j = i + 1;
            while (j < line.Count && line[j].Space) j++;
            flags[i] = i > 0 && j < line.Count && line[j].Flags == flags[i - 1] ? flags[i - 1] : default;
        }
        bool closedJustBefore = false;
        int g = 0;
        while (g < line.Count)
        {
            int end = g;
            while (end < line.Count && flags[end] == flags[g]) end++;
            var (bold, italic, sup) = flags[g];
            int cs = g, ce = end;
            while (cs < ce && line[cs].Space) cs++;
            while (ce > cs && line[ce - 1].Space) ce--;
            for (int i = g; i < cs; i++) w.Char(line[i]);
            if (cs < ce)
            {
                char before = cs > 0 ? line[cs - 1].C : ' ';
                char after = end < line.Count ? line[end].C : ' ';
                string marker = bold && italic ? "***" : bold ? "**" : italic ? "*" : "";
                // Emphasis is written only where CommonMark takes it as emphasis: not glued to a previous marker, and
                // not with punctuation inside and a letter outside (a**(a)**b is not emphasis).
                if (marker.Length > 0 && (closedJustBefore
                    || char.IsLetterOrDigit(before) && IsAsciiPunctuation(line[cs].C)
                    || char.IsLetterOrDigit(after) && IsAsciiPunctuation(line[ce - 1].C)))
                    marker = "";
                if (sup) w.Markup("<sup>");
                w.Markup(marker);
                for (int i = cs; i < ce; i++) w.Char(line[i]);
                w.Markup(marker);
                if (sup) w.Markup("</sup>");
                closedJustBefore = marker.Length > 0 && ce == end;
            }
            for (int i = ce; i < end; i++) w.Char(line[i]);
            g = end;
        }
    }

    /// <summary>What CommonMark lets a backslash escape.</summary>
    internal static bool IsAsciiPunctuation(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    private sealed class Writer(StringBuilder text, List<int> pieceOf, List<int> offsets)
    {
        public void Markup(string s)
        {
            text.Append(s);
            for (int i = 0; i < s.Length; i++) { pieceOf.Add(-1); offsets.Add(-1); }
        }

        public void Char(Token t)
        {
            if (IsAsciiPunctuation(t.C)) Markup("\\");
            text.Append(t.C);
            pieceOf.Add(t.Piece);
            offsets.Add(t.Offset);
        }
    }
}
