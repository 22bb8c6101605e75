namespace AlignTool.Core.Interchange.Xliff;

/// <summary>A candidate translation of a unit (1.2 <c>alt-trans</c>, 2.0 <c>mtc:match</c>): the memory's source and
/// target, its score (0–100), where it came from and its kind (<c>exact</c>, <c>context</c>, <c>template</c>,
/// <c>fuzzy</c>).</summary>
public sealed record XliffMatch(string Source, string Target, int Score, string Origin, string Kind);
