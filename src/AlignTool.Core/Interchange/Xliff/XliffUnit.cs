namespace AlignTool.Core.Interchange.Xliff;

/// <summary>
/// One segment of an XLIFF file: its source, its target (null: none) and the target's <see cref="State"/>; whether it
/// is for translation at all; the zone and cover field it is in; how AlignTool filled it (kind and score, null in
/// another tool's file); the reason as a note; the other candidates. <see cref="Line"/> and <see cref="Column"/>: where
/// it is in the file read (0 when written).
/// </summary>
public sealed record XliffUnit(string Id, string Source, string? Target, XliffState State)
{
    public bool Translate { get; init; } = true;

    public string? Zone { get; init; }

    public string? Field { get; init; }

    /// <summary>The match kind that filled the target (<c>exact</c>, <c>context</c>, <c>template</c>, <c>fuzzy</c>;
    /// <c>none</c>), as AlignTool wrote it.</summary>
    public string? Kind { get; init; }

    public int? Score { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<XliffMatch> Matches { get; init; } = [];

    public int Line { get; init; }

    public int Column { get; init; }
}
