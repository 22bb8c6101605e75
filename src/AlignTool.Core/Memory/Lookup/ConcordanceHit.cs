using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Lookup;

/// <summary>A unit that contains a term.</summary>
public sealed record ConcordanceHit(string Source, Language Lang, string Target, string Via, long UnitId);
