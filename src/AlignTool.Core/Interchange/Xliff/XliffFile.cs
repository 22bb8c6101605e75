namespace AlignTool.Core.Interchange.Xliff;

/// <summary>An XLIFF file as AlignTool writes and reads it: one document (1.2 <c>file</c>, 2.0 <c>file</c>; a file with
/// several is read as their units in order), its languages, its units in document order, and the skeleton that rebuilds
/// the target document (<see cref="Prefill.DraftSkeleton"/> as a string; null in another tool's file).</summary>
public sealed record XliffFile(XliffVersion Version, string Original, string SourceLang, string TargetLang, IReadOnlyList<XliffUnit> Units)
{
    public string? Skeleton { get; init; }
}
