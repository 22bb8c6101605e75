using AlignTool.Core.Text;

namespace AlignTool.Core.Documents;

/// <summary>
/// Assigns zones and cover fields to blocks in reading order: masthead, cover body, title, transmittal and
/// request, footnote, job number, furniture, then the annex (its heading repeats the title) or, in a document
/// without a cover page, running text with its letterhead and address blocks.
/// </summary>
internal static class ZoneAssigner
{
    private static readonly HashSet<CoverField> CoverEvidence =
    [
        CoverField.Distribution, CoverField.Organ, CoverField.Session, CoverField.Year, CoverField.Agenda,
        CoverField.SessionDates, CoverField.VersionLanguage, CoverField.OriginalLanguage,
    ];

    public static (bool HasCover, string CoverLanguage) Assign(List<Block> blocks, CoverLineClassifier classifier)
    {
        int evidence = blocks.Take(20).Count(b => CoverEvidence.Contains(b.Field));
        bool hasCover = evidence >= 2;
        if (!hasCover)
        {
            AssignWithoutCover(blocks);
            return (false, DocumentParser.MainLanguage(blocks));
        }

        string coverLang = CoverLanguage(blocks);
        var phase = Phase.Head;
        bool seenAgenda = false;
        int afterTitle = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (phase != Phase.Annex && StartsAnnex(b, coverLang, phase))
            {
                phase = Phase.Annex;
                b.Zone = Zone.AnnexHeading;
                b.Field = CoverField.AnnexHeading;
                continue;
            }
            if (phase == Phase.Annex)
            {
                AssignAnnex(blocks, i);
                continue;
            }
            switch (b.Field)
            {
                case CoverField.Distribution or CoverField.IssueDate or CoverField.VersionLanguage or CoverField.OriginalLanguage or CoverField.Symbol:
                    b.Zone = phase == Phase.Head ? Zone.Masthead : Zone.CoverBody;
                    break;
                case CoverField.Organ:
                {
                    var next = i + 1 < blocks.Count ? blocks[i + 1].Field : CoverField.None;
                    bool body = next is CoverField.Session or CoverField.Year;
                    b.Zone = body ? Zone.CoverBody : Zone.Masthead;
                    b.Field = body ? CoverField.Body : CoverField.Organ;
                    break;
                }
                case CoverField.Session or CoverField.Year or CoverField.SessionDates:
                    b.Zone = Zone.CoverBody;
                    break;
                case CoverField.Agenda:
                    b.Zone = Zone.CoverBody;
                    seenAgenda = true;
                    break;
                case CoverField.AgendaTitle:
                    b.Zone = Zone.CoverBody;
                    break;
                case CoverField.Title:
                    b.Zone = Zone.Title;
                    phase = Phase.AfterTitle;
                    break;
                case CoverField.Footnote:
                    b.Zone = Zone.Footnote;
                    break;
                case CoverField.JobNumber or CoverField.Barcode:
                    b.Zone = Zone.JobNumber;
                    break;
                case CoverField.Furniture:
                    b.Zone = Zone.Furniture;
                    break;
                case CoverField.Signature or CoverField.DocumentKind:
                    b.Zone = Zone.CoverBody;
                    break;
                default:
                    b.Zone = Zone.CoverBody;
                    if (phase == Phase.Head && seenAgenda) b.Field = CoverField.AgendaTitle;
                    else if (phase == Phase.AfterTitle)
                    {
                        afterTitle++;
                        b.Field = afterTitle switch { 1 => CoverField.Transmittal, 2 => CoverField.Request, _ => CoverField.None };
                    }
                    break;
            }
        }
        return (true, coverLang);
    }

    private enum Phase
    {
        Head,
        AfterTitle,
        Annex,
    }

    /// <summary>The version's language: the masthead's language line, else the language of the title and body.</summary>
    private static string CoverLanguage(List<Block> blocks)
    {
        var line = blocks.FirstOrDefault(b => b.Field == CoverField.VersionLanguage);
        if (line is not null) return Placeables.Codes.Default.TagOf(line.Text);
        var cover = blocks.Where(b => b.Field is CoverField.Title or CoverField.Session or CoverField.Agenda or CoverField.Organ);
        return DocumentParser.MainLanguage(cover.Any() ? cover : blocks);
    }

    private static bool StartsAnnex(Block b, string coverLang, Phase phase)
    {
        if (b.Field == CoverField.AnnexHeading) return true;
        // An English block after an Arabic or Chinese cover, once the title is behind us, is the annex as received.
        return phase == Phase.AfterTitle && coverLang != LanguageTag.English && b.Lang == LanguageTag.English
               && b.Field is CoverField.None && b.Text.Length > 20;
    }

    private static void AssignAnnex(List<Block> blocks, int i)
    {
        var b = blocks[i];
        var prev = blocks[i - 1];
        if (b.Field is CoverField.Footnote) { b.Zone = Zone.Footnote; return; }
        if (b.Field is CoverField.JobNumber or CoverField.Barcode) { b.Zone = Zone.JobNumber; return; }
        if (b.Field is CoverField.Furniture) { b.Zone = Zone.Furniture; return; }
        b.Field = CoverField.None;
        if (b.WholeBold && b.Repairs.HasFlag(Repair.JoinedLines) && prev.Zone == Zone.AnnexBody)
        {
            b.Zone = Zone.Address;
            return;
        }
        // The headings right after the annex heading, and any Markdown or bold short heading, are headings too.
        bool headingLike = b.Kind == BlockKind.Heading || b.WholeBold || LooksLikeHeading(b);
        b.Zone = headingLike && prev.Zone == Zone.AnnexHeading || b.Kind == BlockKind.Heading || (b.WholeBold && LooksLikeHeading(b))
            ? Zone.AnnexHeading
            : Zone.AnnexBody;
    }

    /// <summary>Short, without sentence-final punctuation: a heading whatever its formatting.</summary>
    internal static bool LooksLikeHeading(Block b)
    {
        var t = b.Text.TrimEnd();
        if (t.Length == 0 || t.Length > 200) return false;
        char last = t[^1];
        if (last is '.' or '!' or '?' or ':' or ';' or ',' or '。' or '！' or '？' or '؟' or '؛' or '،') return false;
        int words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 30;
    }

    private static void AssignWithoutCover(List<Block> blocks)
    {
        bool inText = false;
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            b.Field = b.Field is CoverField.Footnote or CoverField.JobNumber or CoverField.Barcode or CoverField.Furniture ? b.Field : CoverField.None;
            switch (b.Field)
            {
                case CoverField.Footnote: b.Zone = Zone.Footnote; continue;
                case CoverField.JobNumber or CoverField.Barcode: b.Zone = Zone.JobNumber; continue;
                case CoverField.Furniture: b.Zone = Zone.Furniture; continue;
            }
            if (!inText)
            {
                // Letterhead: bold blocks, capitals (GENEVA) and references (Ref: …) before the first paragraph of text.
                var t = b.Text;
                bool letterhead = b.WholeBold || (t.Length < 40 && t == t.ToUpperInvariant()) || t.StartsWith("Ref", StringComparison.Ordinal) && t.Length < 60;
                if (letterhead)
                {
                    b.Zone = Zone.Address;
                    continue;
                }
                inText = true;
            }
            // Mid-text, a bold block wrapped over lines is an address block a page break let in (seed 003).
            b.Zone = b.WholeBold && b.Repairs.HasFlag(Repair.JoinedLines) ? Zone.Address : Zone.Body;
        }
    }
}
