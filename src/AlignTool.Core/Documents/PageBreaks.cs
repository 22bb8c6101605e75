using AlignTool.Core.Text;

namespace AlignTool.Core.Documents;

/// <summary>
/// Rejoins a paragraph that a page break cut in two (seed 003: <c>… mastered by the</c> / <c>Armenian authorities
/// …</c>), looking past the blocks a page break inserts (address blocks, furniture, job numbers, footnotes).
/// A paragraph is taken as cut only on strong evidence: in English its last word is lower-case or it ends with a
/// comma or hyphen; in Arabic and Chinese it ends with a comma.
/// </summary>
internal static class PageBreaks
{
    private static readonly HashSet<Zone> Running = [Zone.Body, Zone.AnnexBody];

    private static readonly HashSet<Zone> Inserted = [Zone.Address, Zone.Furniture, Zone.JobNumber, Zone.Footnote];

    public static List<Block> Rejoin(List<Block> blocks)
    {
        var removed = new HashSet<Block>();
        for (int i = 0; i < blocks.Count; i++)
        {
            var p = blocks[i];
            if (removed.Contains(p) || !Running.Contains(p.Zone) || p.Kind != BlockKind.Paragraph || !LooksCut(p)) continue;
            int j = i + 1;
            while (j < blocks.Count && Inserted.Contains(blocks[j].Zone)) j++;
            if (j >= blocks.Count) continue;
            var q = blocks[j];
            if (q.Zone != p.Zone || q.Kind != BlockKind.Paragraph || q.Lang != p.Lang || q.WholeBold || StartsList(q.Text)) continue;
            var joined = DocumentParser.JoinLines([p.Content, q.Content]);
            var marks = p.Marks.Concat(q.Marks.Select(m => new InlineMark(m.Kind, new TextSpan(m.Span.Start + joined.Length - q.Content.Length, m.Span.Length)))).ToList();
            p.Content = joined;
            p.Marks = marks;
            p.Repairs |= Repair.PageBreakJoin | q.Repairs;
            removed.Add(q);
            i--; // the joined paragraph may itself be cut again
        }
        return blocks.Where(b => !removed.Contains(b)).ToList();
    }

    private static bool LooksCut(Block p)
    {
        var t = p.Text.TrimEnd();
        if (t.Length < 40) return false;
        char last = t[^1];
        if (p.Lang == LanguageTag.English)
        {
            if (last is ',' or '-' or '–') return true;
            int space = t.LastIndexOf(' ');
            var word = t[(space + 1)..];
            return word.Length > 0 && char.IsLower(word[0]) && word.All(char.IsLetter);
        }
        return last is '،' or ',' or '，' or '、';
    }

    private static bool StartsList(string text) =>
        text.Length > 1 && (text[0] is '•' or '-' or '–' or '*' || (char.IsDigit(text[0]) && text.IndexOfAny(['.', ')']) is > 0 and < 4));
}
