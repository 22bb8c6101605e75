namespace AlignTool.Core.Documents;

/// <summary>PDF-extraction damage the parser repaired in a block.</summary>
[Flags]
public enum Repair
{
    None = 0,
    /// <summary>Lines wrapped with Markdown hard breaks (or soft breaks) joined into one block.</summary>
    JoinedLines = 1,
    /// <summary>Spaces removed between Han characters, or between Han characters and digits.</summary>
    HanSpacing = 2,
    /// <summary>A paragraph cut by a page break (possibly around an inserted address block) rejoined.</summary>
    PageBreakJoin = 4,
    /// <summary>Header fields run together on one line split into their own blocks.</summary>
    SplitFields = 8,
    /// <summary>A footnote marker (<c>\*</c>, <c>&lt;sup&gt;*&lt;/sup&gt;</c>, a list bullet) normalized to <c>*</c>.</summary>
    FootnoteMarker = 16,
    /// <summary>Lines of a multi-line block split into one block per cover field.</summary>
    SplitLines = 32,
}

public static class RepairNames
{
    public static IEnumerable<string> Names(this Repair repairs)
    {
        if (repairs.HasFlag(Repair.JoinedLines)) yield return "joined-lines";
        if (repairs.HasFlag(Repair.HanSpacing)) yield return "han-spacing";
        if (repairs.HasFlag(Repair.PageBreakJoin)) yield return "page-break-join";
        if (repairs.HasFlag(Repair.SplitFields)) yield return "split-fields";
        if (repairs.HasFlag(Repair.SplitLines)) yield return "split-lines";
        if (repairs.HasFlag(Repair.FootnoteMarker)) yield return "footnote-marker";
    }
}
