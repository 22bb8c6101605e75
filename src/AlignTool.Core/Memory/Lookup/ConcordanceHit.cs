namespace AlignTool.Core.Memory.Lookup;

/// <summary>A unit that contains a term.</summary>
public sealed record ConcordanceHit(string Source, string Lang, string Target, string Via, long UnitId);
