using AlignTool.Core.Placeables;
using AlignTool.Core.Text;

namespace AlignTool.Core.Memory.Lookup;

/// <summary>A match for a query: the memory's source and target, how it was found, its score and why.</summary>
public sealed record MemoryMatch(
    string Source,
    string Target,
    Language TargetLang,
    MatchKind Kind,
    int Score,
    string Via,
    IReadOnlyList<string> Reasons,
    long UnitId,
    long VariantId,
    IReadOnlyList<SlotValue> Slots);
